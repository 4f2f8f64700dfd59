#!/bin/sh
# bench/generators/run.sh: iterating a generator against a hand-written C
# iterator struct with a `next` function, and a pipeline of three
# generators against the fused loop (gen_bench.c). Instructions per item
# with callgrind (difference of N=1e6 and N=0, one binary for all four),
# and the frames of the generators from cawait's frame report. Prints a
# markdown section (bench/run.sh puts it in docs/performance.md). Needs
# valgrind and a built tree (make).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
"$root/build/bin/cawait-cc" -O2 -fplugin-arg-cawait-frame-report \
  -Rremark-backend-plugin "$here/gen_bench.c" -o gen_bench 2>report.txt
ir() { env -i PATH="$PATH" LC_ALL=C valgrind --tool=callgrind \
  --callgrind-out-file=/dev/null ./gen_bench "$1" "$2" 2>&1 |
  sed -n 's/.*Collected : //p'; }
per() { i0=$(ir "$1" 0); i1=$(ir "$1" 1000000)
  echo "$i0 $i1" | awk '{printf "%.2f", ($2-$1)/1e6}'; }
sum() { ./gen_bench "$1" 1000 | sed -n 's/.*sum=//p'; }
[ "$(sum iter)" = "$(sum gen)" ] || { echo "iter and gen disagree" >&2; exit 1; }
[ "$(sum fused)" = "$(sum pipe)" ] || { echo "fused and pipe disagree" >&2; exit 1; }
iter=$(per iter); gen=$(per gen); fused=$(per fused); pipe=$(per pipe)
frame() { sed -n "s/.*frame of '$1': \([0-9]*\) bytes (lower bound \([0-9]*\).*/\1 (lower bound \2)/p" report.txt; }
echo "## Generators (bench/generators)"
echo
echo "\`sh bench/generators/run.sh\`: instructions per item (callgrind, N=1e6"
echo "minus N=0, one binary built by \`cawait-cc -O2\`; the variants of a pair"
echo "compute the same sum, checked). The iterator is a struct with a \`next\`"
echo "function; the fused loop computes the sum of the squares of the odd"
echo "numbers in one loop, the pipeline with three generators (numbers -> odd"
echo "-> squares) and a \`ca_for\`."
echo
echo "| variant | instructions / item | ratio |"
echo "|---|---:|---:|"
echo "| hand-written iterator (\`next\`) | $iter | 1 |"
echo "| generator + \`ca_for\` | $gen | $(echo "$gen $iter" | awk '{printf "%.3f", $1/$2}') |"
echo "| fused loop | $fused | 1 |"
echo "| pipeline of three generators | $pipe | $(echo "$pipe $fused" | awk '{printf "%.3f", $1/$2}') |"
echo
echo "Frames (frame report): numbers $(frame numbers), odd $(frame odd),"
echo "squares $(frame squares) bytes: each generator's frame holds the one it"
echo "iterates over, and a frame is its lower bound rounded to its alignment."
echo "The frame ABI of a generator is static (no other file can hold its frame),"
echo "so the C compiler inlines a loop over it, or a whole pipeline, into one"
echo "function; with it external (before), the pipeline cost 2.1 times the"
echo "fused loop (32.5 instructions per item)."
