#!/bin/sh
# bench/block-on/run.sh: what a ca_block_on of an async function that never
# suspends costs, against the same file built by plain clang-19 -O2
# (ca_block_on(e) is e there). Instructions per call with callgrind
# (difference of 100000 calls and 0). Prints a markdown section
# (bench/run.sh puts it in docs/performance.md). Needs valgrind.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
"$root/build/bin/cawait-cc" -O2 "$here/block_on.c" -o block_on_async
clang-19 -O2 -I"$root/runtime/include" "$here/block_on.c" \
  "$root/build/lib/libcawait.a" -o block_on_sync
ir() { env -i PATH="$PATH" LC_ALL=C valgrind --tool=callgrind \
  --callgrind-out-file=/dev/null "./$1" "$2" 2>&1 | sed -n 's/.*Collected : //p'; }
s0=$(ir block_on_sync 0); s1=$(ir block_on_sync 100000)
a0=$(ir block_on_async 0); a1=$(ir block_on_async 100000)
same=$([ "$(./block_on_sync 1000)" = "$(./block_on_async 1000)" ] && echo yes || echo NO)
row=$(echo "$s0 $s1 $a0 $a1" | awk '{s=($2-$1)/100000; a=($4-$3)/100000;
  printf "%.1f | %.1f | %.1f", s, a, a-s}')
cat <<DOC
## ca_block_on of a function that never suspends (bench/block-on)

\`bench/block-on/block_on.c\`: plain code blocks on an async function that
awaits another twice and never suspends, 100000 times. Such a
\`ca_block_on\` is a direct call: the frame's init and poll run in place
between \`ca__block_on_sync_enter\` and \`ca__block_on_sync_leave\` (the
executor-running check and the scope of tasks spawned meanwhile), with no
executor round. Instructions per call are callgrind totals, (100000 calls
- 0 calls)/100000; the synchronous reference is the same file built by
plain clang-19 -O2. Regenerate with \`bench/run.sh\`.

| sync instr/call | async instr/call | difference | same output |
|---|---|---|---|
| $row | $same |

Before (\`ca__block_on\`, an executor round per call), measured in one
session with main 38aa391's cawait-cc and this run's script: 120.0
instructions per call, against 18.5 synchronous (101.5 more).
DOC
