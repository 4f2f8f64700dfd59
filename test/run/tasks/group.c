// ca_task_group with the plugin: ca_task_group_wait waits for every task
// (including one added by a task of the group while it waits); a wait
// dropped by a timeout leaves the tasks in the group; ca_task_group_abort drops
// the pending tasks (their cleanups run) and counts them; a full group
// reaps finished tasks to make room, and refuses a task when none has
// finished (-ENOSPC: the task is aborted before it ran), leaving alone a
// finished task that a wait is joining; NULL is -EINVAL.
// RUN: %cawait-cc -Wall -Werror -gdwarf-4 %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <errno.h>
#include <stdio.h>

static int started, finished, cleanups;
static ca_task *slots[3];
static ca_task_group g;

static void count_cleanup(int *p) { cleanups++, (void)p; }

async int sleeper(int ms) {
  __attribute__((cleanup(count_cleanup))) int guard = ms;
  started++;
  await(ca_sleep_ms((uint64_t)guard));
  finished++;
  return ms;
}

async void spawner(void) {
  await(ca_sleep_ms(1));
  printf("add from a task of the group: %d\n",
         ca_task_group_add(&g, ca_spawn(sleeper(2))));
}

/* Finishes at `at` (a shared deadline, so the order does not depend on
 * how long the polls take: equal deadlines fire in arming order). */
async int finish_at(uint64_t at) {
  __attribute__((cleanup(count_cleanup))) int guard = 0;
  await(ca_sleep_until(at));
  return guard;
}

async void add_later(uint64_t at) {
  await(ca_sleep_until(at));
  int rc = ca_task_group_add(&g, ca_spawn(sleeper(1)));
  printf("add to a full group whose joined task just finished: %s\n",
         rc == -ENOSPC ? "-ENOSPC" : "WRONG");
}

async int run(void) {
  ca_task_group_init(&g, slots, 3);
  ca_task_group_add(&g, ca_spawn(sleeper(3)));
  ca_task_group_add(&g, ca_spawn(spawner()));
  int rc = await(ca_task_group_wait(&g));
  printf("waited %d: started %d, finished %d, cleanups %d, left %u\n", rc,
         started, finished, cleanups, ca_task_group_len(&g));

  started = finished = cleanups = 0;
  ca_task_group_add(&g, ca_spawn(sleeper(1)));
  ca_task_group_add(&g, ca_spawn(sleeper(60000)));
  int timed_out = await(ca_timeout_ms(20, ca_task_group_wait(&g)));
  printf("wait timed out %d: finished %d, left %u\n", timed_out, finished,
         ca_task_group_len(&g));
  ca_task_group_add(&g, ca_spawn(sleeper(60000)));
  rc = ca_task_group_add(&g, ca_spawn(sleeper(60000)));
  printf("full: reaped the finished one, add %d, left %u\n", rc,
         ca_task_group_len(&g));
  rc = ca_task_group_add(&g, ca_spawn(sleeper(60000)));
  printf("full of pending tasks: add %s, left %u, started %d\n",
         rc == -ENOSPC ? "-ENOSPC" : "WRONG", ca_task_group_len(&g), started);
  printf("NULL: %d\n", ca_task_group_add(&g, (ca_task *)0));
  await(ca_yield());
  printf("before abort: started %d, cleanups %d\n", started, cleanups);
  rc = ca_task_group_abort(&g);
  printf("aborted %d pending, cleanups %d, left %u\n", rc, cleanups,
         ca_task_group_len(&g));
  rc = await(ca_task_group_wait(&g));
  printf("wait on the emptied group: %d\n", rc);

  /* x finishes first in a round (same sleep, armed first) and wakes the
   * wait that joins it; add_later then finds the group full: the reaping
   * must leave x to its join. */
  ca_task_group_init(&g, slots, 2);
  uint64_t at = ca_now_ms() + 2;
  ca_task *x = ca_spawn(finish_at(at)), *y = ca_spawn(add_later(at));
  ca_task_group_add(&g, y);
  ca_task_group_add(&g, x); /* last: the one the wait joins first */
  rc = await(ca_task_group_wait(&g));
  printf("waited %d, left %u\n", rc, ca_task_group_len(&g));
  return 0;
}

int main(void) { return ca_block_on(run()); }
// CHECK:      add from a task of the group: 0
// CHECK-NEXT: waited 0: started 2, finished 2, cleanups 2, left 0
// CHECK-NEXT: wait timed out 1: finished 1, left 2
// CHECK-NEXT: full: reaped the finished one, add 0, left 3
// CHECK-NEXT: full of pending tasks: add -ENOSPC, left 3, started 2
// CHECK-NEXT: NULL: -22
// CHECK-NEXT: before abort: started 4, cleanups 1
// CHECK-NEXT: aborted 3 pending, cleanups 4, left 0
// CHECK-NEXT: wait on the emptied group: 0
// CHECK-NEXT: add to a full group whose joined task just finished: -ENOSPC
// CHECK-NEXT: waited 0, left 0
