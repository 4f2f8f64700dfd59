// ca_blocking: results come back right, from an await, from 40 tasks at
// once (ten times the pool's 4 threads), inside ca_join and inside a
// ca_timeout_ms the call wins; the executor runs a timer task meanwhile.
// The same output with the plugin (the pool) and without it (fn(arg) on
// the caller's thread), under ASan+UBSan, valgrind, gcc and TSan.
// RUN: %differential %s %t | FileCheck %s
// RUN: %cawait-cc %tsan_flags %s -o %t.tsan
// RUN: sh -c '%t.tsan; echo exit=$?' | FileCheck %s
#include <cawait.h>
#include <stdio.h>
#include <time.h>

#define TASKS 40

static void pause_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  nanosleep(&ts, NULL);
}

/* fn reads its argument and writes a second result through it. */
struct square {
  long x;
  long cube;
};

static long square(void *arg) {
  struct square *s = arg;
  pause_ms(2);
  s->cube = s->x * s->x * s->x;
  return s->x * s->x;
}

static long negate(void *arg) { return -(long)(size_t)arg; }

async long square_of(long x) {
  struct square s = {x, 0};
  long r = await(ca_blocking(square, &s));
  return r + s.cube; /* written on the worker, read after the await */
}

async void ticker(int *ticks) {
  for (int i = 0; i < 3; i++) {
    await(ca_sleep_ms(1));
    ++*ticks;
  }
}

async int run(void) {
  struct square s = {7, 0};
  long r = await(ca_blocking(square, &s));
  printf("square 7: %ld, cube %ld\n", r, s.cube);
  printf("negate 5: %ld\n", await(ca_blocking(negate, (void *)5)));

  ca_task *tasks[TASKS];
  for (long i = 0; i < TASKS; i++)
    tasks[i] = ca_spawn(square_of(i));
  long sum = 0;
  for (int i = 0; i < TASKS; i++) {
    long v;
    await(ca_task_join(tasks[i], &v));
    sum += v;
  }
  printf("%d tasks: sum of x^2 + x^3 = %ld\n", TASKS, sum);

  long a = 0, b = 0;
  int ticks = 0;
  struct square s3 = {3, 0};
  await(ca_join(a = ca_blocking(square, &s3),
                b = ca_blocking(negate, (void *)9), ticker(&ticks)));
  printf("join: %ld %ld, ticks %d\n", a, b, ticks);

  long c = -1;
  int timed_out =
      await(ca_timeout_ms(5000, c = ca_blocking(negate, (void *)4)));
  printf("timeout 5 s: timed out %d, result %ld\n", timed_out, c);
  return 0;
}

int main(void) { return ca_block_on(run()); }
// CHECK:      square 7: 49, cube 343
// CHECK-NEXT: negate 5: -5
// CHECK-NEXT: 40 tasks: sum of x^2 + x^3 = 628940
// CHECK-NEXT: join: 9 -9, ticks 3
// CHECK-NEXT: timeout 5 s: timed out 0, result -4
// CHECK-NEXT: exit=0
