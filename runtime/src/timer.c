/* timer.c - the monotonic clock, this thread's timer list and the
 * ca_sleep_ms leaf future.
 *
 * The list is intrusive and sorted by deadline: a ca_timer lives inside the
 * frame that awaits it, so arming allocates nothing. Arming scans from the
 * tail (new timers usually expire last), disarming is O(1), firing pops
 * from the head.
 */
#define _POSIX_C_SOURCE 200809L /* clock_nanosleep, CLOCK_MONOTONIC */

#include "internal.h"

#include <errno.h>
#include <time.h>

/* The longest a single ca__timer_wait sleeps; the run loop loops. */
#define CA__WAIT_MAX_MS (24u * 60u * 60u * 1000u)

_Thread_local ca__timer_list ca__timers;

uint64_t ca_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

void ca__timer_arm(ca_timer *t, uint64_t deadline_ms, ca_waker waker) {
  ca__timer_list *l = &ca__timers;
  ca_timer *after = l->tail;
  while (after && after->deadline_ms > deadline_ms)
    after = after->prev;
  t->deadline_ms = deadline_ms;
  t->waker = waker;
  t->armed = 1;
  t->prev = after;
  t->next = after ? after->next : l->head;
  if (t->next)
    t->next->prev = t;
  else
    l->tail = t;
  if (after)
    after->next = t;
  else
    l->head = t;
}

void ca__timer_disarm(ca_timer *t) {
  ca__timer_list *l = &ca__timers;
  if (!t->armed)
    return;
  if (t->prev)
    t->prev->next = t->next;
  else
    l->head = t->next;
  if (t->next)
    t->next->prev = t->prev;
  else
    l->tail = t->prev;
  t->next = t->prev = NULL;
  t->armed = 0;
}

/* Kept out of line so ca__timer_fire_due stays a compare and a branch. */
__attribute__((noinline)) size_t ca__timer_fire(uint64_t now_ms) {
  size_t fired = 0;
  ca_timer *t;
  while ((t = ca__timers.head) && t->deadline_ms <= now_ms) {
    ca__timer_disarm(t);
    /* Waking only queues: no poll runs here, so the list cannot change
     * under us. */
    ca_waker_wake(&t->waker);
    fired++;
  }
  return fired;
}

int ca__timer_next(uint64_t *deadline_ms) {
  if (!ca__timers.head)
    return 0;
  *deadline_ms = ca__timers.head->deadline_ms;
  return 1;
}

void ca__timer_wait(uint64_t deadline_ms) {
  uint64_t now = ca_now_ms();
  if (deadline_ms <= now)
    return;
  if (deadline_ms - now > CA__WAIT_MAX_MS)
    deadline_ms = now + CA__WAIT_MAX_MS;
  /* ca_now_ms() truncates, so waking at exactly deadline_ms * 1e6 ns makes
   * ca_now_ms() == deadline_ms. */
  struct timespec ts = {.tv_sec = (time_t)(deadline_ms / 1000u),
                        .tv_nsec = (long)(deadline_ms % 1000u) * 1000000L};
  while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR) {
  }
}

/* ------------------------------------------------------------ ca_sleep_ms
 * States, told apart by the timer's fields:
 *   unpolled  timer.waker empty
 *   sleeping  timer.armed
 *   done      neither (polling again returns CA_READY again, like ca_yield)
 */

void ca_sleep_ms__init(struct ca_sleep_ms__frame *f, uint64_t ms) {
  f->timer = (ca_timer){0};
  f->ms = ms;
}

/* A poll after the first: done once the deadline passed. */
static ca_poll ca__sleep_repoll(ca_timer *t, ca_context *cx) {
  if (!t->armed)
    return CA_READY;
  if (ca_now_ms() >= t->deadline_ms) {
    ca__timer_disarm(t);
    return CA_READY;
  }
  /* Polled by someone else's wake (a join, a select): the waker to use may
   * have changed. */
  t->waker = cx->waker;
  return CA_PENDING;
}

ca_poll ca_sleep_ms__poll(struct ca_sleep_ms__frame *f, ca_context *cx,
                          void *out) {
  (void)out;
  if (!ca_waker_is_set(&f->timer.waker)) {
    /* Always pending once, even for 0 ms: a loop of ca_sleep_ms(0) lets the
     * other tasks run, and completes at the next round. */
    uint64_t now = ca_now_ms();
    uint64_t deadline = f->ms > UINT64_MAX - now ? UINT64_MAX : now + f->ms;
    ca__timer_arm(&f->timer, deadline, cx->waker);
    return CA_PENDING;
  }
  return ca__sleep_repoll(&f->timer, cx);
}

void ca_sleep_until__init(struct ca_sleep_until__frame *f,
                          uint64_t deadline_ms) {
  f->timer = (ca_timer){0};
  f->deadline_ms = deadline_ms;
}

ca_poll ca_sleep_until__poll(struct ca_sleep_until__frame *f, ca_context *cx,
                             void *out) {
  (void)out;
  if (!ca_waker_is_set(&f->timer.waker)) {
    /* Pending once even when the deadline passed, like ca_sleep_ms(0). */
    ca__timer_arm(&f->timer, f->deadline_ms, cx->waker);
    return CA_PENDING;
  }
  return ca__sleep_repoll(&f->timer, cx);
}

void ca_sleep_until__drop(struct ca_sleep_until__frame *f) {
  ca__timer_disarm(&f->timer);
}

void ca_sleep_ms__drop(struct ca_sleep_ms__frame *f) {
  ca__timer_disarm(&f->timer);
}
