// ca_remote_waker: a leaf future written by hand whose result comes from
// a pthread of its own, which wakes the task from that thread. Awaited
// once; 100 times from spawned tasks whose frames are freed as soon as
// they complete while the thread may still be returning from its wake
// (which must not touch the frame after the task saw it: ASan, TSan), and
// whose wakes come both before the poll arms the waker and after; and
// dropped by a ca_select a timer wins (the drop joins its thread). The same
// output with the plugin and without it (the leaf is then a plain call that
// starts and joins the thread), under ASan+UBSan, valgrind, gcc and TSan.
// RUN: %differential %s %t -pthread | FileCheck %s
// RUN: %cawait-cc %tsan_flags %s -o %t.tsan
// RUN: sh -c '%t.tsan; echo exit=$?' | FileCheck %s
#include <cawait.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

#define TASKS 100

static void pause_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  nanosleep(&ts, NULL);
}

/* Every thread the test starts; main joins those nobody joined (the
 * spawned leaves': long after their frames are gone). */
static pthread_t threads[TASKS + 2];
static unsigned char joined[TASKS + 2];
static int nthreads;

static int start_thread(void *(*fn)(void *), void *arg) {
  int i = nthreads++;
  pthread_create(&threads[i], NULL, fn, arg);
  return i;
}

static void join_thread(int i) {
  pthread_join(threads[i], NULL);
  joined[i] = 1;
}

/* times_ten(x, ms): x * 10, computed by a thread that first sleeps ms. */
async long times_ten(long x, long ms);
#ifdef CA_LOWERED
struct times_ten__frame {
  long x, ms;
  long result;        /* the thread's, written before its wake */
  int thread;         /* index in threads[], or -1 before the first poll */
  unsigned char join; /* the frame joins its own thread (not main) */
  ca_remote_waker rw; /* the thread wakes the task through it */
};

static void *times_ten_thread(void *arg) {
  struct times_ten__frame *f = arg;
  pause_ms(f->ms);
  f->result = f->x * 10;
  ca_remote_waker_wake(&f->rw); /* the last access to f */
  return NULL;
}

static __attribute__((unused)) void times_ten__init(struct times_ten__frame *f,
                                                    long x, long ms) {
  f->x = x;
  f->ms = ms;
  f->thread = -1;
  f->join = ms > 0;
  ca_remote_waker_init(&f->rw);
}

static __attribute__((unused)) ca_poll
times_ten__poll(struct times_ten__frame *f, ca_context *cx, long *out) {
  if (f->thread < 0)
    f->thread = start_thread(times_ten_thread, f);
  if (!ca_remote_waker_arm(&f->rw, cx))
    return CA_PENDING;
  if (f->join)
    join_thread(f->thread);
  *out = f->result;
  return CA_READY;
}

static __attribute__((unused)) void
times_ten__drop(struct times_ten__frame *f) {
  if (f->thread >= 0 && f->join) /* the thread no longer reaches f */
    join_thread(f->thread);
  ca_remote_waker_disarm(&f->rw);
}
#else
struct job {
  long x, ms, result;
};

static void *times_ten_thread(void *arg) {
  struct job *j = arg;
  pause_ms(j->ms);
  j->result = j->x * 10;
  return NULL;
}

long times_ten(long x, long ms) {
  struct job j = {x, ms, 0};
  join_thread(start_thread(times_ten_thread, &j));
  return j.result;
}
#endif

async long leaf_task(long x) { return await(times_ten(x, 0)); }

async int run(void) {
  printf("await: %ld\n", await(times_ten(4, 5)));

  ca_task *tasks[TASKS];
  for (long i = 0; i < TASKS; i++)
    tasks[i] = ca_spawn(leaf_task(i));
  long sum = 0;
  for (int i = 0; i < TASKS; i++) {
    long v;
    await(ca_task_join(tasks[i], &v));
    sum += v;
  }
  printf("%d tasks: sum %ld\n", TASKS, sum);

  long r = -1;
  int k = await(ca_select(ca_sleep_ms(1), r = times_ten(7, 200)));
  printf("select: branch %d, result %ld\n", k, r);
  return 0;
}

int main(void) {
  int rc = ca_block_on(run());
  for (int i = 0; i < nthreads; i++)
    if (!joined[i])
      join_thread(i);
  return rc;
}
// CHECK:      await: 40
// CHECK-NEXT: 100 tasks: sum 49500
// CHECK-NEXT: select: branch 0, result -1
// CHECK-NEXT: exit=0
