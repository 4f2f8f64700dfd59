/* internal.h - what the runtime's files share and users never see: fatal
 * errors, the task waker, and the per-thread timing wheel that executor.c
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

/* The wake function of a task's waker; `task` is the task header (the
 * waker's data). Queues the task at the tail of the run queue unless it is
 * already queued or is being freed. */
void ca__task_wake(void *task);

/* --------------------------------------------------------------- timer.c */

/* Arms `t`: it fires once ca__timer_fire is given a time >= deadline_ms.
 * Timers fire in deadline order, and timers with equal deadlines in arming
 * order (the executor's wake order relies on it). A deadline already
 * passed (not later than the last ca__timer_fire's time) counts as that
 * time: such timers fire first at the next ca__timer_fire, in arming
 * order. `t`
 * is borrowed: it must stay in place until it fires or is disarmed. `t`
 * must not be armed already. O(1). */
void ca__timer_arm(ca_timer *t, uint64_t deadline_ms, ca_waker waker);

/* Unlinks `t` if it is armed; does nothing otherwise. O(1). */
void ca__timer_disarm(ca_timer *t);

/* Disarms every timer whose deadline is <= now_ms, earliest first, and wakes
 * its waker. Returns how many fired. */
size_t ca__timer_fire(uint64_t now_ms);

/* How many timers this thread has armed (timer.c keeps it; the run loop
 * reads it inline). */
extern _Thread_local size_t ca__timer_count;

static inline int ca__timer_armed(void) { return ca__timer_count != 0; }

/* ca__timer_fire(ca_now_ms()), without reading the clock when no timer is
 * armed (the await hot path). */
static inline size_t ca__timer_fire_due(void) {
  return ca__timer_armed() ? ca__timer_fire(ca_now_ms()) : 0;
}

/* Stores in *deadline_ms a time no later than the earliest armed deadline
 * and returns 1, or returns 0 when no timer is armed. It is the wheel's next
 * step: waiting until then and calling ca__timer_fire makes progress (fires
 * or moves timers closer), never busy-waits. */
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
