// gdb's `cawait tasks` (runtime/gdb/cawait.py, auto-loaded from the
// binary's .debug_gdb_scripts) prints what ca_dump_tasks prints, read from
// the stopped process: the program dumps, then stops in stop_here; both
// listings must be the same. Tasks at depths 1 to 3, one not started, the
// running one by name only, the future in a select. Then `cawait bt`: the
// ordinary backtrace, then the chain of the task being polled, or of the
// ca_block_on future inside its own poll.
// REQUIRES: gdb
// RUN: cd %S && %cawait-cc -g -O0 tasks.c -o %t
// RUN: gdb -batch -nx -iex 'set auto-load safe-path /' \
// RUN:   -ex 'break stop_here' -ex run -ex 'cawait tasks' -ex 'cawait bt' \
// RUN:   -ex 'delete' -ex 'break tasks.c:30 if r == 1' -ex continue -ex 'cawait bt' \
// RUN:   -ex kill %t 2>&1 | FileCheck %s --match-full-lines
// Without the safe-path setting, gdb declines the script:
// RUN: not gdb -batch -nx -iex 'set auto-load safe-path /nowhere' \
// RUN:   -ex 'cawait tasks' %t 2>&1 | FileCheck %s --check-prefix=DECLINED
#include <cawait/dump.h>
#include <stdio.h>

static ca_notify done;
__attribute__((noinline)) void stop_here(void) { __asm__ volatile(""); }

async int leaf_wait(int ms) {
  await(ca_sleep_ms(ms));
  return ms;
}

async int middle(int ms) {
  int r = await(leaf_wait(ms)); /* line 29 */
  return r + 1; /* line 30 */
}

async void deep(void) { (void)await(middle(600000)); }

async void shallow(void) { await(ca_sleep_ms(600000)); }

async void dumper(void) {
  await(ca_sleep_ms(20));
  ca_spawn(shallow());
  ca_dump_tasks(stdout);
  stop_here();
  ca_notify_one(&done);
}

async int run(void) {
  ca_spawn(deep());
  ca_spawn(shallow());
  ca_spawn(dumper());
  int k = await(ca_select(ca_notified(&done), middle(600000)));
  (void)await(middle(1));
  return k;
}

int main(void) {
  printf("notify %p\n", (void *)&done);
  return ca_block_on(run());
}

// CHECK:notify [[DONE:0x[0-9a-f]+]]
// CHECK-NEXT:cawait tasks:
// CHECK-NEXT:ca_block_on run, waiting
// CHECK-NEXT:  run at tasks.c:49 → ca_select
// CHECK-NEXT:    [0] ca_notified (notify [[DONE]])
// CHECK-NEXT:    [1] middle at tasks.c:29 → leaf_wait at tasks.c:24 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]|600000}} ms)
// CHECK-NEXT:task 1 shallow, runnable
// CHECK-NEXT:  shallow (not started)
// CHECK-NEXT:task 2 deep, waiting
// CHECK-NEXT:  deep at tasks.c:33 → middle at tasks.c:29 → leaf_wait at tasks.c:24 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]|600000}} ms)
// CHECK-NEXT:task 3 shallow, waiting
// CHECK-NEXT:  shallow at tasks.c:35 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]|600000}} ms)
// CHECK-NEXT:task 4 dumper, running
// CHECK-EMPTY:
// CHECK-NEXT:Breakpoint 1, stop_here () at tasks.c:21
// CHECK-NEXT:21 {{.*}}
// CHECK-NEXT:cawait tasks:
// CHECK-NEXT:ca_block_on run, waiting
// CHECK-NEXT:  run at tasks.c:49 → ca_select
// CHECK-NEXT:    [0] ca_notified (notify [[DONE]])
// CHECK-NEXT:    [1] middle at tasks.c:29 → leaf_wait at tasks.c:24 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]|600000}} ms)
// CHECK-NEXT:task 1 shallow, runnable
// CHECK-NEXT:  shallow (not started)
// CHECK-NEXT:task 2 deep, waiting
// CHECK-NEXT:  deep at tasks.c:33 → middle at tasks.c:29 → leaf_wait at tasks.c:24 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]|600000}} ms)
// CHECK-NEXT:task 3 shallow, waiting
// CHECK-NEXT:  shallow at tasks.c:35 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]|600000}} ms)
// CHECK-NEXT:task 4 dumper, running
// CHECK-NEXT:#0  stop_here () at tasks.c:21
// CHECK-NEXT:#1  {{.*}} in dumper__poll ({{.*}}) at tasks.c:41
// CHECK:Async backtrace of task 4 dumper, running:
// CHECK-NEXT:  dumper at tasks.c:38 → ca_sleep_ms (timer not armed)
// The future's second await, in middle's resumed poll after leaf_wait
// completed: the states are those of the awaits it resumed from.
// CHECK:Breakpoint 2, middle__poll ({{.*}}) at tasks.c:30
// CHECK:#0  middle__poll ({{.*}}) at tasks.c:30
// CHECK-NEXT:#1  {{.*}} in run__poll ({{.*}}) at tasks.c:50
// CHECK:Async backtrace of ca_block_on run, running:
// CHECK-NEXT:  run at tasks.c:50 → middle at tasks.c:29 → leaf_wait (finished)

// DECLINED: warning: File "{{.*}}" auto-loading has been declined by your `auto-load safe-path' set to "/nowhere".
// DECLINED: Undefined command: "cawait".

// `cawait next` over the suspending await of line 29 stops at line 30 of the
// same frame after it resumes, not at `}` nor in the executor:
// RUN: gdb -batch -nx -iex 'set auto-load safe-path /' \
// RUN:   -ex 'break tasks.c:29 if ms == 1' -ex run -ex 'cawait next' \
// RUN:   -ex 'print r' -ex kill %t 2>&1 | FileCheck %s --check-prefix=NEXT
// NEXT: Breakpoint 1, middle__poll ({{.*}}) at tasks.c:29
// NEXT: Breakpoint {{-?[0-9]+}}, middle__poll ({{.*}}) at tasks.c:30
// NEXT-NEXT: 30 return r + 1; /* line 30 */
// NEXT-NEXT: $1 = 1

// On a core file (gcore at stop_here), `cawait tasks` lists the same, the
// deadlines as absolute ca_now_ms() values (no clock to subtract from):
// RUN: gdb -batch -nx -iex 'set auto-load safe-path /' -ex 'break stop_here' \
// RUN:   -ex run -ex 'gcore %t.core' -ex kill %t > /dev/null 2>&1
// RUN: gdb -batch -nx -iex 'set auto-load safe-path /' -ex 'cawait tasks' \
// RUN:   %t %t.core 2>&1 | FileCheck %s --check-prefix=CORE
// CORE: cawait tasks:
// CORE-NEXT: ca_block_on run, waiting
// CORE-NEXT:   run at tasks.c:49 → ca_select
// CORE-NEXT:     [0] ca_notified (notify {{0x[0-9a-f]+}})
// CORE-NEXT:     [1] middle at tasks.c:29 → leaf_wait at tasks.c:24 → ca_sleep_ms (deadline at {{[0-9]+}} ms)
// CORE:      task 4 dumper, running
