// ca_blocking dropped while its function runs or waits in the queue, with
// a pool of 2 threads (ca_blocking_threads): it loses a ca_select, times
// out in ca_timeout_ms, its task is aborted, ca_block_on drops it as it
// returns, ca_executor_shutdown drops it. Each time a running function
// still completes on its thread (its result discarded, the dropped frame
// never written: ASan and TSan see no use-after-free and no race, valgrind
// no leak) and a queued one never starts. The pool runs 2 at once, never
// 3; ca_blocking_threads after the start is -EBUSY. The functions are
// gated (they run until the test opens their gate), so the order is fixed;
// the last two are still running when main returns, and exit joins the
// threads after they return.
// With the plugin only: without it a select runs its first branch alone.
// RUN: %cawait-cc -std=gnu11 -gdwarf-4 -O1 -Wall -Werror %s -o %t
// RUN: %t | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.asan
// RUN: %t.asan | FileCheck %s
// RUN: %cawait-cc %tsan_flags %s -o %t.tsan
// RUN: %t.tsan | FileCheck %s
#include <cawait.h>
#include <errno.h>
#include <stdio.h>
#include <time.h>

static void pause_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  nanosleep(&ts, NULL);
}

/* A job the function owns: static storage, so it outlives a dropped frame.
 * Its flags are atomic. */
struct job {
  long value;   /* what fn returns */
  int open;     /* fn returns once the test sets it */
  int started;  /* fn began */
  int finished; /* fn returned */
};

static int running, most; /* functions running now, at most */

static int get(int *p) { return __atomic_load_n(p, __ATOMIC_SEQ_CST); }
static void set(int *p) { __atomic_store_n(p, 1, __ATOMIC_SEQ_CST); }

static long work(void *arg) {
  struct job *j = arg;
  int now = __atomic_add_fetch(&running, 1, __ATOMIC_SEQ_CST);
  int seen = get(&most);
  while (now > seen &&
         !__atomic_compare_exchange_n(&most, &seen, now, 0, __ATOMIC_SEQ_CST,
                                      __ATOMIC_SEQ_CST)) {
  }
  set(&j->started);
  while (!get(&j->open))
    pause_ms(1);
  __atomic_sub_fetch(&running, 1, __ATOMIC_SEQ_CST);
  set(&j->finished);
  return j->value;
}

/* Wait on the executor until fn began (returns 1), or returned. */
async int until_started(struct job *j) {
  while (!get(&j->started))
    await(ca_sleep_ms(1));
  return 1;
}

async void until_finished(struct job *j) {
  while (!get(&j->finished))
    await(ca_sleep_ms(1));
}

/* Opens the gates of three jobs once two of them run. */
async void open_when_two_run(struct job *j) {
  while (get(&j[0].started) + get(&j[1].started) + get(&j[2].started) < 2)
    await(ca_sleep_ms(1));
  await(ca_sleep_ms(20)); /* a third would start meanwhile */
  for (int i = 0; i < 3; i++)
    set(&j[i].open);
}

async long blocked(struct job *j) { return await(ca_blocking(work, j)); }

static struct job sel = {1}, tmo = {2}, ab = {3}, busy[2] = {{4}, {5}},
                  queued = {6}, three[3] = {{7}, {8}, {9}}, scoped = {10},
                  last = {11};

async int run(void) {
  long r = -1;
  int k = await(ca_select(until_started(&sel), r = ca_blocking(work, &sel)));
  printf("select: branch %d won, result %ld, fn running %d\n", k, r,
         get(&running));
  set(&sel.open);
  await(until_finished(&sel));
  printf("select: the dropped call's fn finished %d, running %d\n",
         get(&sel.finished), get(&running));

  int timed_out = await(ca_timeout_ms(20, r = ca_blocking(work, &tmo)));
  printf("timeout: %d, result %ld\n", timed_out, r);
  set(&tmo.open);
  while (get(&tmo.started) && !get(&tmo.finished))
    await(ca_sleep_ms(1));

  ca_task *t = ca_spawn(blocked(&ab));
  await(until_started(&ab));
  ca_task_abort(t);
  printf("abort: fn finished %d\n", get(&ab.finished));
  set(&ab.open);
  await(until_finished(&ab));
  printf("abort: fn finished %d\n", get(&ab.finished));

  /* Both threads busy: a third call waits in the queue, and is dropped. */
  ca_task *b0 = ca_spawn(blocked(&busy[0])), *b1 = ca_spawn(blocked(&busy[1]));
  await(until_started(&busy[0]));
  await(until_started(&busy[1]));
  k = await(ca_select(ca_sleep_ms(10), r = ca_blocking(work, &queued)));
  set(&busy[0].open);
  set(&busy[1].open);
  long v0, v1;
  await(ca_task_join(b0, &v0));
  await(ca_task_join(b1, &v1));
  await(ca_sleep_ms(20)); /* a free thread would start it meanwhile */
  printf("queued: branch %d won; busy %ld %ld; the dropped one started %d\n", k,
         v0, v1, get(&queued.started));

  long x = 0, y = 0, z = 0;
  __atomic_store_n(&most, 0, __ATOMIC_SEQ_CST);
  await(ca_join(x = ca_blocking(work, &three[0]),
                y = ca_blocking(work, &three[1]),
                z = ca_blocking(work, &three[2]), open_when_two_run(three)));
  printf("join: %ld %ld %ld, at most %d at once\n", x, y, z, get(&most));
  printf("threads after the start: %s\n",
         ca_blocking_threads(3) == -EBUSY ? "-EBUSY" : "WRONG");

  ca_spawn(blocked(&scoped)); /* dropped when ca_block_on returns */
  await(until_started(&scoped));
  return 0;
}

int main(void) {
  printf("threads 0: %s, 65: %s, 2: %d\n",
         ca_blocking_threads(0) == -EINVAL ? "-EINVAL" : "WRONG",
         ca_blocking_threads(65) == -EINVAL ? "-EINVAL" : "WRONG",
         ca_blocking_threads(2));
  int rc = ca_block_on(run());
  printf("scoped: started %d finished %d\n", get(&scoped.started),
         get(&scoped.finished));
  ca_spawn(blocked(&last)); /* from plain code: only a shutdown drops it */
  ca_block_on(until_started(&last));
  printf("shutdown dropped %d task(s); last finished %d\n",
         ca_executor_shutdown(), get(&last.finished));
  set(&scoped.open); /* both still run: exit waits for them */
  set(&last.open);
  return rc;
}
// CHECK:      threads 0: -EINVAL, 65: -EINVAL, 2: 0
// CHECK-NEXT: select: branch 0 won, result -1, fn running 1
// CHECK-NEXT: select: the dropped call's fn finished 1, running 0
// CHECK-NEXT: timeout: 1, result -1
// CHECK-NEXT: abort: fn finished 0
// CHECK-NEXT: abort: fn finished 1
// CHECK-NEXT: queued: branch 0 won; busy 4 5; the dropped one started 0
// CHECK-NEXT: join: 7 8 9, at most 2 at once
// CHECK-NEXT: threads after the start: -EBUSY
// CHECK-NEXT: scoped: started 1 finished 0
// CHECK-NEXT: shutdown dropped 1 task(s); last finished 0
