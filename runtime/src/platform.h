/* platform.h - what the portable core (executor.c, timer.c, event.c,
 * handle.c, chan.c, sync.c, group.c, indirect.c) needs from the platform
 * it runs on, and what a platform may call back. The core includes no OS
 * header: it builds freestanding (with a C library's <string.h> and
 * <errno.h>).
 *
 * Two platforms implement it:
 *   platform/linux.c     hosted Linux: CLOCK_MONOTONIC, parking in the
 *                        per-thread epoll instance (epoll_wait with the
 *                        timeout) or clock_nanosleep, an eventfd per
 *                        thread as the wake, malloc, stderr + abort();
 *   platform/cortex-m.c  bare metal (CA_BARE_METAL): a SysTick millisecond
 *                        clock, WFI with interrupts masked as the park, a
 *                        word an interrupt handler sets as the wake, no
 *                        heap, fatal errors to a hook.
 * The build picks one (runtime/CMakeLists.txt, examples/cortex-m/Makefile).
 *
 * The wake: every executor has a wake port. ca__platform_wake(port) is the
 * one call allowed from outside the executor's thread of control (an
 * interrupt handler, another thread, a signal handler): it allocates
 * nothing and takes no lock (a word set with an atomic store or exchange,
 * and on Linux a write(2) to the eventfd). The executor's park returns
 * once the port was woken, and the platform then calls ca__events_fire(),
 * which wakes the frames whose ca_event was set (event.c).
 */
#ifndef CAWAIT_PLATFORM_H
#define CAWAIT_PLATFORM_H

#include <cawait.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------ what every platform gives */

/* uint64_t ca_now_ms(void) (cawait.h): milliseconds of a monotonic clock. */

/* "No deadline" for ca__platform_park. */
#define CA__NO_DEADLINE UINT64_MAX

/* Called by the run loop when nothing is runnable: returns once
 * ca_now_ms() >= deadline_ms (CA__NO_DEADLINE: never), once this
 * executor's port was woken or one of the platform's sources (Linux: the
 * registered I/O) is ready, having woken the frames waiting on them; it
 * may also return early (the run loop looks again and parks again). */
void ca__platform_park(uint64_t deadline_ms);

/* The same without waiting: takes what is ready now. The run loop calls
 * it between rounds while ca__sources is not zero. */
void ca__platform_poll(void);

/* This executor's wake port (created on first use, kept for the life of
 * the thread); NULL when the platform cannot make one (Linux: out of
 * descriptors). Executor's thread only. */
struct ca__wake_port *ca__platform_port(void);

/* Makes the port's executor leave (or not enter) its park and fire its
 * events. From any context: interrupt handlers, other threads, signal
 * handlers. No allocation, no lock. */
void ca__platform_wake(struct ca__wake_port *port);

/* Prints "cawait: <fmt...>" where the platform prints (stderr; a hook on
 * bare metal) and stops the program. */
_Noreturn void ca__platform_fatal(const char *fmt, va_list ap);

/* The heap, where the platform has one: task blocks of ca_spawn, boxed
 * frames of async_boxed pointers. Inline: ca_spawn's hot path calls
 * malloc directly. Bare metal has none (tasks come from CA_TASK_POOLs):
 * these then abort with a message naming `who`. */
#if CA_BARE_METAL
_Noreturn void ca__platform_no_heap(const char *who);
static inline void *ca__platform_alloc(size_t size, const char *who) {
  (void)size;
  ca__platform_no_heap(who);
}
static inline void *ca__platform_alloc_aligned(size_t align, size_t size,
                                               const char *who) {
  (void)align;
  (void)size;
  ca__platform_no_heap(who);
}
static inline void ca__platform_free(void *p) { (void)p; }
#else
#include <stdlib.h>
static inline void *ca__platform_alloc(size_t size, const char *who) {
  (void)who;
  return malloc(size);
}
static inline void *ca__platform_alloc_aligned(size_t align, size_t size,
                                               const char *who) {
  (void)who;
  return aligned_alloc(align, size);
}
static inline void ca__platform_free(void *p) { free(p); }
#endif

/* ------------------------------------- what the core gives a platform */

/* How many sources this executor's platform watches (registered ca_io,
 * ca_event with a waiting frame). While it is not zero the run loop polls
 * the platform between rounds and parks in it even with no timer armed. */
extern CA__THREAD_LOCAL unsigned ca__sources;

/* One source more (+1) or fewer (-1). */
void ca__sources_add(int delta);

/* Wakes the frames waiting on a ca_event that was set. The platform calls
 * it after its port was woken (and the wake consumed: a wake that comes
 * during the call is seen by the next park or poll). */
void ca__events_fire(void);

#endif /* CAWAIT_PLATFORM_H */
