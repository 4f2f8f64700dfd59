/* remote_chan.c - ca_remote_chan: a bounded channel that any thread sends
 * into and the tasks of one executor receive from. Hosted only (pthreads).
 *
 * Takes: sends (try_send, not async) and closes from any thread; receives
 * awaited on the receiving executor's thread. Gives: the elements in each
 * sender's order, and the receiving task woken through the one wake path
 * from other threads, a ca_remote_waker (event.c), in the receive's frame.
 *
 * Every field is under the channel's mutex, and so is every wake: a sender
 * pushes and wakes `receiver` holding the lock, and a receive arms its
 * waker, and later disarms it and clears `receiver`, holding it too. So a
 * sender reads the receiving executor's wake port only while a receive is
 * armed, and has finished with it before that receive can complete or be
 * dropped: once the receiving thread has dropped its frames (before it
 * ends), no sender reaches its port, which lives as long as the thread.
 * (ca_remote_waker alone leaves that to the program: a wake may still be
 * in the port's write when the frame it woke has gone.) The lock costs one
 * uncontended lock per send and per receive; nothing on the executor's own
 * paths.
 *
 * The receiving executor is bound by the first awaited receive (`owner`);
 * try_recv never waits and binds nothing, so any thread may drain the
 * channel once its receiver is gone.
 */
#include "internal.h"

#include <errno.h>
#include <pthread.h>
#include <string.h>

#ifdef CA_LOWERED
#error "libcawait must be compiled without the cawait plugin"
#endif

#define CA__RC(c) (&(c)->ca__private)

/* The channel's lock, in storage cawait.h sizes without <pthread.h>. */
#define CA__RC_LOCK(c) ((pthread_mutex_t *)(void *)CA__RC(c)->lock.bytes)
_Static_assert(sizeof(pthread_mutex_t) <=
                   sizeof(((ca_remote_chan *)0)->ca__private.lock),
               "ca_remote_chan's lock storage holds a pthread_mutex_t");
_Static_assert(
    _Alignof(pthread_mutex_t) <=
        _Alignof(__typeof__(((ca_remote_chan *)0)->ca__private.lock)),
    "ca_remote_chan's lock storage is aligned for one");

int ca_remote_chan_init(ca_remote_chan *c, void *buf, size_t elem_size,
                        size_t capacity) {
  memset(c, 0, sizeof *c);
  pthread_mutex_init(CA__RC_LOCK(c), NULL);
  if (!buf || !elem_size || !capacity) {
    CA__RC(c)->closed = 1;
    return -EINVAL;
  }
  CA__RC(c)->buf = buf;
  CA__RC(c)->elem_size = elem_size;
  CA__RC(c)->capacity = capacity;
  return 0;
}

static void ca__rc_lock(ca_remote_chan *c) {
  pthread_mutex_lock(CA__RC_LOCK(c));
}

static void ca__rc_unlock(ca_remote_chan *c) {
  pthread_mutex_unlock(CA__RC_LOCK(c));
}

static void ca__rc_check(ca_remote_chan *c, size_t size, const char *op) {
  if (size != CA__RC(c)->elem_size)
    ca__die("%s: the element is %zu bytes, the channel's are %zu", op, size,
            CA__RC(c)->elem_size);
}

/* Binds c to this thread's executor, or checks it is the one bound (under
 * the lock). */
static void ca__rc_bind(ca_remote_chan *c, const char *op) {
  const void *self = ca__executor_id();
  if (!CA__RC(c)->owner)
    CA__RC(c)->owner = self;
  else if (CA__RC(c)->owner != self)
    ca__die("%s: channel %p belongs to another thread's executor (the "
            "thread of its first receive): receive on that thread, or give "
            "each thread a channel of its own",
            op, (void *)c);
}

/* Moves the oldest element to *v (under the lock; one is there). */
static void ca__rc_pop(ca_remote_chan *c, void *v) {
  size_t at = CA__RC(c)->first, size = CA__RC(c)->elem_size;
  memcpy(v, CA__RC(c)->buf + at * size, size);
  CA__RC(c)->first = (at + 1) % CA__RC(c)->capacity;
  CA__RC(c)->len--;
}

/* Wakes the waiting receive, if any (under the lock). */
static void ca__rc_wake(ca_remote_chan *c) {
  if (CA__RC(c)->receiver)
    ca_remote_waker_wake(CA__RC(c)->receiver);
}

int ca__remote_chan_try_send(ca_remote_chan *c, const void *v, size_t size) {
  int rc = 0;
  ca__rc_check(c, size, "ca_remote_chan_try_send");
  ca__rc_lock(c);
  if (CA__RC(c)->closed) {
    rc = -EPIPE;
  } else if (CA__RC(c)->len == CA__RC(c)->capacity) {
    rc = -EAGAIN;
  } else {
    size_t at = (CA__RC(c)->first + CA__RC(c)->len) % CA__RC(c)->capacity;
    memcpy(CA__RC(c)->buf + at * size, v, size);
    CA__RC(c)->len++;
    ca__rc_wake(c);
  }
  ca__rc_unlock(c);
  return rc;
}

/* Takes the oldest element now (under the lock): 0, -EPIPE (closed and
 * empty) or -EAGAIN (empty and open). */
static int ca__rc_take(ca_remote_chan *c, void *v) {
  if (CA__RC(c)->len) {
    ca__rc_pop(c, v);
    return 0;
  }
  return CA__RC(c)->closed ? -EPIPE : -EAGAIN;
}

int ca__remote_chan_try_recv(ca_remote_chan *c, void *v, size_t size) {
  ca__rc_check(c, size, "ca_remote_chan_try_recv");
  ca__rc_lock(c);
  int rc = ca__rc_take(c, v);
  ca__rc_unlock(c);
  return rc;
}

void ca_remote_chan_close(ca_remote_chan *c) {
  ca__rc_lock(c);
  CA__RC(c)->closed = 1;
  ca__rc_wake(c);
  ca__rc_unlock(c);
}

size_t ca_remote_chan_len(ca_remote_chan *c) {
  ca__rc_lock(c);
  size_t n = CA__RC(c)->len;
  ca__rc_unlock(c);
  return n;
}

/* ------------------------------------------------------------- receive */

void ca__remote_chan_recv__init(struct ca__remote_chan_recv__frame *f,
                                ca_remote_chan *c, void *v, size_t size) {
  f->c = c;
  f->v = v;
  f->size = size;
  f->waiting = 0;
  ca_remote_waker_init(&f->rw);
}

/* Stops waiting (under the lock): no sender reaches f's waker after. */
static void ca__rc_leave(struct ca__remote_chan_recv__frame *f) {
  if (f->waiting) {
    ca_remote_waker_disarm(&f->rw);
    CA__RC(f->c)->receiver = NULL;
    f->waiting = 0;
  }
}

ca_poll ca__remote_chan_recv__poll(struct ca__remote_chan_recv__frame *f,
                                   ca_context *cx, int *out) {
  ca_remote_chan *c = f->c;
  ca__rc_check(c, f->size, "ca_remote_chan_recv");
  ca__rc_lock(c);
  ca__rc_bind(c, "ca_remote_chan_recv");
  if (!f->waiting && CA__RC(c)->receiver)
    ca__die("ca_remote_chan_recv: another frame is already waiting to "
            "receive from channel %p (one receive at a time)",
            (void *)c);
  int rc;
  /* An arm that returns 1 took a wake whose element another thread's
   * try_recv may have taken since: look again. */
  while ((rc = ca__rc_take(c, f->v)) == -EAGAIN)
    if (!ca_remote_waker_arm(&f->rw, cx)) {
      CA__RC(c)->receiver = &f->rw;
      f->waiting = 1;
      ca__rc_unlock(c);
      return CA_PENDING;
    }
  ca__rc_leave(f);
  ca__rc_unlock(c);
  *out = rc;
  return CA_READY;
}

CA__LEAF_DESC(ca__remote_chan_recv, "ca_remote_chan_recv", CA__WAIT_REMOTE_CHAN,
              c);

void ca__remote_chan_recv__drop(struct ca__remote_chan_recv__frame *f) {
  if (!f->waiting)
    return; /* never waited, or completed: no sender can reach it */
  ca__rc_lock(f->c);
  ca__rc_leave(f);
  ca__rc_unlock(f->c);
}

/* ------------------------------------------------- without the plugin */

/* Blocks (in the thread's reactor) until an element comes or c closes. */
int ca__remote_chan_recv(ca_remote_chan *c, void *v, size_t size) {
  ca_remote_waker rw;
  int rc;
  ca__rc_check(c, size, "ca_remote_chan_recv");
  ca_remote_waker_init(&rw);
  ca__rc_lock(c);
  ca__rc_bind(c, "ca_remote_chan_recv");
  while ((rc = ca__rc_take(c, v)) == -EAGAIN) {
    CA__RC(c)->receiver = &rw; /* bound: no other thread waits */
    ca__rc_unlock(c);
    ca_event_wait(&rw.ca__private); /* the blocking one: set by a sender */
    ca__rc_lock(c); /* the sender that set it has let go of rw */
    CA__RC(c)->receiver = NULL;
  }
  ca__rc_unlock(c);
  return rc;
}
