/* blocking_pool.c - ca_blocking: a function run on the process's pool of
 * blocking threads, awaited by a task. Hosted only (pthreads).
 *
 * Takes: ca_blocking frames polled on any executor's thread (each frame on
 * its own executor's), ca_blocking_threads from any thread. Gives: fn(arg)
 * run on a worker, its result handed back to the frame, the frame's task
 * woken through the frame's ca_remote_waker (event.c).
 *
 * The job is the frame itself: no allocation. Ownership, all under the
 * pool's lock:
 *   - queued: the frame is linked in the pool's FIFO; a drop unlinks it;
 *   - running: a worker took it, and that worker's slot (`job`) is the
 *     only pointer to it; a drop clears the slot (the job is orphaned), so
 *     the worker, once fn returns, finds NULL and discards the result;
 *   - done: the worker wrote the result and woke the frame's remote waker
 *     (whose wake is one atomic OR in the frame, then the owner executor's
 *     wake port), then cleared its slot: it no longer reaches the frame.
 * The worker writes into the frame only under the lock and only while its
 * slot holds the frame, and the drop clears the slot under the same lock
 * before the frame can go: a dropped frame is never written to. The
 * owner's poll takes the result without the lock: the remote waker's flag
 * (a sequentially consistent read-modify-write after the result's store)
 * orders it.
 *
 * Threads start on the first call (every signal blocked, so a signal
 * meant for an executor, ca_signal's, never lands on a worker) and are
 * stopped and joined by an atexit handler: queued jobs are then not
 * started, running ones end first.
 */
#include "internal.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#ifdef CA_LOWERED
#error "libcawait must be compiled without the cawait plugin"
#endif

#define CA__BLOCKING_MAX_THREADS 64u
#define CA__BLOCKING_DEFAULT_THREADS 4u

/* A frame's state (ca_blocking__frame.state), under the pool's lock. */
enum {
  CA__BLOCKING_QUEUED = 1, /* in the pool's queue */
  CA__BLOCKING_RUNNING,    /* a worker runs fn; its slot points at the frame */
  CA__BLOCKING_DONE        /* the result is in the frame, the waker woken */
};

typedef struct ca__blocking_worker {
  pthread_t thread;
  struct ca_blocking__frame *job; /* running it, or NULL (none, or orphaned) */
} ca__blocking_worker;

static struct {
  pthread_mutex_t lock;
  pthread_cond_t work; /* a job was queued, or the pool stops */
  struct ca_blocking__frame *head, *tail; /* queued jobs, oldest first */
  unsigned threads;       /* ca_blocking_threads' number, or 0 (not set) */
  unsigned started;       /* workers running (0: the pool has not started) */
  unsigned char stopping; /* the atexit handler stops the workers */
  ca__blocking_worker workers[CA__BLOCKING_MAX_THREADS];
} ca__pool = {.lock = PTHREAD_MUTEX_INITIALIZER,
              .work = PTHREAD_COND_INITIALIZER};

int ca_blocking_threads(unsigned n) {
  int rc = 0;
  if (n < 1 || n > CA__BLOCKING_MAX_THREADS)
    return -EINVAL;
  pthread_mutex_lock(&ca__pool.lock);
  if (ca__pool.started)
    rc = -EBUSY;
  else
    ca__pool.threads = n;
  pthread_mutex_unlock(&ca__pool.lock);
  return rc;
}

/* ------------------------------------------------------------- workers */

static void ca__queue_remove(struct ca_blocking__frame *f) {
  if (f->prev)
    f->prev->next = f->next;
  else
    ca__pool.head = f->next;
  if (f->next)
    f->next->prev = f->prev;
  else
    ca__pool.tail = f->prev;
  f->next = f->prev = NULL;
}

static void *ca__blocking_worker_main(void *arg) {
  ca__blocking_worker *w = arg;
  pthread_mutex_lock(&ca__pool.lock);
  for (;;) {
    while (!ca__pool.head && !ca__pool.stopping)
      pthread_cond_wait(&ca__pool.work, &ca__pool.lock);
    if (ca__pool.stopping)
      break;
    struct ca_blocking__frame *f = ca__pool.head;
    ca__queue_remove(f);
    f->state = CA__BLOCKING_RUNNING;
    f->worker = (unsigned char)(w - ca__pool.workers);
    w->job = f;
    long (*fn)(void *) = f->fn;
    void *fn_arg = f->arg;
    pthread_mutex_unlock(&ca__pool.lock);
    long r = fn(fn_arg);
    pthread_mutex_lock(&ca__pool.lock);
    if (w->job) { /* not orphaned: the frame is still there */
      w->job->result = r;
      w->job->state = CA__BLOCKING_DONE;
      ca_remote_waker_wake(&w->job->done);
      w->job = NULL;
    }
  }
  pthread_mutex_unlock(&ca__pool.lock);
  return NULL;
}

static void ca__blocking_stop(void) {
  pthread_mutex_lock(&ca__pool.lock);
  ca__pool.stopping = 1;
  pthread_cond_broadcast(&ca__pool.work);
  unsigned n = ca__pool.started;
  pthread_mutex_unlock(&ca__pool.lock);
  for (unsigned i = 0; i < n; i++)
    if (!pthread_equal(ca__pool.workers[i].thread, pthread_self()))
      pthread_join(ca__pool.workers[i].thread, NULL);
}

/* How many threads to start: ca_blocking_threads', the environment's, or
 * the default. */
static unsigned ca__blocking_count(void) {
  const char *env = getenv("CA_BLOCKING_THREADS");
  if (ca__pool.threads)
    return ca__pool.threads;
  if (!env)
    return CA__BLOCKING_DEFAULT_THREADS;
  char *end;
  unsigned long n = strtoul(env, &end, 10);
  if (*env < '0' || *env > '9' || *end || n < 1 || n > CA__BLOCKING_MAX_THREADS)
    ca__die("ca_blocking: CA_BLOCKING_THREADS=%s is not a number from 1 to %u",
            env, CA__BLOCKING_MAX_THREADS);
  return (unsigned)n;
}

/* Starts the workers (the lock held). */
static void ca__blocking_start(void) {
  unsigned n = ca__blocking_count();
  sigset_t all, old;
  int err = 0;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  while (ca__pool.started < n) {
    ca__blocking_worker *w = &ca__pool.workers[ca__pool.started];
    err = pthread_create(&w->thread, NULL, ca__blocking_worker_main, w);
    if (err)
      break;
    ca__pool.started++;
  }
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  if (!ca__pool.started)
    ca__die("ca_blocking: cannot start a thread: %s", strerror(err));
  atexit(ca__blocking_stop);
}

/* --------------------------------------------------------------- frame */

void ca_blocking__init(struct ca_blocking__frame *f, long (*fn)(void *),
                       void *arg) {
  if (!fn)
    ca__die("ca_blocking: the function is NULL");
  f->fn = fn;
  f->arg = arg;
  f->result = 0;
  f->next = f->prev = NULL;
  f->state = 0;
  f->worker = 0;
  f->submitted = 0;
  ca_remote_waker_init(&f->done);
}

/* The function only: its job's state is the workers' (under the lock). */
CA__LEAF_DESC(ca_blocking, "ca_blocking", CA__WAIT_BLOCKING, fn);

static void ca__blocking_submit(struct ca_blocking__frame *f) {
  pthread_mutex_lock(&ca__pool.lock);
  if (ca__pool.stopping)
    ca__die("ca_blocking: called while the process exits");
  if (!ca__pool.started)
    ca__blocking_start();
  f->state = CA__BLOCKING_QUEUED;
  f->prev = ca__pool.tail;
  if (ca__pool.tail)
    ca__pool.tail->next = f;
  else
    ca__pool.head = f;
  ca__pool.tail = f;
  pthread_cond_signal(&ca__pool.work);
  pthread_mutex_unlock(&ca__pool.lock);
}

ca_poll ca_blocking__poll(struct ca_blocking__frame *f, ca_context *cx,
                          long *out) {
  if (!f->submitted) {
    ca__blocking_submit(f);
    f->submitted = 1;
  }
  /* Only the worker wakes it, after writing the result. */
  if (!ca_remote_waker_arm(&f->done, cx))
    return CA_PENDING;
  f->submitted = 0;
  *out = f->result;
  return CA_READY;
}

void ca_blocking__drop(struct ca_blocking__frame *f) {
  if (!f->submitted)
    return; /* never polled, or completed */
  pthread_mutex_lock(&ca__pool.lock);
  if (f->state == CA__BLOCKING_QUEUED)
    ca__queue_remove(f);
  else if (f->state == CA__BLOCKING_RUNNING)
    ca__pool.workers[f->worker].job = NULL; /* orphaned: fn runs on */
  pthread_mutex_unlock(&ca__pool.lock);
  ca_remote_waker_disarm(&f->done);
  f->submitted = 0;
}
