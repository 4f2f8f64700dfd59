// ca_select, ca_timeout_ms and ca_join with the plugin: both outcomes of a
// race against a timer, select in a loop (the loser dropped, with its
// cleanups, and created again each time), a join nested in a select, and
// per-branch wakers: a branch nobody woke is not polled again.
// Not differential: without the plugin select runs only its first branch.
// RUN: %cawait-cc -std=gnu11 -O1 -Wall -Werror %s -o %t
// RUN: %t | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.asan
// RUN: %t.asan | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static void release(int *p) { printf("  cleanup %d\n", *p); }

/* At least `steps` ms: one 1 ms sleep per step. */
async int slow(int steps) {
  __attribute__((cleanup(release))) int tag = 100 + steps;
  int acc = 0;
  for (int i = 0; i < steps; i++) {
    await(ca_sleep_ms(1));
    acc += i;
  }
  return acc;
}

async int quick(int x) {
  await(ca_yield());
  return x * 2;
}

async void both(int *a, int *b) {
  await(ca_join(*a = slow(3), *b = quick(21)));
}

/* A leaf that nothing ever wakes: counts its polls and drops. */
static int idle_polls, idle_drops;
async int idle(void);
struct idle__frame {
  int unused;
};
static __attribute__((unused)) void idle__init(struct idle__frame *f) { f->unused = 0; }
static __attribute__((unused)) ca_poll idle__poll(struct idle__frame *f, ca_context *cx, int *out) {
  (void)f, (void)cx, (void)out;
  idle_polls++;
  return CA_PENDING;
}
static __attribute__((unused)) void idle__drop(struct idle__frame *f) {
  (void)f;
  idle_drops++;
}

/* Yields n times, counting its polls. */
static int busy_polls;
async int busy(int n) {
  for (int i = 0; i < n; i++) {
    busy_polls++;
    await(ca_yield());
  }
  busy_polls++;
  return n;
}

async int run(void) {
  int a = -1, b = -1;
  int k = await(ca_select(a = slow(2), b = quick(5)));
  printf("select k=%d a=%d b=%d\n", k, a, b);
  int t = await(ca_timeout_ms(1000, a = slow(3)));
  printf("timeout t=%d a=%d\n", t, a);
  a = -1;
  t = await(ca_timeout_ms(5, a = slow(50)));
  printf("timeout t=%d a=%d\n", t, a);
  int loops = 0;
  for (int i = 0; i < 3; i++) {
    int w = -1;
    if (await(ca_select(w = slow(100 + i), ca_sleep_ms(2))) == 1)
      loops++;
    printf("loop %d w=%d\n", i, w);
  }
  int p = 0, q = 0;
  k = await(ca_select(both(&p, &q), ca_sleep_ms(1000)));
  printf("nested k=%d p=%d q=%d loops=%d\n", k, p, q, loops);
  int v = -1;
  k = await(ca_select(v = idle(), b = busy(5)));
  printf("idle k=%d v=%d b=%d idle_polls=%d idle_drops=%d busy_polls=%d\n",
         k, v, b, idle_polls, idle_drops, busy_polls);
  return k;
}

int main(void) {
  int r = ca_block_on(run());
  printf("r=%d\n", r);
  return 0;
}
// quick yields once, slow sleeps: quick wins; slow's cleanup runs as it is
// dropped, a stays untouched.
// CHECK:      cleanup 102
// CHECK-NEXT: select k=1 a=-1 b=10
// CHECK-NEXT:   cleanup 103
// CHECK-NEXT: timeout t=0 a=3
// CHECK-NEXT:   cleanup 150
// CHECK-NEXT: timeout t=1 a=-1
// CHECK-NEXT:   cleanup 200
// CHECK-NEXT: loop 0 w=-1
// CHECK-NEXT:   cleanup 201
// CHECK-NEXT: loop 1 w=-1
// CHECK-NEXT:   cleanup 202
// CHECK-NEXT: loop 2 w=-1
// CHECK-NEXT:   cleanup 103
// CHECK-NEXT: nested k=0 p=3 q=42 loops=3
// idle is polled once (when it starts) though busy wakes the task 5 times.
// CHECK-NEXT: idle k=1 v=-1 b=5 idle_polls=1 idle_drops=1 busy_polls=6
// CHECK-NEXT: r=1
