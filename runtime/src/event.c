/* event.c - ca_event: the one way into the executor from an interrupt
 * handler, another thread or a signal handler (cawait.h, "the interrupt
 * rule"). Portable: the wake port is the platform's (platform.h).
 *
 * Takes: ca_event_set from any context; ca_event_wait frames polled on the
 * executor's thread. Gives: the waiting frame woken, without a lost
 * wake-up.
 *
 * An event waited on is linked in its executor's list (`ca__events`), and
 * holds that executor's wake port. The setter stores `set`, then reads
 * `port` and wakes it; the waiter stores `port`, then reads `set` again
 * (both sequentially consistent): one of them sees the other's store, so
 * either the waiter completes at once or the setter wakes the port. A
 * woken port makes the platform call ca__events_fire, which wakes the
 * waker of every listed event whose `set` it sees; the poll then takes the
 * set (a plain read then a clear: a set coming between them concerns data
 * the task reads after completing, so merging it into this completion
 * loses nothing). Only the executor's thread touches the list and the
 * wakers; the setter touches only `set`, `port` and the port's word.
 */
#include "internal.h"
#include "platform.h"

#include <errno.h>

/* The events this executor's frames wait on (a circular list whose
 * sentinel is `next`/`prev` of a static event). */
static CA__THREAD_LOCAL ca_event ca__events;

void ca_event_init(ca_event *e) { *e = (ca_event){0}; }

void ca_event_set(ca_event *e) {
  __atomic_store_n(&e->ca__private.set, 1, __ATOMIC_SEQ_CST);
  struct ca__wake_port *port =
      __atomic_load_n(&e->ca__private.port, __ATOMIC_SEQ_CST);
  if (port)
    ca__platform_wake(port);
}

int ca__event_take(ca_event *e) {
  if (!__atomic_load_n(&e->ca__private.set, __ATOMIC_SEQ_CST))
    return 0;
  __atomic_store_n(&e->ca__private.set, 0, __ATOMIC_RELAXED);
  return 1;
}

int ca__event_attach(ca_event *e) {
  struct ca__wake_port *port = ca__platform_port();
  if (!port)
    return -ENOMEM;
  __atomic_store_n(&e->ca__private.port, port, __ATOMIC_SEQ_CST);
  return 0;
}

void ca__event_detach(ca_event *e) {
  __atomic_store_n(&e->ca__private.port, NULL, __ATOMIC_RELAXED);
}

/* Links e in the list with the waker of the frame polling it. */
static void ca__event_link(ca_event *e, ca_waker waker) {
  ca_event *head = &ca__events;
  if (!head->ca__private.next)
    head->ca__private.next = head->ca__private.prev = head;
  e->ca__private.waker = waker;
  e->ca__private.next = head;
  e->ca__private.prev = head->ca__private.prev;
  head->ca__private.prev->ca__private.next = e;
  head->ca__private.prev = e;
  ca__sources_add(+1);
}

static void ca__event_unlink(ca_event *e) {
  e->ca__private.prev->ca__private.next = e->ca__private.next;
  e->ca__private.next->ca__private.prev = e->ca__private.prev;
  e->ca__private.next = e->ca__private.prev = NULL;
  e->ca__private.waker = CA_WAKER_NONE;
  ca__event_detach(e);
  ca__sources_add(-1);
}

void ca__events_fire(void) {
  ca_event *head = &ca__events;
  if (!head->ca__private.next)
    return;
  for (ca_event *e = head->ca__private.next; e != head; e = e->ca__private.next)
    if (__atomic_load_n(&e->ca__private.set, __ATOMIC_ACQUIRE))
      ca_waker_wake(&e->ca__private.waker); /* only queues: the list stays */
}

void ca_event_wait__init(struct ca_event_wait__frame *f, ca_event *e) {
  f->e = e;
  f->waiting = 0;
}

ca_poll ca_event_wait__poll(struct ca_event_wait__frame *f, ca_context *cx,
                            void *out) {
  ca_event *e = f->e;
  (void)out;
  if (!f->waiting) {
    if (ca__event_take(e))
      return CA_READY;
    if (e->ca__private.next)
      ca__die("ca_event_wait: another frame is already waiting on event %p",
              (void *)e);
    if (ca__event_attach(e) < 0)
      ca__die("ca_event_wait: no wake port (out of file descriptors?)");
    ca__event_link(e, cx->waker);
    f->waiting = 1;
  } else {
    /* Polled by someone else's wake (a join, a select): the waker to use
     * may have changed. */
    e->ca__private.waker = cx->waker;
  }
  /* After the port is published: a set before it is seen here, one after
   * it wakes the port. */
  if (!ca__event_take(e))
    return CA_PENDING;
  ca__event_unlink(e);
  f->waiting = 0;
  return CA_READY;
}

void ca_event_wait__drop(struct ca_event_wait__frame *f) {
  if (f->waiting) {
    ca__event_unlink(f->e);
    f->waiting = 0;
  }
}
