/* echo.h - what the fault and load tests share (defined in echo.c, which
 * each test links): a descriptor count, an echo server's connection task
 * that reports how its connection ended, and a client that streams a
 * pattern (a function of its id and the byte's offset) while reading the
 * echo back and checking it byte by byte. */
#include <cawait.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../../run/Inputs/open-fds.h"

/* Raises the soft descriptor limit to at least `need` (up to the hard
 * limit): 0, or -1 when the hard limit is lower. */
static inline int want_fds(rlim_t need) {
  struct rlimit r;
  if (getrlimit(RLIMIT_NOFILE, &r) < 0)
    return -1;
  if (r.rlim_cur >= need)
    return 0;
  if (r.rlim_max != RLIM_INFINITY && r.rlim_max < need)
    return -1;
  r.rlim_cur = need;
  return setrlimit(RLIMIT_NOFILE, &r);
}

/* Byte `i` of client `id`'s stream: not periodic over small distances, so
 * a lost, repeated or misplaced piece shows. */
static inline unsigned char pattern(int id, size_t i) {
  uint32_t x = (uint32_t)i * 2654435761u + (uint32_t)id * 40503u;
  return (unsigned char)((x >> 24) ^ (i >> 16));
}

/* A cleanup that closes a ca_io. */
void close_io(ca_io *io);

/* How each server connection ended: 0 at the client's end of stream, a
 * negative errno when a read or write failed (a reset). */
enum { ECHO_RUNNING = 1 };

/* Echoes fd (owned from now on) until end of stream or an error, stored
 * in *status; the socket is closed however the task ends (also when it is
 * dropped). */
async_budget(65664) void echo_serve(int fd, int *status);

/* Accepts `conns` connections on listener, each served by an echo_serve
 * task reporting in status[i]; the task's handle goes to tasks[i] (tasks
 * NULL: it is detached). 0, or the failed accept's negative errno. */
async_budget(256) int echo_accept(ca_io *listener, int conns, int *status,
                                  ca_task **tasks);

/* Waits until at most `left` of the conns connections are still running:
 * how many are. */
async_budget(256) int echo_wait(const int *status, int conns, int left);

/* Sends `bytes` of client id's pattern in pieces of at most `piece`
 * bytes, then half-closes: 0, or a negative errno. */
async_budget(65664) int send_pattern(ca_io *io, int id, size_t bytes,
                                     size_t piece);

/* Reads until end of stream: 0 when exactly `bytes` of id's pattern came
 * back, else -1 (a short, long or wrong stream) or a negative errno. */
async_budget(65664) int check_pattern(ca_io *io, int id, size_t bytes);

/* A well-behaved client: connects, streams `bytes` while reading the echo
 * back, checks it and the end of stream. 0 or nonzero. */
async_budget(131584) int echo_client(int port, int id, size_t bytes,
                                     size_t piece);
