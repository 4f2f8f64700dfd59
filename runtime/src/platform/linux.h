/* platform/linux.h - what the Linux platform's files share: the reactor
 * (one epoll instance per thread, platform/linux.c) that io.c registers
 * descriptors with, and io.c's helpers that blocking.c uses. Hosted only.
 */
#ifndef CAWAIT_PLATFORM_LINUX_H
#define CAWAIT_PLATFORM_LINUX_H

#include "../internal.h"

#include <stdint.h>

/* ------------------------------------------------------------- linux.c */

/* This thread's epoll instance, created on first use: the descriptor, or
 * -1 with errno set. */
int ca__reactor_fd(void);

/* Closes the epoll instance when it watches nothing any more (no ca_io
 * registered, no wake port). */
void ca__reactor_release(void);

/* ---------------------------------------------------------------- io.c */

/* How many ca_io are registered on this thread. */
extern _Thread_local unsigned ca__io_count;

/* epoll reported `events` (EPOLL*) on io: records them and wakes the
 * frames waiting on io. */
void ca__io_ready(ca_io *io, uint32_t events);

/* Blocks signo on this thread for one more waiter (ca_signal): 0, or
 * -EINVAL for a signal number that is not one. */
int ca__signal_hold(int signo);
/* One waiter fewer: the last one unblocks signo unless it was blocked
 * before the first. */
void ca__signal_release(int signo);

/* host (NULL: 127.0.0.1) and port as an IPv4 address: 0, or -EINVAL for
 * a host that is not an IPv4 address or a port outside 0..65535. */
struct sockaddr_in;
int ca__ipv4(struct sockaddr_in *sa, const char *host, int port);

#endif /* CAWAIT_PLATFORM_LINUX_H */
