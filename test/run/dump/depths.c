// ca_dump_tasks: the ca_block_on future and every task, each with the chain
// of awaits it is suspended in, one `function at file:line` per level down
// to the leaf and its timer: tasks at depths 1 to 3, a task not started yet,
// the task that dumps (running, by name only), the future in a select (both
// branches pending), a task in a join whose first branch completed (only the
// pending one shown); then the future itself dumping (running), and after
// ca_block_on returned (its tasks dropped), nothing.
// RUN: cd %S && %cawait-cc -Wall -Werror -gdwarf-4 depths.c -o %t
// RUN: %t | FileCheck %s --match-full-lines --strict-whitespace
// RUN: cd %S && %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all depths.c -o %t.san
// RUN: %t.san | FileCheck %s --match-full-lines --strict-whitespace
// RUN: %valgrind %t | FileCheck %s --match-full-lines --strict-whitespace
// RUN: cd %S && %cawait-gcc -std=gnu11 -O2 -Wall -Werror depths.c -o %t.gcc
// RUN: %t.gcc | FileCheck %s --match-full-lines --strict-whitespace
#include <cawait/dump.h>
#include <stdio.h>

static ca_notify done;

async int leaf_wait(int ms) {
  await(ca_sleep_ms(ms));
  return ms;
}

async int middle(int ms) {
  int r = await(leaf_wait(ms));
  return r + 1;
}

async void deep(void) { (void)await(middle(600000)); }

async void shallow(void) { await(ca_sleep_ms(600000)); }

async void two(void) { await(leaf_wait(600000)); }

async void joiner(void) {
  await(ca_join(ca_sleep_ms(1), middle(600000)));
}

async void dumper(void) {
  await(ca_sleep_ms(20)); // the others are suspended by now
  ca_spawn(shallow());    // queued, not started
  ca_dump_tasks(stdout);
  ca_notify_one(&done);
}

async int run(void) {
  ca_spawn(deep());
  ca_spawn(shallow());
  ca_spawn(two());
  ca_spawn(joiner());
  ca_spawn(dumper());
  int k = await(ca_select(ca_notified(&done),
                          middle(600000)));
  ca_dump_tasks(stdout);
  return k;
}

int main(void) {
  printf("notify %p\n", (void *)&done);
  int k = ca_block_on(run());
  printf("select: branch %d\n", k);
  ca_dump_tasks(stdout);
  return 0;
}

// CHECK:notify [[DONE:0x[0-9a-f]+]]
// CHECK-NEXT:cawait tasks:
// CHECK-NEXT:ca_block_on run, waiting
// CHECK-NEXT:  run at depths.c:53 → ca_select
// CHECK-NEXT:    [0] ca_notified (notify [[DONE]])
// CHECK-NEXT:    [1] middle at depths.c:26 → leaf_wait at depths.c:21 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]|600000}} ms)
// CHECK-NEXT:task 1 shallow, runnable
// CHECK-NEXT:  shallow (not started)
// CHECK-NEXT:task 2 deep, waiting
// CHECK-NEXT:  deep at depths.c:30 → middle at depths.c:26 → leaf_wait at depths.c:21 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]|600000}} ms)
// CHECK-NEXT:task 3 shallow, waiting
// CHECK-NEXT:  shallow at depths.c:32 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]|600000}} ms)
// CHECK-NEXT:task 4 two, waiting
// CHECK-NEXT:  two at depths.c:34 → leaf_wait at depths.c:21 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]|600000}} ms)
// CHECK-NEXT:task 5 joiner, waiting
// CHECK-NEXT:  joiner at depths.c:37 → ca_join
// CHECK-NEXT:    [1] middle at depths.c:26 → leaf_wait at depths.c:21 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]|600000}} ms)
// CHECK-NEXT:task 6 dumper, running
// The future, from its own poll: the tasks as they were, and the new one
// started and waiting; the dumper finished.
// CHECK-NEXT:cawait tasks:
// CHECK-NEXT:ca_block_on run, running
// CHECK-NEXT:task 1 deep, waiting
// CHECK-NEXT:  deep at depths.c:30 → middle at depths.c:26 → leaf_wait at depths.c:21 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]|600000}} ms)
// CHECK-NEXT:task 2 shallow, waiting
// CHECK-NEXT:  shallow at depths.c:32 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]|600000}} ms)
// CHECK-NEXT:task 3 two, waiting
// CHECK-NEXT:  two at depths.c:34 → leaf_wait at depths.c:21 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]|600000}} ms)
// CHECK-NEXT:task 4 joiner, waiting
// CHECK-NEXT:  joiner at depths.c:37 → ca_join
// CHECK-NEXT:    [1] middle at depths.c:26 → leaf_wait at depths.c:21 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]|600000}} ms)
// CHECK-NEXT:task 5 shallow, waiting
// CHECK-NEXT:  shallow at depths.c:32 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]|600000}} ms)
// CHECK-NEXT:select: branch 0
// CHECK-NEXT:cawait tasks:
// CHECK-NEXT:none
// CHECK-EMPTY:
