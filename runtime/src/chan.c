/* chan.c - the bounded channel: a ring of fixed-size elements in a buffer
 * the user supplies, and two wait queues (sends waiting for a slot,
 * receives waiting for an element).
 *
 * An element moves only when an operation completes: a send copies it in
 * at its completing poll, a receive copies it out at its own, so a dropped
 * operation has had no effect (cancellation safety). Each side is served
 * oldest first (ca__waitq_turn): a completed send wakes the oldest
 * receive, a completed receive the oldest send, and each passes the
 * wake-up on while the channel still has room (or elements) for the next.
 * After ca_chan_close every waiter is woken once; receives drain the
 * elements in turn, and the one that takes the last wakes the next, which
 * fails with -EPIPE and wakes the next, and so on.
 */
#include "internal.h"

#include <errno.h>
#include <string.h>

#ifdef CA_LOWERED
#error "libcawait must be compiled without the cawait plugin"
#endif

int ca_chan_init(ca_chan *c, void *buf, size_t elem_size, size_t capacity) {
  memset(c, 0, sizeof *c);
  if (!buf || !elem_size || !capacity) {
    c->ca__private.closed = 1;
    return -EINVAL;
  }
  c->ca__private.buf = buf;
  c->ca__private.elem_size = elem_size;
  c->ca__private.capacity = capacity;
  return 0;
}

size_t ca_chan_len(const ca_chan *c) { return c->ca__private.len; }

static void ca__chan_check(const ca_chan *c, size_t size, const char *op) {
  if (size != c->ca__private.elem_size)
    ca__die("%s: the element is %zu bytes, the channel's are %zu", op, size,
            c->ca__private.elem_size);
}

static int ca__chan_room(const ca_chan *c) {
  return c->ca__private.len < c->ca__private.capacity;
}

/* Appends *v and wakes the oldest waiting receive. */
static void ca__chan_push(ca_chan *c, const void *v) {
  size_t at =
      (c->ca__private.first + c->ca__private.len) % c->ca__private.capacity;
  memcpy(c->ca__private.buf + at * c->ca__private.elem_size, v,
         c->ca__private.elem_size);
  c->ca__private.len++;
  ca__waitq_wake_head(&c->ca__private.receivers);
}

/* Moves the oldest element to *v and wakes the oldest waiting send. */
static void ca__chan_pop(ca_chan *c, void *v) {
  memcpy(v,
         c->ca__private.buf + c->ca__private.first * c->ca__private.elem_size,
         c->ca__private.elem_size);
  c->ca__private.first = (c->ca__private.first + 1) % c->ca__private.capacity;
  c->ca__private.len--;
  ca__waitq_wake_head(&c->ca__private.senders);
}

int ca__chan_try_send(ca_chan *c, const void *v, size_t size) {
  ca__chan_check(c, size, "ca_chan_try_send");
  if (c->ca__private.closed)
    return -EPIPE;
  if (c->ca__private.senders.head || !ca__chan_room(c))
    return -EAGAIN;
  ca__chan_push(c, v);
  return 0;
}

int ca__chan_try_recv(ca_chan *c, void *v, size_t size) {
  ca__chan_check(c, size, "ca_chan_try_recv");
  if (!c->ca__private.receivers.head && c->ca__private.len) {
    ca__chan_pop(c, v);
    return 0;
  }
  return c->ca__private.closed && !c->ca__private.len ? -EPIPE : -EAGAIN;
}

void ca_chan_close(ca_chan *c) {
  c->ca__private.closed = 1;
  ca__waitq_wake_all(&c->ca__private.senders);
  ca__waitq_wake_all(&c->ca__private.receivers);
}

/* ------------------------------------------------------ send and recv */

/* Whether the oldest waiting send (sending) or receive can go on now:
 * complete, or fail because the channel is closed. */
static int ca__chan_ready(const ca_chan *c, int sending) {
  return c->ca__private.closed ||
         (sending ? ca__chan_room(c) : c->ca__private.len > 0);
}

/* The poll of a send (src not NULL) or a receive (into dst), whose waiter
 * is w: fails once closed (a receive: closed and empty), waits for its
 * turn, moves the element and passes the turn on. */
static ca_poll ca__chan_poll(ca_chan *c, ca__waiter *w, ca_context *cx,
                             int *out, const void *src, void *dst) {
  int sending = src != NULL;
  ca__waitq *q = sending ? &c->ca__private.senders : &c->ca__private.receivers;
  if (c->ca__private.closed && (sending || !c->ca__private.len)) {
    ca__waitq_leave(q, w, 1);
    *out = -EPIPE;
    return CA_READY;
  }
  if (!ca__waitq_turn(q, w, ca__chan_ready(c, sending), cx))
    return CA_PENDING;
  if (sending)
    ca__chan_push(c, src);
  else
    ca__chan_pop(c, dst);
  if (ca__chan_ready(c, sending))
    ca__waitq_wake_head(q);
  *out = 0;
  return CA_READY;
}

void ca__chan_send__init(struct ca__chan_send__frame *f, ca_chan *c,
                         const void *v, size_t size) {
  f->c = c;
  f->v = v;
  f->size = size;
  ca__waiter_init(&f->w);
}

CA__LEAF_DESC(ca__chan_send, "ca_chan_send", CA__WAIT_CHAN, c);

ca_poll ca__chan_send__poll(struct ca__chan_send__frame *f, ca_context *cx,
                            int *out) {
  ca__chan_check(f->c, f->size, "ca_chan_send");
  return ca__chan_poll(f->c, &f->w, cx, out, f->v, NULL);
}

void ca__chan_send__drop(struct ca__chan_send__frame *f) {
  ca__waitq_leave(&f->c->ca__private.senders, &f->w, ca__chan_ready(f->c, 1));
}

void ca__chan_recv__init(struct ca__chan_recv__frame *f, ca_chan *c, void *v,
                         size_t size) {
  f->c = c;
  f->v = v;
  f->size = size;
  ca__waiter_init(&f->w);
}

CA__LEAF_DESC(ca__chan_recv, "ca_chan_recv", CA__WAIT_CHAN, c);

ca_poll ca__chan_recv__poll(struct ca__chan_recv__frame *f, ca_context *cx,
                            int *out) {
  ca__chan_check(f->c, f->size, "ca_chan_recv");
  return ca__chan_poll(f->c, &f->w, cx, out, NULL, f->v);
}

void ca__chan_recv__drop(struct ca__chan_recv__frame *f) {
  ca__waitq_leave(&f->c->ca__private.receivers, &f->w, ca__chan_ready(f->c, 0));
}

/* ------------------------------------------------- without the plugin */

int ca__chan_send(ca_chan *c, const void *v, size_t size) {
  int rc = ca__chan_try_send(c, v, size);
  if (rc == -EAGAIN)
    ca__die("ca_chan_send: the channel is full: waiting would block forever "
            "without the plugin");
  return rc;
}

int ca__chan_recv(ca_chan *c, void *v, size_t size) {
  int rc = ca__chan_try_recv(c, v, size);
  if (rc == -EAGAIN)
    ca__die("ca_chan_recv: the channel is empty and open: waiting would "
            "block forever without the plugin");
  return rc;
}
