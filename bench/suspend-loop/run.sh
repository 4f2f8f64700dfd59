#!/bin/sh
# bench/suspend-loop/run.sh: what async costs when a hot loop runs in an
# async function that really suspends. nbody.c's step is async and yields
# every 16th step, so its loops run in its poll function with its
# parameters (the bodies, dt) and locals kept across that await. Built
# with cawait-cc -O2, against the same file built by plain clang-19 -O2
# (await(e) is e: the synchronous reference). Instructions per step with
# callgrind (difference of 20000 and 0 steps), frame bytes of the step.
# Prints a markdown section (bench/run.sh puts it in docs/performance.md).
# Needs valgrind.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
"$root/build/bin/cawait-cc" -O2 -fplugin-arg-cawait-frame-report \
  -Rremark-backend-plugin "$here/nbody.c" -lm -o nbody_async 2>report.txt
clang-19 -O2 -I"$root/runtime/include" "$here/nbody.c" \
  "$root/build/lib/libcawait.a" -lm -o nbody_sync
ir() { env -i PATH="$PATH" LC_ALL=C valgrind --tool=callgrind \
  --callgrind-out-file=/dev/null "./$1" "$2" 2>&1 | sed -n 's/.*Collected : //p'; }
s0=$(ir nbody_sync 0); s1=$(ir nbody_sync 20000)
a0=$(ir nbody_async 0); a1=$(ir nbody_async 20000)
same=$([ "$(./nbody_sync 2000)" = "$(./nbody_async 2000)" ] && echo yes || echo NO)
row=$(echo "$s0 $s1 $a0 $a1" | awk '{s=($2-$1)/20000; a=($4-$3)/20000;
  printf "%.1f | %.1f | %.3f", s, a, a/s}')
frame=$(sed -n "s/.*frame of 'advance': \([0-9]*\) bytes.*/\1/p" report.txt)
cat <<DOC
## A hot loop in a function that suspends (bench/suspend-loop)

\`bench/suspend-loop/nbody.c\`: five bodies, one async step function whose
loops update the bodies through a pointer and which awaits \`ca_yield()\`
every 16th step (a real suspension: the step's frame is a sub-frame of the
\`ca_block_on\` future, which the executor polls again). Instructions per
step are callgrind totals, (20000 steps - 0 steps)/20000; the synchronous
reference is the same file built by plain clang-19 -O2. Regenerate with
\`bench/run.sh\`.

| sync instr/step | async instr/step | ratio | advance's frame bytes | same output |
|---|---|---|---|---|
| $row | $frame | $same |

Where the rest goes (callgrind_annotate): the step's poll function costs
about what the synchronous step does (609 against 601 per step); the
caller's loop, which inits and polls the step's frame, about 21.

Before the variables a frame keeps lived in C locals of the poll function
(issues 18 and 19, item 1), the step read its parameters (the bodies, dt)
as \`ca__f->b\`, \`ca__f->dt\`: every store through the bodies may alias
the frame, so the C compiler reloaded them after each one. Before and
after that change, measured in one session with each tree's cawait-cc
(main f8288d4, then the kept-locals branch: \`bench/await-cost/run.sh\`,
\`bench/no-suspend/run.sh\`, and this nbody.c built and counted as
above):

| figure | before | after |
|---|---|---|
| suspend-loop, instructions per step (ratio to sync) | 719.3 (1.181) | 631.3 (1.037) |
| await-cost cawait_await, instructions per iteration | 67.0 | 68.0 |
| await-cost cawait_2tu, instructions per iteration | 111.0 | 112.0 |
| no-suspend, instructions per round, 12 workloads | the table above | identical |
| frame bytes of outer (await-cost) and advance | 64, 32 | 64, 32 |

The await chain's one instruction is a register copy (see bench/await-cost).
bench/no-suspend is unchanged because nothing there suspends: those bodies
are f__sync, plain C already. Frames: the lowered text's \`_Static_assert\`s
on every frame's size and offsets are identical for the 239 files of
test/lowering, test/run, test/layout, test/liveness and examples.
DOC
