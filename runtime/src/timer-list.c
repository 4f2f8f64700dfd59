/* timer-list.c - this thread's timers as one sorted list (internal.h's
 * ca__timer_* functions), the choice of bare metal (CA_TIMER_LIST): a
 * firmware arms a few timers, and this is a quarter of the wheel's code
 * (timer.c) with 16 bytes of state instead of kilobytes. Compiled empty
 * without CA_TIMER_LIST. Portable.
 *
 * The list is in order of effective deadline, max(deadline, now), where
 * `now` is the time of the last ca__timer_fire (at most the clock), equal
 * ones in arming order: a new timer goes after every timer whose effective
 * deadline is not later, found walking back from the tail (a timer armed
 * for later than every other one, the common case, costs one comparison).
 * Every timer with deadline <= now fired then, except those armed since
 * with a deadline already passed: their effective deadline is now, so they
 * come first, in arming order, as the wheel's `due` list does. Firing pops
 * the head while its effective deadline has come. The order is thus the
 * wheel's.
 */
#include "internal.h"
#include "platform.h"

#if CA_TIMER_LIST

typedef struct ca__timer_list {
  uint64_t now;        /* the last ca__timer_fire's time (see above) */
  ca__timer_link head; /* the armed timers, in firing order */
} ca__timer_list;

static CA__THREAD_LOCAL ca__timer_list ca__timers;
CA__THREAD_LOCAL size_t ca__timer_count;

static uint64_t ca__deadline(const ca__timer_link *link) {
  return ((const ca_timer *)(const void *)link)->deadline_ms;
}

void ca__timer_arm_at(ca_timer *t, uint64_t deadline_ms, ca_waker waker,
                      uint64_t now_ms) {
  ca__timer_list *l = &ca__timers;
  /* The list's time stands still while nothing is armed: catch up. Only
   * then is the list read: linked empty here, it needs no other set-up. */
  if (ca__timer_count++ == 0) {
    l->now = now_ms;
    l->head.next = l->head.prev = &l->head;
  }
  t->deadline_ms = deadline_ms;
  t->waker = waker;
  /* After the timers whose effective deadline is not later than t's, key:
   * as key >= now, those are the timers whose deadline is not later. */
  uint64_t key = deadline_ms > l->now ? deadline_ms : l->now;
  ca__timer_link *after = l->head.prev;
  while (after != &l->head && ca__deadline(after) > key)
    after = after->prev;
  t->link.prev = after;
  t->link.next = after->next;
  after->next->prev = &t->link;
  after->next = &t->link;
}

void ca__timer_arm(ca_timer *t, uint64_t deadline_ms, ca_waker waker) {
  ca__timer_arm_at(t, deadline_ms, waker, ca__timer_count ? 0 : ca_now_ms());
}

CA__SIZE_NOINLINE void ca__timer_disarm(ca_timer *t) {
  ca__timer_link *next = t->link.next, *prev = t->link.prev;
  if (!next)
    return;
  prev->next = next;
  next->prev = prev;
  t->link.next = t->link.prev = NULL;
  ca__timer_count--;
}

size_t ca__timer_fire(uint64_t now_ms) {
  ca__timer_list *l = &ca__timers;
  size_t fired = 0;
  if (!ca__timer_count || now_ms < l->now)
    return 0;
  /* As now_ms >= now: the head is due when its deadline (not only its
   * effective one) has come. */
  while (l->head.next != &l->head && ca__deadline(l->head.next) <= now_ms) {
    ca_timer *t = (ca_timer *)(void *)l->head.next;
    ca__timer_disarm(t);
    /* Waking only queues: no poll runs here, so the list cannot change
     * under us. */
    ca_waker_wake(&t->waker);
    fired++;
  }
  l->now = now_ms;
  return fired;
}

int ca__timer_next(uint64_t *deadline_ms) {
  ca__timer_list *l = &ca__timers;
  if (!ca__timer_count)
    return 0;
  /* The head's deadline, even when passed (its effective deadline is then
   * now, later): a time no later than any, as internal.h asks. */
  *deadline_ms = ca__deadline(l->head.next);
  return 1;
}

void ca__timer_wait(uint64_t deadline_ms) {
  /* The list's time is never ahead of the clock: no need to read it. */
  if (deadline_ms <= ca__timers.now)
    return;
  ca__platform_park(deadline_ms);
}

#endif /* CA_TIMER_LIST */
