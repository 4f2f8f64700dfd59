/* event.c - ca_event and ca_remote_waker: the ways into the executor from
 * an interrupt handler, another thread or a signal handler (cawait.h, "the
 * interrupt rule"). Portable: the wake port is the platform's
 * (platform.h).
 *
 * Takes: ca_event_set / ca_remote_waker_wake from any context; the
 * waiting frames (ca_event_wait, or a leaf future's ca_remote_waker_arm)
 * polled on the executor's thread. Gives: the waiting frame woken, without
 * a lost wake-up.
 *
 * An event waited on is linked in its executor's list (`ca__events`), and
 * holds that executor's wake port. Both the port and the set flag are one
 * word (`word`: port | CA__EVENT_SET). The setter ORs the flag in and
 * wakes the port the word held; the waiter publishes the port with a
 * compare-and-swap from 0, which fails when the flag is there already:
 * either the waiter sees the set or the setter sees the port, and no
 * wake-up is lost. The setter's one read-modify-write is its only access to
 * the event: once the waiter sees the flag it may free the event (a frame
 * holding its own ca_remote_waker completes and goes) while the setter is
 * still waking the port, which lives as long as the executor's thread.
 * A woken port makes the platform call ca__events_fire, which wakes the
 * waker of every listed event whose flag it sees; the poll then takes the
 * flag. Only the executor's thread touches the list and the wakers.
 */
#include "internal.h"
#include "platform.h"

#include <errno.h>

/* The set flag in ca_event's word; the rest is the port (aligned). */
#define CA__EVENT_SET ((uintptr_t)1)

/* The events this executor's frames wait on (a circular list whose
 * sentinel is `next`/`prev` of a static event). */
static CA__THREAD_LOCAL ca_event ca__events;

void ca_event_init(ca_event *e) { *e = (ca_event){0}; }

void ca_event_set(ca_event *e) {
  uintptr_t old =
      __atomic_fetch_or(&e->ca__private.word, CA__EVENT_SET, __ATOMIC_SEQ_CST);
  /* e may be gone from here on: only the port is read. Set already: its
   * setter woke the port, or the waiter has not attached yet. */
  if (!(old & CA__EVENT_SET) && old)
    ca__platform_wake((struct ca__wake_port *)old);
}

int ca__event_take(ca_event *e) {
  uintptr_t w = __atomic_load_n(&e->ca__private.word, __ATOMIC_SEQ_CST);
  /* Only a setter changes the word meanwhile, and only to add the flag. */
  while (w & CA__EVENT_SET)
    if (__atomic_compare_exchange_n(&e->ca__private.word, &w, 0, 0,
                                    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
      return 1;
  return 0;
}

int ca__event_attach(ca_event *e) {
  struct ca__wake_port *port = ca__platform_port();
  uintptr_t expected = 0;
  if (!port)
    return -ENOMEM;
  if (__atomic_compare_exchange_n(&e->ca__private.word, &expected,
                                  (uintptr_t)port, 0, __ATOMIC_SEQ_CST,
                                  __ATOMIC_SEQ_CST))
    return 0;
  return 1; /* set already */
}

/* Takes the port out of e, leaving a set. */
static void ca__event_detach(ca_event *e) {
  __atomic_fetch_and(&e->ca__private.word, CA__EVENT_SET, __ATOMIC_SEQ_CST);
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
  ca__sources_add(-1);
}

void ca__events_fire(void) {
  ca_event *head = &ca__events;
  if (!head->ca__private.next)
    return;
  for (ca_event *e = head->ca__private.next; e != head; e = e->ca__private.next)
    if (__atomic_load_n(&e->ca__private.word, __ATOMIC_ACQUIRE) & CA__EVENT_SET)
      ca_waker_wake(&e->ca__private.waker); /* only queues: the list stays */
}

/* The waiter's side: 1 when e was set (taken; e is then neither linked nor
 * attached), else 0 with e linked (or still) and cx's waker kept. */
static int ca__event_arm(ca_event *e, ca_context *cx, const char *who) {
  if (!e->ca__private.next) {
    int rc = ca__event_attach(e);
    if (rc < 0)
      ca__die("%s: no wake port (out of file descriptors?)", who);
    if (rc > 0)
      return ca__event_take(e);
    ca__event_link(e, cx->waker);
    return 0;
  }
  /* Polled by someone else's wake (a join, a select): the waker to use may
   * have changed. */
  e->ca__private.waker = cx->waker;
  if (!ca__event_take(e))
    return 0;
  ca__event_unlink(e);
  return 1;
}

/* Stops waiting, leaving a set for the next wait. */
static void ca__event_disarm(ca_event *e) {
  if (e->ca__private.next) {
    ca__event_unlink(e);
    ca__event_detach(e);
  }
}

void ca_event_wait__init(struct ca_event_wait__frame *f, ca_event *e) {
  f->e = e;
  f->waiting = 0;
}

CA__LEAF_DESC(ca_event_wait, "ca_event_wait", CA__WAIT_EVENT, e);

ca_poll ca_event_wait__poll(struct ca_event_wait__frame *f, ca_context *cx,
                            void *out) {
  (void)out;
  if (!f->waiting && f->e->ca__private.next)
    ca__die("ca_event_wait: another frame is already waiting on event %p",
            (void *)f->e);
  if (ca__event_arm(f->e, cx, "ca_event_wait")) {
    f->waiting = 0;
    return CA_READY;
  }
  f->waiting = 1;
  return CA_PENDING;
}

void ca_event_wait__drop(struct ca_event_wait__frame *f) {
  if (f->waiting) {
    ca__event_disarm(f->e);
    f->waiting = 0;
  }
}

/* ------------------------------------------------------ ca_remote_waker */

void ca_remote_waker_init(ca_remote_waker *rw) {
  ca_event_init(&rw->ca__private);
}

int ca_remote_waker_arm(ca_remote_waker *rw, ca_context *cx) {
  return ca__event_arm(&rw->ca__private, cx, "ca_remote_waker_arm");
}

void ca_remote_waker_disarm(ca_remote_waker *rw) {
  ca__event_disarm(&rw->ca__private);
}

void ca_remote_waker_wake(ca_remote_waker *rw) {
  ca_event_set(&rw->ca__private);
}
