#!/bin/sh
# bench/runtime/run.sh: the runtime's own costs, in one command. Builds the
# programs beside this script (cawait ones with build/bin/cawait-cc -O2,
# plain C ones with clang-19 -O2) and measures
#   1. memory per task: peak RSS of N tasks all asleep in ca_sleep_ms
#      (tasks_mem.c), over the RSS of N=0, per task;
#   2. instructions per await, yield, spawn and timer with callgrind
#      (insn.c), difference of two iteration counts;
#   3. echo throughput on loopback: echo_cawait.c against the hand-written
#      epoll server echo_epoll.c, loaded by load.c, server and client
#      pinned to different cores;
#   4. instructions per echoed message of both servers with callgrind,
#      under the same client load (load.c stopping after a message count),
#      difference of two counts.
# Then writes the "## Runtime" section of docs/performance.md (between its
# markers, appended when missing). With --print it only prints the section
# (bench/run.sh, which regenerates the whole file, uses that).
# Needs a built tree (make), valgrind, taskset; about two minutes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
print=0
[ "${1:-}" = --print ] && print=1
cc="$root/build/bin/cawait-cc"
tmp=$(mktemp -d)
pids=""
trap 'for p in $pids; do kill "$p" 2>/dev/null || :; done; rm -rf "$tmp"' EXIT
cd "$tmp"

# ------------------------------------------------------------------ build
"$cc" -O2 -fplugin-arg-cawait-frame-report -Rremark-backend-plugin \
  "$here/tasks_mem.c" -o tasks_mem 2>report.txt
"$cc" -O2 "$here/insn.c" -o insn
"$cc" -O2 "$here/echo_cawait.c" -o echo_cawait
clang-19 -O2 -std=c11 "$here/echo_epoll.c" -o echo_epoll
clang-19 -O2 -std=c11 "$here/load.c" -o load
printf '#include <cawait.h>\n#include <stdio.h>\nint main(void) { printf("%%zu\\n", sizeof(ca_timer)); }\n' >size.c
clang-19 -std=c11 -I"$root/runtime/include" size.c -o size
timer_bytes=$(./size)
frame=$(sed -n "s/.*frame of 'sleeper': \([0-9]*\) bytes.*/\1/p" report.txt)

# ------------------------------------------------------- memory per task
base=$(./tasks_mem 0 | sed -n 's/.*hwm_kb=\([0-9]*\).*/\1/p')
mem_rows=""
for n in 1 10000 100000 1000000; do
  out=$(./tasks_mem $n)
  hwm=$(echo "$out" | sed -n 's/.*hwm_kb=\([0-9]*\).*/\1/p')
  ms=$(echo "$out" | sed -n 's/.*spawn_and_poll_ms=\([0-9.]*\).*/\1/p')
  # One task is within the run-to-run noise of VmHWM (~100 KB).
  per=$(echo "$base $hwm $n" |
    awk '{ if ($3 < 10000) print "(noise)"; else printf "%.1f", ($2-$1)*1024/$3 }')
  mem_rows="$mem_rows| $n | $hwm | $((hwm - base)) | $per | $ms |
"
done
per1m=$(echo "$mem_rows" | awk -F'|' '$2 ~ / 1000000 / {gsub(/ /,"",$5); print $5}')
hwm1m=$(echo "$mem_rows" | awk -F'|' '$2 ~ / 1000000 / {gsub(/ /,"",$3); print $3}')

# ------------------------------------------------------- instructions
ir() { env -i PATH="$PATH" LC_ALL=C valgrind --tool=callgrind \
  --callgrind-out-file=/dev/null ./insn "$1" "$2" 2>&1 |
  sed -n 's/.*Collected : //p'; }
insn_rows=""
for spec in "await 10000 110000" "yield 10000 110000" "spawn 10000 110000" \
  "timer 10000 110000" "timer100k 1000 21000"; do
  set -- $spec
  i0=$(ir "$1" "$2")
  i1=$(ir "$1" "$3")
  per=$(echo "$i0 $i1 $2 $3" | awk '{printf "%.1f", ($2-$1)/($4-$3)}')
  insn_rows="$insn_rows| $1 | $2 | $i0 | $3 | $i1 | $per |
"
done
insn_of() { echo "$insn_rows" | awk -F'|' -v m="$1" '$2 == " " m " " {gsub(/ /,"",$7); print $7}'; }

# ------------------------------------------------------- echo throughput
# Ports from the pid, so parallel runs on one machine do not collide, and
# below Linux's ephemeral range (32768 and up), where the load client's own
# connections would hold them.
p1=$((20000 + $$ % 10000))
p2=$((p1 + 1))
taskset -c 0 ./echo_epoll $p1 & pids="$pids $!"
taskset -c 0 ./echo_cawait $p2 & pids="$pids $!"
sleep 0.5
secs=2
reps=5
echo_rows=""
# msgs/s and MB/s of one load run against port $1.
run_load() { taskset -c 1 ./load "$1" "$2" "$3" $secs; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
for cfg in "50 64" "50 16384" "1 64"; do
  set -- $cfg
  # Interleaved pairs, the order alternating, so that a change in the
  # machine's load hits both servers alike; medians of each side and of
  # the pairs' ratios.
  : >e.txt; : >c.txt; : >r.txt
  i=0
  while [ $i -lt $reps ]; do
    if [ $((i % 2)) -eq 0 ]; then
      e=$(run_load $p1 "$1" "$2"); c=$(run_load $p2 "$1" "$2")
    else
      c=$(run_load $p2 "$1" "$2"); e=$(run_load $p1 "$1" "$2")
    fi
    em=$(echo "$e" | field msgs_per_s); cm=$(echo "$c" | field msgs_per_s)
    echo "$em $(echo "$e" | field MB_per_s)" >>e.txt
    echo "$cm $(echo "$c" | field MB_per_s)" >>c.txt
    echo "$cm $em" | awk '{printf "%.2f\n", $1/$2}' >>r.txt
    i=$((i + 1))
  done
  em=$(cut -d' ' -f1 e.txt | median); eb=$(cut -d' ' -f2 e.txt | median)
  cm=$(cut -d' ' -f1 c.txt | median); cb=$(cut -d' ' -f2 c.txt | median)
  r=$(median <r.txt)
  rs=$(sort -n r.txt | tr '\n' ' ' | sed 's/ $//')
  echo_rows="$echo_rows| $1 | $2 | $em | $eb | $cm | $cb | $r | $rs |
"
done

# ---------------------------------------- instructions per echoed message
# Each server alone under callgrind, loaded with exactly $2 messages over
# $1 connections, then killed (callgrind counts to the end). How many
# wakeups a message costs depends on timing (whether the next message is
# already there), so the least of three runs.
p3=$((p1 + 2))
srv_insn() {
  for k in 1 2 3; do
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "./$1" $p3 \
      2>srv.txt & vg=$!
    ./load $p3 "$2" 64 600 "$3" >/dev/null
    sleep 0.3
    { kill $vg; wait $vg; } 2>/dev/null || : # quiet: no "Terminated"
    sed -n 's/.*Collected : //p' srv.txt
  done | sort -n | head -1
}
m0=5000
m1=25000
msg_rows=""
for conns in 1 50; do
  e0=$(srv_insn echo_epoll $conns $m0); e1=$(srv_insn echo_epoll $conns $m1)
  c0=$(srv_insn echo_cawait $conns $m0); c1=$(srv_insn echo_cawait $conns $m1)
  msg_rows="$msg_rows$(echo "$conns $e0 $e1 $c0 $c1" | awk -v d=$((m1 - m0)) '{
    e = ($3 - $2) / d; c = ($5 - $4) / d
    printf "| %d | %.1f | %.1f | %.2f |", $1, e, c, c / e }')
"
done
load=$(cut -d' ' -f1-3 /proc/loadavg)

# ------------------------------------------------------- the section
cat >section.md <<DOC
<!-- bench/runtime/run.sh: begin -->
## Runtime (bench/runtime)

Generated by \`bench/runtime/run.sh\` (this section only; \`bench/run.sh\`
regenerates it with the rest). Machine: $(uname -srm), $(nproc) cores,
load average $load when it ended; $(clang-19 --version | head -1);
cawait $(git -C "$root" rev-parse --short HEAD).

### Memory per task

\`tasks_mem N\` (\`build/bin/cawait-cc -O2\`) spawns N tasks that each
\`await(ca_sleep_ms(10000))\`, then \`ca_block_on\` a probe that yields
until every task has been polled once: all N are then asleep at the same
time, their timers armed. It reads VmHWM (peak RSS) from
/proc/self/status and, instead of waiting the 10 s out, drops the tasks
with \`ca_executor_shutdown\`. Per task = (VmHWM(N) - VmHWM(0)) / N, with
VmHWM(0) = $base KB.

| tasks | peak RSS (KB) | over N=0 (KB) | bytes per task | spawn + first poll (ms) |
|---|---|---|---|---|
$mem_rows
The task's frame is $frame bytes (frame report of \`sleeper\`: its state
and the \`ca_sleep_ms\` frame, whose \`ca_timer\` is $timer_bytes bytes),
the task header 24: a block of $(( (frame + 24 + 15) / 16 * 16 )) bytes of the
thread's slab (runtime/src/task_mem.c: size classes, no allocator header;
before it, a 32-byte header and a block of glibc's malloc: 80 bytes for
this frame, 79,532 KB for 1M tasks). Goal (issue 18): at most 64 bytes per
sleeping task, 64 MB for 1M; what is measured above the block is the
slab's chunk rounding and page granularity. Anchors (ANCHORS.md, 1,000,000 tasks sleeping 2 s,
whole-process peak RSS): tokio current_thread spawn + sleep 1,392,860 KB
(~1,426 B per task), libuv 1M malloc'd timers without task state
158,120 KB (~162 B per timer); cawait: $hwm1m KB, $per1m B per task.

### Instructions per operation

\`valgrind --tool=callgrind ./insn MODE N\` at two iteration counts N0 and
N1; per operation = (I(N1) - I(N0)) / (N1 - N0), so setup cancels.
Repeatable across runs (wall time is not). Modes:
- await: \`acc += await(child(i ^ acc))\`, an async function that
  completes without suspending (the plugin's call path);
- yield: \`await(ca_yield())\` in a \`ca_block_on\` loop: suspend, wake,
  resume through the executor;
- spawn: \`ca_spawn(trivial(i))\` from plain code, \`ca_run()\` every 64:
  a slab block, queue, one poll, free;
- timer: \`await(ca_sleep_ms(0))\` in a \`ca_block_on\` loop: arm (reading
  the clock), fire, wake, resume; so a yield plus the timer;
- timer100k: the same with 100,000 other tasks asleep, their timers
  armed (1,000 s), to show that arming and firing do not depend on how
  many timers are armed.

| mode | N0 | instructions(N0) | N1 | instructions(N1) | instr/op |
|---|---|---|---|---|---|
$insn_rows
The timer's own cost (timer - yield) is
$(echo "$(insn_of timer) $(insn_of yield)" | awk '{printf "%.1f", $1-$2}') instructions;
with 100,000 armed it is
$(echo "$(insn_of timer100k) $(insn_of yield)" | awk '{printf "%.1f", $1-$2}').
The await-overhead chain is measured in "Cost of one await" above.
Spawn before the slab (a 32-byte header, glibc malloc and free per
task; issue 18): 351.9 instructions per spawn, the same command. The
await chain (bench/await-cost/run.sh: callgrind of \`cawait_await\` at
N=0 and N=1e6) spawns no task: 63.00 instructions per iteration both
before and after the slab.

### Echo throughput on loopback

\`echo_epoll\` is a hand-written server in plain C (one thread,
non-blocking sockets, edge-triggered epoll, a 16 KiB buffer per
connection); \`echo_cawait\` is examples/echo.c's server (a task per
connection, \`ca_read\` into a 16 KiB buffer, \`write_all\` back) with a
port argument; both -O2 (clang-19; cawait-cc is clang-19 with the plugin).
\`load PORT CONNS SIZE SECONDS\` opens CONNS connections, each sending a
SIZE-byte message and reading it back before the next (one in flight per
connection), for $secs s, and reports echoed messages/s and MB/s (one
direction). Both servers run together, pinned with \`taskset -c 0\`; the
client is pinned with \`taskset -c 1\` and loads one server at a time:
$reps pairs of runs per row, interleaved with the order alternating. The
table gives the medians, and every pair's ratio (cawait / epoll) sorted.

| conns | message bytes | epoll msgs/s | epoll MB/s | cawait msgs/s | cawait MB/s | cawait / epoll (median) | ratio of each pair |
|---|---|---|---|---|---|---|---|
$echo_rows
Wall-clock numbers: they move with the machine's load (2 cores shared
with other jobs) by as much as 30% between two runs of the same server a
few seconds apart, which is why single runs are not compared.

### Instructions per echoed message

The same two servers, each alone under \`valgrind --tool=callgrind\`,
loaded by \`load PORT CONNS 64 600 M\` (stops after exactly M echoed
64-byte messages, one in flight per connection), then killed. Per message
= (I(M1) - I(M0)) / (M1 - M0), M0 = $m0, M1 = $m1, so start-up and the
connections' set-up and close cancel; each I is the least of three runs
(how many wakeups a message costs depends on timing: whether the next
message is already there when the server looks). User-space
instructions of the server process only (the kernel's share of each
\`read\`, \`send\` and \`epoll_wait\` is not counted): what the
runtime and the lowered code add over the hand-written state machine.

| conns | epoll instr/message | cawait instr/message | cawait / epoll |
|---|---|---|---|
$msg_rows
Commands (from the repository root, after \`make\`):
\`\`\`
bench/runtime/run.sh              # all of the above, rewrites this section
build/bin/cawait-cc -O2 bench/runtime/tasks_mem.c -o tasks_mem && ./tasks_mem 1000000
build/bin/cawait-cc -O2 bench/runtime/insn.c -o insn
valgrind --tool=callgrind --callgrind-out-file=/dev/null ./insn yield 110000
clang-19 -O2 bench/runtime/echo_epoll.c -o echo_epoll
build/bin/cawait-cc -O2 bench/runtime/echo_cawait.c -o echo_cawait
clang-19 -O2 bench/runtime/load.c -o load
taskset -c 0 ./echo_epoll 20001 & taskset -c 1 ./load 20001 50 64 3
valgrind --tool=callgrind ./echo_cawait 20002 & ./load 20002 1 64 600 25000; kill %%
\`\`\`
<!-- bench/runtime/run.sh: end -->
DOC

if [ $print = 1 ]; then
  cat section.md
  exit 0
fi
doc="$root/docs/performance.md"
if grep -q '^<!-- bench/runtime/run.sh: begin -->' "$doc"; then
  awk -v sec="$tmp/section.md" '
    /^<!-- bench\/runtime\/run.sh: begin -->/ {
      while ((getline l < sec) > 0) print l; skip = 1; next }
    /^<!-- bench\/runtime\/run.sh: end -->/ { skip = 0; next }
    !skip' "$doc" >"$tmp/doc.md"
else
  { cat "$doc"; echo; cat section.md; } >"$tmp/doc.md"
fi
cp "$tmp/doc.md" "$doc"
cat section.md
