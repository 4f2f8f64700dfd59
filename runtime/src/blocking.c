/* blocking.c - the leaf futures as ordinary blocking functions, for
 * programs compiled without the plugin (where `async` is empty and
 * `await(e)` is `e`, so `ca_sleep_ms(10)` is a plain call).
 *
 * The runtime itself is always compiled without the plugin, so cawait.h
 * declares these as ordinary prototypes here.
 */
#define _GNU_SOURCE /* nanosleep, accept4 */

#include "internal.h"
#include "platform.h"
#include "platform/linux.h"

#include <errno.h>
#include <time.h>

#ifdef CA_LOWERED
#error "libcawait must be compiled without the cawait plugin"
#endif

void ca_sleep_ms(uint64_t ms) {
  struct timespec left = {.tv_sec = (time_t)(ms / 1000u),
                          .tv_nsec = (long)(ms % 1000u) * 1000000L};
  while (nanosleep(&left, &left) == -1 && errno == EINTR) {
  }
}

void ca_yield(void) {}

void ca_sleep_until(uint64_t deadline_ms) {
  uint64_t now = ca_now_ms();
  if (deadline_ms > now)
    ca_sleep_ms(deadline_ms - now);
}

/* Parks (in the reactor, where the port's eventfd is) until e is set. */
void ca_event_wait(ca_event *e) {
  int rc = ca__event_attach(e);
  if (rc < 0)
    ca__die("ca_event_wait: no wake port (out of file descriptors?)");
  /* Taking the set also takes the port out (rc > 0: never attached). */
  while (!ca__event_take(e))
    ca__platform_park(CA__NO_DEADLINE);
}

/* On the calling thread: nothing else can run meanwhile anyway. */
long ca_blocking(long (*fn)(void *), void *arg) {
  if (!fn)
    ca__die("ca_blocking: the function is NULL");
  return fn(arg);
}

/* ---------------------------------------------------------------- I/O
 * The descriptors are non-blocking (ca_io_open): wait with poll(2). */
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

/* 0 once fd has one of `events` (or hung up, or in error), -EBADF when fd
 * is not an open descriptor (poll(2) ignores a negative one: it would
 * wait for ever). */
static int ca__wait_fd(int fd, short events) {
  struct pollfd p = {.fd = fd, .events = events};
  if (fd < 0)
    return -EBADF;
  while (poll(&p, 1, -1) < 0) {
    if (errno != EINTR)
      return -errno;
  }
  return p.revents & POLLNVAL ? -EBADF : 0;
}

/* Whether r, the result of a non-blocking call on fd, is final (*out
 * holds the count or -errno); otherwise try again, after waiting for
 * events when it would have blocked. */
static int ca__blocking_done(int fd, short events, ssize_t r, long *out) {
  if (r >= 0) {
    *out = (long)r;
    return 1;
  }
  if (errno == EAGAIN || errno == EWOULDBLOCK)
    ca__wait_fd(fd, events);
  else if (errno != EINTR) {
    *out = -errno;
    return 1;
  }
  return 0;
}

/* On a closed ca_io these return at once, as the async ones do. */
void ca_io_readable(ca_io *io) { (void)ca__wait_fd(io->fd, POLLIN); }
void ca_io_writable(ca_io *io) { (void)ca__wait_fd(io->fd, POLLOUT); }

/* poll(2) reports readiness of any descriptor, regular files included. */
int ca_fd_readable(int fd) { return ca__wait_fd(fd, POLLIN); }
int ca_fd_writable(int fd) { return ca__wait_fd(fd, POLLOUT); }

long ca_read(ca_io *io, void *buf, size_t n) {
  long out;
  while (!ca__blocking_done(io->fd, POLLIN, read(io->fd, buf, n), &out)) {
  }
  return out;
}

long ca_write(ca_io *io, const void *buf, size_t n) {
  long out;
  for (;;) {
    ssize_t r = send(io->fd, buf, n, MSG_NOSIGNAL);
    if (r < 0 && errno == ENOTSOCK)
      r = write(io->fd, buf, n);
    if (ca__blocking_done(io->fd, POLLOUT, r, &out))
      return out;
  }
}

int ca_accept(ca_io *listener) {
  for (;;) {
    int fd = accept4(listener->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd >= 0)
      return fd;
    if (errno == EAGAIN || errno == EWOULDBLOCK)
      ca__wait_fd(listener->fd, POLLIN);
    else if (errno == EMFILE || errno == ENFILE)
      ca_sleep_ms(10);
    else if (errno != EINTR && errno != ECONNABORTED)
      return -errno;
  }
}

#include <netinet/in.h>

int ca_tcp_connect(ca_io *out, const char *host, int port) {
  struct sockaddr_in sa;
  if (ca__ipv4(&sa, host, port) < 0)
    return -EINVAL;
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), rc;
  if (fd < 0)
    return -errno;
  if ((rc = ca_io_open(out, fd)) < 0) {
    close(fd);
    return rc;
  }
  while ((rc = connect(fd, (struct sockaddr *)&sa, sizeof sa)) < 0 &&
         errno == EINTR) {
  }
  if (rc < 0 && errno != EINPROGRESS) {
    rc = -errno;
    ca_io_close(out);
    return rc;
  }
  if (rc < 0) {
    int err = 0;
    socklen_t len = sizeof err;
    ca__wait_fd(fd, POLLOUT);
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err) {
      ca_io_close(out);
      return -err;
    }
  }
  return 0;
}

long ca_send_to(ca_io *io, const void *buf, size_t n, const char *host,
                int port) {
  struct sockaddr_in sa;
  if (ca__ipv4(&sa, host, port) < 0)
    return -EINVAL;
  long out;
  while (!ca__blocking_done(io->fd, POLLOUT,
                            sendto(io->fd, buf, n, MSG_NOSIGNAL,
                                   (struct sockaddr *)&sa, sizeof sa),
                            &out)) {
  }
  return out;
}

long ca_recv_from(ca_io *io, void *buf, size_t n, int *from_port) {
  struct sockaddr_in sa;
  socklen_t len = sizeof sa;
  long out;
  while (!ca__blocking_done(
      io->fd, POLLIN,
      recvfrom(io->fd, buf, n, 0, (struct sockaddr *)&sa, &len), &out)) {
  }
  if (out >= 0 && from_port)
    *from_port = ntohs(sa.sin_port);
  return out;
}

#include <signal.h>

int ca_signal(int signo) {
  sigset_t set;
  int got, rc = ca__signal_hold(signo);
  if (rc < 0)
    return rc;
  sigemptyset(&set);
  sigaddset(&set, signo);
  rc = sigwait(&set, &got) == 0 ? got : -EINVAL;
  ca__signal_release(signo);
  return rc;
}
