/* internal.h - what the runtime's files share and users never see: fatal
 * errors, the task waker, and the per-thread timer list that executor.c
 * drives and timer.c owns.
 *
 * Everything here is per thread (the executor and its timers are
 * _Thread_local) and is called on the executor's thread only.
 */
#ifndef CAWAIT_INTERNAL_H
#define CAWAIT_INTERNAL_H

#include <cawait.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------ executor.c */

/* Flushes stdout (so a program's last lines are not lost), prints
 * "cawait: <message>" and a newline to stderr, and aborts. */
_Noreturn void ca__die(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* --------------------------------------------------------------- timer.c */

/* Links `t` into this thread's timer list, after every timer whose deadline
 * is not later (timers with equal deadlines fire in arming order). `t` is
 * borrowed: it must stay in place until it fires or is disarmed. `t` must
 * not be armed already. */
void ca__timer_arm(ca_timer *t, uint64_t deadline_ms, ca_waker waker);

/* Unlinks `t` if it is armed; does nothing otherwise. */
void ca__timer_disarm(ca_timer *t);

/* Disarms every timer whose deadline is <= now_ms, earliest first, and wakes
 * its waker. Returns how many fired. */
size_t ca__timer_fire(uint64_t now_ms);
/* This thread's armed timers, sorted by deadline (timer.c owns them; the
 * run loop reads `head` inline). */
typedef struct ca__timer_list {
  ca_timer *head; /* earliest deadline; NULL when none is armed */
  ca_timer *tail; /* latest deadline */
} ca__timer_list;
extern _Thread_local ca__timer_list ca__timers;

static inline int ca__timer_armed(void) { return ca__timers.head != NULL; }

/* ca__timer_fire(ca_now_ms()), without reading the clock when no timer is
 * armed (the await hot path). */
static inline size_t ca__timer_fire_due(void) {
  return ca__timer_armed() ? ca__timer_fire(ca_now_ms()) : 0;
}

/* Stores the earliest armed deadline in *deadline_ms and returns 1, or
 * returns 0 when no timer is armed. */
int ca__timer_next(uint64_t *deadline_ms);

/* Blocks the thread until ca_now_ms() >= deadline_ms (at most a day at a
 * time: the caller loops). Retries on EINTR. */
void ca__timer_wait(uint64_t deadline_ms);

/* ------------------------------------------------------------------ io.c */

/* How many ca_io are registered on this thread (the run loop looks at the
 * reactor only when some are). */
extern _Thread_local unsigned ca__io_count;

/* Waits at most timeout_ms (-1: without limit, 0: not at all) for I/O
 * events and wakes the frames waiting on them; returns how many events. */
int ca__reactor_wait(int timeout_ms);

/* host (NULL: 127.0.0.1) and port as an IPv4 address: 0 or -EINVAL. */
struct sockaddr_in;
int ca__ipv4(struct sockaddr_in *sa, const char *host, int port);

#endif /* CAWAIT_INTERNAL_H */
