/* threads.c - ca_threads_run: n threads, one executor each (thread-per-core,
 * docs/design.md). Hosted only (pthreads).
 *
 * Takes: n, fn and arg from a thread whose executor is not running. Gives:
 * fn(0, arg) on the calling thread and fn(i, arg) on n - 1 new threads, all
 * at once; returns once every call returned and every new thread ended.
 *
 * The new threads first wait at a gate: only when all n - 1 started does
 * any call run, so a failed pthread_create leaves nothing behind (the
 * started threads pass the gate without calling fn and are joined). They
 * start with every signal blocked (the mask is set around pthread_create,
 * which they inherit): process-directed signals then reach the calling
 * thread only, where index 0 awaits ca_signal. A new thread ends by
 * dropping the tasks its executor still holds (ca_executor_shutdown: no
 * frame of it is left for another thread to wake, and no task leaks); its
 * reactor's descriptors are closed by the platform's thread-exit hook
 * (platform/linux.c).
 */
#include "internal.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>

#ifdef CA_LOWERED
#error "libcawait must be compiled without the cawait plugin"
#endif

/* What every thread of one ca_threads_run shares (on the caller's stack). */
struct ca__threads {
  pthread_mutex_t lock;
  pthread_cond_t gate; /* state left CA__GATE_WAIT */
  int state;           /* CA__GATE_*, under lock */
  void (*fn)(int, void *);
  void *arg;
};

enum { CA__GATE_WAIT, CA__GATE_RUN, CA__GATE_CANCEL };

/* A new thread's start argument. */
struct ca__thread {
  pthread_t id;
  struct ca__threads *all;
  int index;
};

static void *ca__thread_main(void *p) {
  struct ca__thread *t = p;
  struct ca__threads *all = t->all;
  pthread_mutex_lock(&all->lock);
  while (all->state == CA__GATE_WAIT)
    pthread_cond_wait(&all->gate, &all->lock);
  int run = all->state == CA__GATE_RUN;
  pthread_mutex_unlock(&all->lock);
  if (run) {
    all->fn(t->index, all->arg);
    ca_executor_shutdown();
  }
  return NULL;
}

/* Opens the gate with `state` and joins the first `started` threads. */
static void ca__threads_finish(struct ca__threads *all, struct ca__thread *t,
                               int started, int state) {
  pthread_mutex_lock(&all->lock);
  all->state = state;
  pthread_cond_broadcast(&all->gate);
  pthread_mutex_unlock(&all->lock);
  for (int i = 0; i < started; i++)
    pthread_join(t[i].id, NULL);
}

/* Starts threads 1..n-1 behind the gate: how many started, and in *err
 * pthread_create's error for the first that did not (0: none). */
static int ca__threads_start(struct ca__threads *all, struct ca__thread *t,
                             int n, int *err) {
  sigset_t every, old;
  int started = 0;
  sigfillset(&every);
  pthread_sigmask(SIG_SETMASK, &every, &old);
  *err = 0;
  for (int i = 1; i < n; i++) {
    t[i - 1] = (struct ca__thread){.all = all, .index = i};
    *err = pthread_create(&t[i - 1].id, NULL, ca__thread_main, &t[i - 1]);
    if (*err)
      break;
    started++;
  }
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  return started;
}

int ca_threads_run(int n, void (*fn)(int index, void *arg), void *arg) {
  if (n < 1)
    ca__die("ca_threads_run: n is %d: at least one thread", n);
  if (!fn)
    ca__die("ca_threads_run: the function is NULL");
  if (ca__executor_running())
    ca__die("ca_threads_run: called while this thread's executor is running "
            "(from inside a poll or a drop)");
  struct ca__thread *t = NULL;
  if (n > 1 && !(t = calloc((size_t)n - 1, sizeof *t)))
    return -ENOMEM;
  struct ca__threads all = {.state = CA__GATE_WAIT, .fn = fn, .arg = arg};
  pthread_mutex_init(&all.lock, NULL);
  pthread_cond_init(&all.gate, NULL);
  int err, started = ca__threads_start(&all, t, n, &err);
  if (err) {
    ca__threads_finish(&all, t, started, CA__GATE_CANCEL);
  } else {
    pthread_mutex_lock(&all.lock);
    all.state = CA__GATE_RUN;
    pthread_cond_broadcast(&all.gate);
    pthread_mutex_unlock(&all.lock);
    fn(0, arg);
    ca__threads_finish(&all, t, started, CA__GATE_RUN);
  }
  pthread_cond_destroy(&all.gate);
  pthread_mutex_destroy(&all.lock);
  free(t);
  return -err;
}
