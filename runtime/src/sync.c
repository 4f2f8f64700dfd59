/* sync.c - the wait queues shared by the channels and synchronisation
 * primitives, and the primitives without a buffer: oneshot, notify,
 * semaphore and cancellation token.
 *
 * A waiting operation is a ca__waiter inside its frame, linked into the
 * primitive's queue at its first pending poll and unlinked when it
 * completes or is dropped: no allocation. Resources go to the oldest
 * waiter (see ca__waitq_turn in internal.h). Waking only queues a task, so
 * a queue never changes while it is being walked to wake.
 *
 * Each primitive also has its blocking version, for programs compiled
 * without the plugin: there is only one thread of control then, so an
 * operation that cannot complete at once never could.
 */
#include "internal.h"

#include <errno.h>
#include <string.h>

#ifdef CA_LOWERED
#error "libcawait must be compiled without the cawait plugin"
#endif

/* ----------------------------------------------------------- wait queues */

void ca__waiter_init(ca__waiter *w) {
  w->next = w->prev = NULL;
  w->waker = CA_WAKER_NONE;
  w->linked = 0;
  w->notified = 0;
}

void ca__waitq_wait(ca__waitq *q, ca__waiter *w, ca_context *cx) {
  w->waker = cx->waker;
  if (w->linked)
    return;
  w->next = NULL;
  w->prev = q->tail;
  if (q->tail)
    q->tail->next = w;
  else
    q->head = w;
  q->tail = w;
  w->linked = 1;
}

void ca__waitq_remove(ca__waitq *q, ca__waiter *w) {
  if (!w->linked)
    return;
  if (w->prev)
    w->prev->next = w->next;
  else
    q->head = w->next;
  if (w->next)
    w->next->prev = w->prev;
  else
    q->tail = w->prev;
  w->next = w->prev = NULL;
  w->linked = 0;
}

void ca__waitq_wake_head(ca__waitq *q) {
  if (q->head)
    ca_waker_wake(&q->head->waker);
}

void ca__waitq_wake_all(ca__waitq *q) {
  for (ca__waiter *w = q->head; w; w = w->next)
    ca_waker_wake(&w->waker);
}

int ca__waitq_turn(ca__waitq *q, ca__waiter *w, int available, ca_context *cx) {
  if (available && (!q->head || q->head == w)) {
    ca__waitq_remove(q, w);
    return 1;
  }
  ca__waitq_wait(q, w, cx);
  return 0;
}

void ca__waitq_leave(ca__waitq *q, ca__waiter *w, int available) {
  int was_head = w->linked && q->head == w;
  ca__waitq_remove(q, w);
  if (was_head && available)
    ca__waitq_wake_head(q);
}

/* Wakes every waiter and unlinks it: for events that complete them all. */
static void ca__waitq_release_all(ca__waitq *q, unsigned char notified) {
  ca__waiter *w;
  while ((w = q->head)) {
    ca__waitq_remove(q, w);
    w->notified = notified;
    ca_waker_wake(&w->waker);
  }
}

/* --------------------------------------------------------------- oneshot */

int ca_oneshot_init(ca_oneshot *o, void *slot, size_t size) {
  memset(o, 0, sizeof *o);
  if (!slot || !size) {
    o->ca__private.closed = 1;
    return -EINVAL;
  }
  o->ca__private.slot = slot;
  o->ca__private.size = size;
  return 0;
}

static void ca__oneshot_check(const ca_oneshot *o, size_t size,
                              const char *op) {
  if (size != o->ca__private.size)
    ca__die("%s: the value is %zu bytes, the oneshot's slot %zu", op, size,
            o->ca__private.size);
}

int ca__oneshot_send(ca_oneshot *o, const void *v, size_t size) {
  ca__oneshot_check(o, size, "ca_oneshot_send");
  if (o->ca__private.closed)
    return -EPIPE;
  if (o->ca__private.sent)
    return -EALREADY;
  memcpy(o->ca__private.slot, v, size);
  o->ca__private.sent = o->ca__private.full = 1;
  ca__waitq_wake_head(&o->ca__private.receivers);
  return 0;
}

void ca_oneshot_close(ca_oneshot *o) {
  o->ca__private.closed = 1;
  ca__waitq_wake_all(&o->ca__private.receivers);
}

/* No value will come: closed, or the value was received. */
static int ca__oneshot_over(const ca_oneshot *o) {
  return !o->ca__private.full && (o->ca__private.closed || o->ca__private.sent);
}

void ca__oneshot_recv__init(struct ca__oneshot_recv__frame *f, ca_oneshot *o,
                            void *v, size_t size) {
  f->o = o;
  f->v = v;
  f->size = size;
  ca__waiter_init(&f->w);
}

CA__LEAF_DESC(ca__oneshot_recv, "ca_oneshot_recv", CA__WAIT_ONESHOT, o);

ca_poll ca__oneshot_recv__poll(struct ca__oneshot_recv__frame *f,
                               ca_context *cx, int *out) {
  ca_oneshot *o = f->o;
  ca__oneshot_check(o, f->size, "ca_oneshot_recv");
  if (ca__oneshot_over(o)) {
    ca__waitq_leave(&o->ca__private.receivers, &f->w, 1);
    *out = -EPIPE;
    return CA_READY;
  }
  if (!ca__waitq_turn(&o->ca__private.receivers, &f->w, o->ca__private.full,
                      cx))
    return CA_PENDING;
  memcpy(f->v, o->ca__private.slot, f->size);
  o->ca__private.full = 0;
  ca__waitq_wake_head(&o->ca__private.receivers); /* the others fail */
  *out = 0;
  return CA_READY;
}

void ca__oneshot_recv__drop(struct ca__oneshot_recv__frame *f) {
  ca__waitq_leave(&f->o->ca__private.receivers, &f->w,
                  f->o->ca__private.full || f->o->ca__private.closed);
}

int ca__oneshot_recv(ca_oneshot *o, void *v, size_t size) {
  ca__oneshot_check(o, size, "ca_oneshot_recv");
  if (o->ca__private.full) {
    memcpy(v, o->ca__private.slot, size);
    o->ca__private.full = 0;
    return 0;
  }
  if (ca__oneshot_over(o))
    return -EPIPE;
  ca__die("ca_oneshot_recv: no value was sent and the oneshot is open: "
          "waiting would block forever without the plugin");
}

/* ---------------------------------------------------------------- notify */

void ca_notify_init(ca_notify *n) { memset(n, 0, sizeof *n); }

void ca_notify_one(ca_notify *n) {
  ca__waiter *w = n->ca__private.waiters.head;
  if (!w) {
    n->ca__private.permit = 1;
    return;
  }
  ca__waitq_remove(&n->ca__private.waiters, w);
  w->notified = 1;
  ca_waker_wake(&w->waker);
}

void ca_notify_all(ca_notify *n) {
  ca__waitq_release_all(&n->ca__private.waiters, 2);
}

void ca_notified__init(struct ca_notified__frame *f, ca_notify *n) {
  f->n = n;
  ca__waiter_init(&f->w);
}

CA__LEAF_DESC(ca_notified, "ca_notified", CA__WAIT_NOTIFY, n);

ca_poll ca_notified__poll(struct ca_notified__frame *f, ca_context *cx,
                          void *out) {
  (void)out;
  if (f->w.notified) {
    f->w.notified = 0;
    return CA_READY;
  }
  /* A permit is stored only while nobody waits: only a first poll sees
   * one. */
  if (!f->w.linked && f->n->ca__private.permit) {
    f->n->ca__private.permit = 0;
    return CA_READY;
  }
  ca__waitq_wait(&f->n->ca__private.waiters, &f->w, cx);
  return CA_PENDING;
}

void ca_notified__drop(struct ca_notified__frame *f) {
  ca__waitq_remove(&f->n->ca__private.waiters, &f->w);
  if (f->w.notified == 1) /* a notify_one it will not observe: pass it on */
    ca_notify_one(f->n);
  f->w.notified = 0;
}

void ca_notified(ca_notify *n) {
  if (!n->ca__private.permit)
    ca__die("ca_notified: no notification is stored: waiting would block "
            "forever without the plugin");
  n->ca__private.permit = 0;
}

/* ------------------------------------------------------------- semaphore */

void ca_sem_init(ca_sem *s, size_t permits) {
  memset(s, 0, sizeof *s);
  s->ca__private.permits = permits;
}

int ca_sem_try_acquire(ca_sem *s) {
  if (s->ca__private.closed)
    return -EPIPE;
  if (s->ca__private.waiters.head || !s->ca__private.permits)
    return -EAGAIN;
  s->ca__private.permits--;
  return 0;
}

void ca_sem_release(ca_sem *s) {
  s->ca__private.permits++;
  ca__waitq_wake_head(&s->ca__private.waiters);
}

size_t ca_sem_available(const ca_sem *s) { return s->ca__private.permits; }

void ca_sem_close(ca_sem *s) {
  s->ca__private.closed = 1;
  ca__waitq_wake_all(&s->ca__private.waiters);
}

void ca_sem_acquire__init(struct ca_sem_acquire__frame *f, ca_sem *s) {
  f->s = s;
  ca__waiter_init(&f->w);
}

CA__LEAF_DESC(ca_sem_acquire, "ca_sem_acquire", CA__WAIT_SEM, s);

ca_poll ca_sem_acquire__poll(struct ca_sem_acquire__frame *f, ca_context *cx,
                             int *out) {
  ca_sem *s = f->s;
  if (s->ca__private.closed) {
    ca__waitq_leave(&s->ca__private.waiters, &f->w, 1);
    *out = -EPIPE;
    return CA_READY;
  }
  if (!ca__waitq_turn(&s->ca__private.waiters, &f->w,
                      s->ca__private.permits > 0, cx))
    return CA_PENDING;
  if (--s->ca__private.permits > 0)
    ca__waitq_wake_head(&s->ca__private.waiters);
  *out = 0;
  return CA_READY;
}

void ca_sem_acquire__drop(struct ca_sem_acquire__frame *f) {
  ca__waitq_leave(&f->s->ca__private.waiters, &f->w,
                  f->s->ca__private.permits > 0 || f->s->ca__private.closed);
}

int ca_sem_acquire(ca_sem *s) {
  int rc = ca_sem_try_acquire(s);
  if (rc == -EAGAIN)
    ca__die("ca_sem_acquire: no permit is available: waiting would block "
            "forever without the plugin");
  return rc;
}

/* ------------------------------------------------------ cancellation token */

void ca_cancel_token_init(ca_cancel_token *t) { memset(t, 0, sizeof *t); }

void ca_cancel_token_cancel(ca_cancel_token *t) {
  t->ca__private.cancelled = 1;
  ca__waitq_release_all(&t->ca__private.waiters, 0);
}

int ca_cancel_token_is_cancelled(const ca_cancel_token *t) {
  return t->ca__private.cancelled;
}

void ca_cancel_token_wait__init(struct ca_cancel_token_wait__frame *f,
                                ca_cancel_token *t) {
  f->t = t;
  ca__waiter_init(&f->w);
}

CA__LEAF_DESC(ca_cancel_token_wait, "ca_cancel_token_wait", CA__WAIT_CANCEL, t);

ca_poll ca_cancel_token_wait__poll(struct ca_cancel_token_wait__frame *f,
                                   ca_context *cx, void *out) {
  (void)out;
  if (f->t->ca__private.cancelled) {
    ca__waitq_remove(&f->t->ca__private.waiters, &f->w);
    return CA_READY;
  }
  ca__waitq_wait(&f->t->ca__private.waiters, &f->w, cx);
  return CA_PENDING;
}

void ca_cancel_token_wait__drop(struct ca_cancel_token_wait__frame *f) {
  ca__waitq_remove(&f->t->ca__private.waiters, &f->w);
}

void ca_cancel_token_wait(ca_cancel_token *t) {
  if (!t->ca__private.cancelled)
    ca__die(
        "ca_cancel_token_wait: the token is not cancelled: waiting would block "
        "forever without the plugin");
}
