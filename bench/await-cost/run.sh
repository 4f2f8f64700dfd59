#!/bin/sh
# bench/await-cost/run.sh: the cost of one await, cawait against the
# hand-written C state machine, Rust async fn and C++20 coroutines of
# ../shared/anchors/await-overhead (sources copied here: c_await.c,
# rust_await.rs, cpp_await.cpp). Instructions per iteration with callgrind
# (difference of N=1e6 and N=0), frame bytes, and wall ns/iter as
# secondary. Prints a markdown section (bench/run.sh puts it in
# docs/performance.md). Needs make, valgrind, rustc,
# clang++-19.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
"$root/build/bin/cawait-cc" -O2 -fplugin-arg-cawait-frame-report \
  -Rremark-backend-plugin "$here/cawait_await.c" -o cawait_await 2>report.txt
# The chain across two files: inner in chain_inner.c, called through its
# frame budget; without and (when lld-19 is there) with ThinLTO.
cc="$root/build/bin/cawait-cc"
"$cc" -O2 -DINNER_ELSEWHERE -fplugin-arg-cawait-frame-report \
  -Rremark-backend-plugin "$here/cawait_await.c" "$here/chain_inner.c" \
  -o cawait_2tu 2>report2.txt
variants="cawait_await cawait_2tu"
lld=/usr/lib/llvm-19/bin/ld.lld
if [ -x "$lld" ]; then
  "$cc" -O2 -flto=thin -fuse-ld="$lld" -DINNER_ELSEWHERE \
    "$here/cawait_await.c" "$here/chain_inner.c" -o cawait_2tu_lto
  variants="$variants cawait_2tu_lto"
fi
clang-19 -O2 -std=c11 "$here/c_await.c" -o c_await
clang-19 -O2 -std=c11 -DFULL_INLINE "$here/c_await.c" -o c_await_inline
rustc -O --edition 2021 -C codegen-units=1 "$here/rust_await.rs" -o rust_await 2>/dev/null
clang++-19 -std=c++20 -O2 "$here/cpp_await.cpp" -o cpp_await_clang
clang++-19 -std=c++20 -O2 -DCOUNT_ALLOCS -DPROBE_TOP_FRAME "$here/cpp_await.cpp" \
  -o cpp_sizes
ir() { env -i PATH="$PATH" LC_ALL=C valgrind --tool=callgrind \
  --callgrind-out-file=/dev/null "./$1" "$2" 2>&1 | sed -n 's/.*Collected : //p'; }
# Heap allocations of the whole run, from valgrind's heap summary.
allocs() { env -i PATH="$PATH" LC_ALL=C valgrind "./$1" "$2" 2>&1 |
  sed -n 's/.*total heap usage: \([0-9,]*\) allocs.*/\1/p' | tr -d ,; }
# Bytes of the top future: cawait's frame report, the programs' own
# sizeof / size_of_val, the sizes of C++'s frame allocations.
frame_bytes() {
  case $1 in
  cawait_await) sed -n "s/.*frame of 'outer': \([0-9]*\) bytes.*/\1/p" report.txt ;;
  cawait_2tu*) sed -n "s/.*frame of 'outer': \([0-9]*\) bytes.*/\1/p" report2.txt ;;
  c_await*) ./$1 0 | sed -n 's/.*sizeof(Outer)=\([0-9]*\).*/\1/p' ;;
  rust_await) ./$1 0 | sed -n 's/.*size_of_val(outer)=\([0-9]*\).*/\1/p' ;;
  cpp_await_clang) ./cpp_sizes 1 | sed -n 's/.*in order): *//p' | tr ' ' + ;;
  esac
}
rows=""
for b in $variants c_await c_await_inline rust_await cpp_await_clang; do
  i0=$(ir $b 0); i1=$(ir $b 1000000)
  per=$(echo "$i0 $i1" | awk '{printf "%.1f", ($2-$1)/1e6}')
  a0=$(allocs $b 0); a1=$(allocs $b 100000)
  apr=$(echo "$a0 $a1" | awk '{printf "%.2f", ($2-$1)/1e5}')
  out=$(taskset -c 1 "./$b" 1000000 2>/dev/null || "./$b" 1000000)
  acc=$(echo "$out" | sed -n 's/.*acc=\(0x[0-9a-f]*\).*/\1/p')
  ns=$(echo "$out" | sed -n 's/.*ns\/iter=\([0-9.]*\).*/\1/p')
  rows="$rows| $b | $per | $apr | $(frame_bytes $b) | $ns | $acc |
"
done
ratio=$(echo "$rows" | awk -F'|' '$2 ~ /cawait_await/ {c=$3} $2 ~ / c_await / {h=$3} END {printf "%.3f", c/h}')
cat <<DOC
## Cost of one await (bench/await-cost)

The chain of \`../shared/anchors/await-overhead\` (outer -> middle -> inner
-> yield leaf, one suspension and one resumption per iteration), cawait
against the hand-written C state machine, Rust \`async fn\` and C++20
coroutines (clang++). Instructions per iteration are callgrind totals,
(N=1e6 - N=0)/1e6; ns/iter is one wall-clock run (noisy, secondary).
Regenerate with \`bench/run.sh\`.

| program | instr/iter | heap allocs/iter | frame bytes | ns/iter | acc |
|---|---|---|---|---|---|
$rows
cawait / hand-written C: $ratio (goal: at most 1.02, issue 18 item 3).
Machine: $(uname -srm), $(nproc) cores; $(clang-19 --version | head -1);
$(rustc --version); cawait $(git -C "$root" rev-parse --short HEAD).

Two files (cawait_2tu): inner is defined in chain_inner.c and main's file
knows only its prototype's budget, \`async_budget(16)\` (inner's frame is
16 bytes). middle embeds 16 bytes for it and calls inner__init and inner__poll directly,
but across files the C compiler cannot inline them: two calls per
iteration and the work inlining would have folded, about as much as Rust's
chain. With ThinLTO (cawait_2tu_lto, clang-19 -flto=thin, lld-19) they
are inlined again and the cost is that of one file.

Frames: cawait's outer frame is 64 bytes, the same as the hand-written C
(\`sizeof(Outer)\`), against 88 for Rust (see ANCHORS.md).

Where cawait's instructions go (callgrind_annotate, N=1e5): outer__poll
with the whole chain inlined (middle, inner and ca_yield, as the
hand-written outer_poll inlines its children) costs 49 per iteration, two
more than the hand-written one (a waker is one pointer into the task, so
waking loads the slot, then the operations; and a register copy, below);
the executor costs 14 (the
block_on loop 11, the waker 2, the type-erased poll trampoline's jump 1)
against 13 for the anchor's minimal block_on (its loop 11, its waker 2),
which has no timers or tasks to look after. The waker's 2: while the
executor has no task, the block_on future's wake operations are a single
store of its woken flag (\`ca__main_flag_wake\`, installed by
ca__block_on when no task exists, replaced by the full wake at a task's
start); the full wake, which checks the run queue and whether the future
is already queued, costs 7 (68 per iteration before this, issue 18 item
3). What is left against the hand-written C (63 against 60): the
trampoline's jump, and the two stores of a completed callee's done state
(middle's and inner's, \`movb \$2\`) that the C compiler keeps because
the loop's exit path returns with them. Before wakers became one word (issue 8) this was 63
instructions: 47 and 16; the waker's 2 more check that the future is not
already queued in the round being run (a review found it polled twice).
What made the difference (issue 9):
- the poll function's dispatch says resuming is the expected case
  (\`__builtin_expect(state != 0, 1)\`): the C compiler tests the resume
  states first, two instructions less per level;
- a future that woke itself while the run queue was empty, with no timer
  armed, is polled again at once, without a round of the run queue (tasks
  queued since were woken after it; when it wakes itself again it queues
  behind them, so wake order holds);
- the block_on future's waker points into the executor itself: waking is
  one compare and one store.

Kept variables in C locals of poll (issues 18 and 19, item 1) cost one
instruction here (67 before, 111 for two files): outer's \`acc\` and \`i\`
are stored where the await is, after \`x = i ^ acc\` is computed, not
where they are assigned, so x needs a register copy (x86 has two-operand
xor). Storing them only on the path that suspends instead kept them live
across the init and poll calls, in callee-saved registers: 90.
DOC
