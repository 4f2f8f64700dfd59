/* timer.c - this thread's timing wheel (internal.h's ca__timer_*
 * functions; bare metal has timer-list.c's sorted list instead:
 * CA_TIMER_LIST) and the ca_sleep_ms / ca_sleep_until leaf futures on
 * either. Portable: the clock (ca_now_ms) and the wait are the platform's
 * (platform.h). The futures stay in this file so that arming inlines into
 * them with the wheel (the timer row of docs/performance.md).
 *
 * The wheel is hierarchical, 1 ms resolution, 11 levels of 64 slots (6 bits
 * of the deadline each, 66 >= 64 bits), each slot an intrusive circular list
 * in arming order. A ca_timer lives inside the frame that awaits it, so
 * arming allocates nothing. Arming, disarming and firing one timer are
 * O(1) (a timer moves down at most 10 levels in its life).
 *
 * `now` is the wheel's time: every timer whose deadline is <= now has fired,
 * except those armed since with a deadline already passed (the `due` list,
 * fired first by the next ca__timer_fire). A timer with deadline d > now is
 * at the level of the highest 6-bit digit in which d and now differ, in the
 * slot of d's digit there. So level 0 holds deadlines of now's current
 * 64 ms block, one deadline per slot, and level k the later blocks of 64^k
 * ms; a slot's digit is always above now's.
 *
 * Firing advances `now` from step to step: the next step is the start of
 * the first occupied slot of the lowest occupied level (no later than any
 * deadline in the wheel). There the slot's timers either fire (deadline ==
 * now) or go down to a lower level, in list order.
 *
 * Why equal deadlines keep arming order without a sequence number: a
 * timer's level relative to `now` only decreases as `now` grows. A timer
 * with deadline d can be armed directly into a level below k only once
 * `now` reached d's digit at level k, that is once d's slot at level k has
 * been moved down; so the timers of d that come down from level k, oldest
 * first, are appended before any armed at a lower level, and every list
 * holds the timers of one deadline in arming order.
 */
#include "internal.h"
#include "platform.h"

#if !CA_TIMER_LIST

#define CA__WHEEL_BITS 6u
#define CA__WHEEL_SLOTS 64u  /* 1 << CA__WHEEL_BITS */
#define CA__WHEEL_LEVELS 11u /* ceil(64 / CA__WHEEL_BITS) */

typedef struct ca__wheel {
  uint64_t now;                        /* see the file comment */
  uint64_t occupied[CA__WHEEL_LEVELS]; /* bit s: slot s is not empty */
  unsigned char init;                  /* the lists below are linked */
  ca__timer_link due; /* armed with a deadline <= now, in arming order */
  ca__timer_link slot[CA__WHEEL_LEVELS][CA__WHEEL_SLOTS];
} ca__wheel;

static CA__THREAD_LOCAL ca__wheel ca__wheel_;
CA__THREAD_LOCAL size_t ca__timer_count;

static void ca__list_link(ca__timer_link *head, ca__timer_link *l) {
  l->next = head;
  l->prev = head->prev;
  head->prev->next = l;
  head->prev = l;
}

static void ca__wheel_init(ca__wheel *w) {
  w->due.next = w->due.prev = &w->due;
  for (unsigned k = 0; k < CA__WHEEL_LEVELS; k++)
    for (unsigned s = 0; s < CA__WHEEL_SLOTS; s++)
      w->slot[k][s].next = w->slot[k][s].prev = &w->slot[k][s];
  w->init = 1;
}

/* The level of deadline d > w->now. */
static unsigned ca__wheel_level(const ca__wheel *w, uint64_t d) {
  return (63u - (unsigned)__builtin_clzll(d ^ w->now)) / CA__WHEEL_BITS;
}

/* Appends t to the list its deadline belongs to. */
static void ca__wheel_insert(ca__wheel *w, ca_timer *t) {
  uint64_t d = t->deadline_ms;
  if (d <= w->now) {
    ca__list_link(&w->due, &t->link);
    return;
  }
  unsigned k = ca__wheel_level(w, d);
  unsigned s = (unsigned)(d >> (k * CA__WHEEL_BITS)) & (CA__WHEEL_SLOTS - 1);
  w->occupied[k] |= (uint64_t)1 << s;
  ca__list_link(&w->slot[k][s], &t->link);
}

void ca__timer_arm_at(ca_timer *t, uint64_t deadline_ms, ca_waker waker,
                      uint64_t now_ms) {
  ca__wheel *w = &ca__wheel_;
  if (__builtin_expect(!w->init, 0))
    ca__wheel_init(w);
  /* The wheel's time stands still while nothing is armed: catch up, so
   * that a timer does not start at a needlessly high level. */
  if (ca__timer_count++ == 0)
    w->now = now_ms;
  t->deadline_ms = deadline_ms;
  t->waker = waker;
  ca__wheel_insert(w, t);
}

void ca__timer_arm(ca_timer *t, uint64_t deadline_ms, ca_waker waker) {
  ca__timer_arm_at(t, deadline_ms, waker, ca__timer_count ? 0 : ca_now_ms());
}

void ca__timer_disarm(ca_timer *t) {
  ca__timer_link *next = t->link.next, *prev = t->link.prev;
  if (!next)
    return;
  prev->next = next;
  next->prev = prev;
  t->link.next = t->link.prev = NULL;
  ca__timer_count--;
  /* Left alone in its circular list: `next` is the slot, now empty. */
  ca__wheel *w = &ca__wheel_;
  ca__timer_link *first = &w->slot[0][0];
  if (next == prev && next != &w->due) {
    size_t i = (size_t)(next - first);
    w->occupied[i / CA__WHEEL_SLOTS] &= ~((uint64_t)1 << (i % CA__WHEEL_SLOTS));
  }
}

/* Unlinks and wakes t (its deadline passed). */
static void ca__timer_expire(ca_timer *t) {
  t->link.next = t->link.prev = NULL;
  ca__timer_count--;
  /* Waking only queues: no poll runs here, so the wheel cannot change under
   * us. */
  ca_waker_wake(&t->waker);
}

/* The lowest occupied level and its first occupied slot's start time; 0
 * when the wheel (not counting `due`) is empty. */
static int ca__wheel_next_step(const ca__wheel *w, unsigned *level,
                               uint64_t *at) {
  for (unsigned k = 0; k < CA__WHEEL_LEVELS; k++) {
    if (!w->occupied[k])
      continue;
    unsigned s = (unsigned)__builtin_ctzll(w->occupied[k]);
    unsigned above =
        (k + 1) * CA__WHEEL_BITS; /* bits of now kept: those above */
    uint64_t base = above >= 64 ? 0 : w->now >> above << above;
    *level = k;
    *at = base | (uint64_t)s << (k * CA__WHEEL_BITS);
    return 1;
  }
  return 0;
}

/* Kept out of line so ca__timer_fire_due stays a compare and a branch. */
__attribute__((noinline)) size_t ca__timer_fire(uint64_t now_ms) {
  ca__wheel *w = &ca__wheel_;
  size_t fired = 0;
  if (!ca__timer_count || now_ms < w->now)
    return 0;
  while (w->due.next != &w->due) {
    ca_timer *t = (ca_timer *)w->due.next;
    w->due.next = t->link.next;
    t->link.next->prev = &w->due;
    ca__timer_expire(t);
    fired++;
  }
  unsigned k;
  uint64_t at;
  while (w->now < now_ms && ca__wheel_next_step(w, &k, &at) && at <= now_ms) {
    w->now = at;
    unsigned s = (unsigned)(at >> (k * CA__WHEEL_BITS)) & (CA__WHEEL_SLOTS - 1);
    ca__timer_link *head = &w->slot[k][s];
    w->occupied[k] &= ~((uint64_t)1 << s);
    /* Take the slot's list, then fire or re-insert each timer in order. */
    ca__timer_link *l = head->next;
    head->prev->next = NULL;
    head->next = head->prev = head;
    while (l) {
      ca__timer_link *next = l->next;
      ca_timer *t = (ca_timer *)l;
      if (t->deadline_ms <= at) {
        ca__timer_expire(t);
        fired++;
      } else {
        ca__wheel_insert(w, t);
      }
      l = next;
    }
  }
  /* No step is due before now_ms: every deadline left is later. */
  if (w->now < now_ms)
    w->now = now_ms;
  return fired;
}

int ca__timer_next(uint64_t *deadline_ms) {
  ca__wheel *w = &ca__wheel_;
  unsigned k;
  if (!ca__timer_count)
    return 0;
  if (w->due.next != &w->due)
    *deadline_ms = w->now;
  else if (!ca__wheel_next_step(w, &k, deadline_ms))
    return 0; /* unreachable: count says something is armed */
  return 1;
}

void ca__timer_wait(uint64_t deadline_ms) {
  /* The wheel's time is never ahead of the clock: no need to read it. */
  if (deadline_ms <= ca__wheel_.now)
    return;
  ca__platform_park(deadline_ms);
}

#endif /* !CA_TIMER_LIST */

/* ------------------------------------------------------------ ca_sleep_ms
 * States, told apart by the timer's fields:
 *   unpolled  no waker set (the frame is zero-initialized)
 *   sleeping  armed
 *   done      neither (polling again returns CA_READY again, like ca_yield)
 */

/* A timer not armed, holding `v` in its deadline's field. Field by field:
 * clang at -Os would clear the whole struct with a call to memset. */
static void ca__sleep_timer_init(ca_timer *t, uint64_t v) {
  t->link.next = t->link.prev = NULL;
  t->deadline_ms = v;
  t->waker = CA_WAKER_NONE;
}

void ca_sleep_ms__init(struct ca_sleep_ms__frame *f, uint64_t ms) {
  /* The duration waits in the deadline's field: the frame is one timer. */
  ca__sleep_timer_init(&f->timer, ms);
}

CA__LEAF_DESC(ca_sleep_ms, "ca_sleep_ms", CA__WAIT_TIMER, timer);

/* A poll after the first: done once the deadline passed. */
static ca_poll ca__sleep_repoll(ca_timer *t, ca_context *cx) {
  if (!ca__timer_is_armed(t))
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
    uint64_t deadline;
    if (__builtin_add_overflow(now, f->timer.deadline_ms, &deadline))
      deadline = UINT64_MAX;
    ca__timer_arm_at(&f->timer, deadline, cx->waker, now);
    return CA_PENDING;
  }
  return ca__sleep_repoll(&f->timer, cx);
}

void ca_sleep_until__init(struct ca_sleep_until__frame *f,
                          uint64_t deadline_ms) {
  ca__sleep_timer_init(&f->timer, deadline_ms);
}

CA__LEAF_DESC(ca_sleep_until, "ca_sleep_until", CA__WAIT_TIMER, timer);

ca_poll ca_sleep_until__poll(struct ca_sleep_until__frame *f, ca_context *cx,
                             void *out) {
  (void)out;
  if (!ca_waker_is_set(&f->timer.waker)) {
    /* Pending once even when the deadline passed, like ca_sleep_ms(0). */
    ca__timer_arm(&f->timer, f->timer.deadline_ms, cx->waker);
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
