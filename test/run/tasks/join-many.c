// Many joins waiting at once (on 64-bit the joiner lives in the runtime's
// table, not in the task): 500 workers finishing in the reverse order of
// their spawns, each awaited by its own joiner task, plus joins dropped by
// a timeout while waiting (every third: the entry removed; the handle
// joined again later) and a join of a task that already finished.
// RUN: %cawait-cc -Wall -Werror %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

#define N 500

static int released; /* workers wait for it, joins meanwhile */

async int worker(int id) {
  while (!released)
    await(ca_yield());
  await(ca_sleep_ms((uint64_t)(N - id) / 50));
  return id;
}

static long sum;
static int timeouts;

async void joiner(ca_task *h, int id) {
  int v = -1;
  /* Every third gives up once first, and joins again after. */
  if (id % 3 == 0 && await(ca_timeout_ms(0, ca_task_join(h, &v))))
    timeouts++;
  if (v < 0)
    await(ca_task_join(h, &v));
  sum += v;
}

async long run(void) {
  ca_task *w[N];
  ca_task *j[N];
  for (int i = 0; i < N; i++)
    w[i] = ca_spawn(worker(i));
  for (int i = 0; i < N; i++) {
    ca_task *worker_handle = w[i];
    j[i] = ca_spawn(joiner(worker_handle, i));
  }
  /* Every join is waiting (those with a timeout gave up once). */
  while (timeouts < (N + 2) / 3)
    await(ca_yield());
  released = 1;
  for (int i = 0; i < N; i++)
    await(ca_task_wait(j[i]));
  /* Finished before its join starts. */
  ca_task *early = ca_spawn(worker(N));
  await(ca_sleep_ms(5));
  int v = -1;
  await(ca_task_join(early, &v));
  return sum + v;
}

int main(void) {
  long r = ca_block_on(run());
  printf("sum %ld timeouts %d\n", r, timeouts);
  return 0;
}
// 0 + 1 + ... + 499, and 500:
// CHECK: sum 125250 timeouts 167
