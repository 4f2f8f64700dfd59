// ca_threads_run: 4 threads each run their own executor (ca_block_on of a
// future that spawns tasks and sleeps on its own timers) and write their
// result to their slot of arg; index 0 runs on the calling thread, the
// others on new threads, each index once; the new threads start with
// SIGINT blocked, index 0 keeps the caller's mask; n = 1 runs on the
// caller alone; the caller's executor is usable afterwards. The same
// output with the plugin and without it, under ASan+UBSan, valgrind, gcc
// and TSan.
// RUN: %differential %s %t | FileCheck %s
// RUN: %cawait-cc %tsan_flags %s -o %t.tsan
// RUN: sh -c '%t.tsan; echo exit=$?' | FileCheck %s
#include <cawait.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>

#define N 4

struct slot {
  long result;
  int runs;           /* how often fn ran with this index */
  int on_caller;      /* it ran on the thread that called ca_threads_run */
  int sigint_blocked; /* SIGINT was blocked there */
};

static pthread_t caller;

/* x * (x + 1) / 2 the slow way: a task per third, each sleeping. */
async long part(long from, long to) {
  long sum = 0;
  for (long i = from; i < to; i++) {
    sum += i;
    if (i % 50 == 0)
      await(ca_sleep_ms(1));
  }
  return sum;
}

async long work(long x) {
  long a = 0, b = 0, c = 0;
  ca_task *t = ca_spawn(part(0, x / 3));
  await(ca_join(b = part(x / 3, 2 * x / 3), c = part(2 * x / 3, x + 1)));
  await(ca_task_join(t, &a));
  return a + b + c;
}

static void run(int index, void *arg) {
  struct slot *s = (struct slot *)arg + index;
  sigset_t mask;
  pthread_sigmask(SIG_BLOCK, NULL, &mask);
  s->runs++;
  s->on_caller = pthread_equal(pthread_self(), caller);
  s->sigint_blocked = sigismember(&mask, SIGINT);
  s->result = ca_block_on(work(1000L * (index + 1)));
}

int main(void) {
  struct slot slots[N] = {{0}};
  caller = pthread_self();
  int rc = ca_threads_run(N, run, slots);
  printf("ca_threads_run(%d): %d\n", N, rc);
  for (int i = 0; i < N; i++)
    printf("index %d: result %ld, ran %d time(s), %s, SIGINT %s\n", i,
           slots[i].result, slots[i].runs,
           slots[i].on_caller ? "on the caller" : "on a new thread",
           slots[i].sigint_blocked ? "blocked" : "not blocked");

  struct slot one = {0};
  rc = ca_threads_run(1, run, &one);
  printf("ca_threads_run(1): %d; index 0: result %ld, %s\n", rc, one.result,
         one.on_caller ? "on the caller" : "on a new thread");
  printf("the caller's executor after: %ld\n", ca_block_on(work(30)));
  return 0;
}
// CHECK:      ca_threads_run(4): 0
// CHECK-NEXT: index 0: result 500500, ran 1 time(s), on the caller, SIGINT not blocked
// CHECK-NEXT: index 1: result 2001000, ran 1 time(s), on a new thread, SIGINT blocked
// CHECK-NEXT: index 2: result 4501500, ran 1 time(s), on a new thread, SIGINT blocked
// CHECK-NEXT: index 3: result 8002000, ran 1 time(s), on a new thread, SIGINT blocked
// CHECK-NEXT: ca_threads_run(1): 0; index 0: result 500500, on the caller
// CHECK-NEXT: the caller's executor after: 465
// CHECK-NEXT: exit=0
