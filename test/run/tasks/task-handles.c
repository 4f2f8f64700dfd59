// Task handles: ca_spawn returns a handle; await(ca_task_join(t, &out))
// gives an int, a struct larger than the task's frame, and waits for a void
// task (ca_task_wait); a join after the task completed; ca_task_abort drops
// a sleeping task (its cleanup runs, its timer is disarmed) and frees a
// completed one; ca_task_detach lets a task run on; a join dropped by a
// timeout leaves the handle to be joined again; the started tasks the block_on
// future left pending are dropped (cleanups run) when it returns, and a
// handle still held then joins with -ECANCELED.
// RUN: %cawait-cc -Wall -Werror -gdwarf-4 %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <errno.h>
#include <stdio.h>

struct big {
  long a[6];
};

static void say_dropped(const char **name) { printf("cleanup %s\n", *name); }

async int square(int x) {
  await(ca_sleep_ms((uint64_t)x));
  return x * x;
}

async struct big make_big(int k) {
  await(ca_yield());
  struct big b;
  for (int i = 0; i < 6; i++)
    b.a[i] = k * 10 + i;
  return b;
}

async void sleeper(const char *label, int ms) {
  __attribute__((cleanup(say_dropped))) const char *name = label;
  await(ca_sleep_ms((uint64_t)ms));
  printf("%s woke\n", name);
}

static ca_task *kept; /* joined by the second block_on */

async int parent(void) {
  ca_task *a = ca_spawn(square(3));
  ca_task *b = ca_spawn(square(1));
  ca_task *c = ca_spawn(make_big(7));
  ca_task *v = ca_spawn(sleeper("void task", 2));
  ca_task *n = ca_spawn(sleeper("aborted", 10000));
  int ra = 0, rb = 0;
  struct big rc;
  int e1 = await(ca_task_join(b, &rb));
  int e2 = await(ca_task_join(a, &ra));
  int e3 = await(ca_task_join(c, &rc));
  int e4 = await(ca_task_wait(v));
  printf("joined %d %d %d %d: %d %d %ld %ld\n", e1, e2, e3, e4, ra, rb,
         rc.a[0], rc.a[5]);
  ca_task_abort(n);
  printf("aborted\n");

  ca_task *d = ca_spawn(square(2));
  await(ca_sleep_ms(10));
  int rd = 0;
  int e5 = await(ca_task_join(d, &rd));
  printf("late join %d: %d\n", e5, rd);
  ca_task *done = ca_spawn(square(0));
  await(ca_sleep_ms(5));
  ca_task_abort(done); /* completed: only freed */

  ca_task *slow = ca_spawn(square(30));
  int rs = -1;
  int timed_out = await(ca_timeout_ms(1, ca_task_join(slow, &rs)));
  printf("timed out %d, rs %d\n", timed_out, rs);
  int e6 = await(ca_task_join(slow, &rs));
  printf("joined again %d: %d\n", e6, rs);

  ca_task_detach(ca_spawn(sleeper("detached", 1)));
  await(ca_sleep_ms(20));
  ca_spawn(sleeper("left pending", 10000));
  kept = ca_spawn(sleeper("kept", 10000));
  await(ca_sleep_ms(1));
  ca_spawn(sleeper("never polled", 10000)); /* unresumed: no cleanup yet */
  return ra + rb;
}

async int join_kept(void) {
  return await(ca_task_wait(kept));
}

int main(void) {
  int r = ca_block_on(parent());
  printf("parent returned %d\n", r);
  printf("join kept: %s\n", ca_block_on(join_kept()) == -ECANCELED
                                ? "-ECANCELED"
                                : "WRONG");
  return 0;
}
// CHECK:      void task woke
// CHECK-NEXT: cleanup void task
// CHECK-NEXT: joined 0 0 0 0: 9 1 70 75
// CHECK-NEXT: cleanup aborted
// CHECK-NEXT: aborted
// CHECK-NEXT: late join 0: 4
// CHECK-NEXT: timed out 1, rs -1
// CHECK-NEXT: joined again 0: 900
// CHECK-NEXT: detached woke
// CHECK-NEXT: cleanup detached
// CHECK-NEXT: cleanup left pending
// CHECK-NEXT: cleanup kept
// CHECK-NEXT: parent returned 10
// CHECK-NEXT: join kept: -ECANCELED
// CHECK-EMPTY:
