#!/bin/sh
# bench/compile-time/run.sh: wall time and peak memory of cawait-cc -O2
# against plain clang-19 -O2 on the same files (median of 5 runs each):
#   lz4.c   no async function (third_party/lz4, BSD 2-clause);
#   few.c   lz4 included whole plus three async functions;
#   many.c  337 await-dense async functions (test/fuzz/gen.py 100 --batch
#           40: every statement awaits, the worst case for the lowering).
# Prints a markdown section (bench/run.sh puts it in docs/performance.md).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$here/third_party/lz4/lz4.c" "$here/third_party/lz4/lz4.h" "$tmp/"
python3 "$root/test/fuzz/gen.py" 100 --batch 40 >"$tmp/many.c"
inc="$root/runtime/include"
# "cpu-seconds wall-seconds KB" of one compile (cpu = user + system: less
# noisy than wall time on a shared machine)
one() {
  /usr/bin/time -f "%U %S %e %M" "$@" -w -O2 -c -o /dev/null 2>&1 >/dev/null |
    tail -1 | awk '{printf "%.2f %s %s\n", $1 + $2, $3, $4}'
}
# the run with the median CPU time of 5
median() {
  for i in 1 2 3 4 5; do one "$@"; done | sort -n | sed -n 3p
}
echo "## Compile time (bench/compile-time)"
echo
echo "\`cawait-cc -O2 -c\` against \`clang-19 -O2 -c\` on the same file (without"
echo "the plugin, \`async\` is empty and \`await(e)\` is \`e\`). The run with the median"
echo "CPU time (user + system) of 5, its wall time, and peak RSS. Regenerate with \`bench/run.sh\`."
echo
echo "| file | async functions | clang-19 CPU s (wall) | cawait-cc CPU s (wall) | ratio (CPU) | clang-19 KB | cawait-cc KB |"
echo "|---|---|---|---|---|---|---|"
for f in "$tmp/lz4.c" "$here/few.c" "$tmp/many.c"; do
  n=$(grep -c '^async ' "$f" || true)
  set -- $(median clang-19 -I"$inc" -I"$here" "$f")
  ps=$1 pw=$2 pm=$3
  set -- $(median "$root/build/bin/cawait-cc" -I"$here" "$f")
  cs=$1 cw=$2 cm=$3
  r=$(echo "$ps $cs" | awk '{printf "%.2f", $2/$1}')
  echo "| $(basename "$f") | $n | $ps ($pw) | $cs ($cw) | $r | $pm | $cm |"
done
cat <<'DOC'
Goals: at most 1.05 without async code, at most 1.3 with it. Where the
time goes with the plugin: one extra parse of the translation unit (the
analysis parse; a second one when awaits sit inside expressions and the
normalized text is parsed again), the passes themselves, and then the
optimizer on the lowered code. A file that names nothing of cawait
(lz4.c) is not analysed at all: it costs what it costs without the
plugin. The parses and passes are small next to -O2 on ordinary code
(few.c). In many.c every statement awaits:
each await becomes an init, a state store, a resume label and a poll
call, every function gets a drop function and a frame, and the optimizer
inlines the callees' poll functions into their callers, so -O2 has about
three times the code to work on (the object file of examples/timeouts.c
is four times the size of its synchronous build). That is the gap to the
1.3 goal on await-dense code; profiling removed the plugin's own
quadratic costs (a translation-unit parent map for start sites, a
whole-prefix search per declaration: the plugin's share on many.c went
from 3.6 s to 1.6 s of -fsyntax-only).
DOC
