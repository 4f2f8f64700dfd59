/* io.c - the I/O leaf futures on the Linux platform's reactor (one
 * edge-triggered epoll instance per thread, platform/linux.c): readiness,
 * read, write, accept, connect. Hosted only.
 *
 * A ca_io holds its registration: epoll's data is the ca_io itself, whose
 * `ready` bits record the edges epoll reported until an operation meets
 * EAGAIN, and whose reader and writer wakers are those of the frames
 * waiting on it. Operations try the system call first and wait only on
 * EAGAIN, so a ready descriptor costs one call. The epoll instance exists
 * while something is registered (a program that closes everything has no
 * descriptor of cawait's left open).
 *
 * One frame waits per direction: a second frame that would wait to read
 * (or write) while another does aborts (ca__io_wait), instead of taking
 * the first one's place and leaving it asleep for ever. A frame that
 * completes takes its own waker out of the slot, so the slot never names a
 * frame that no longer waits.
 */
#define _GNU_SOURCE /* accept4 */

#include "internal.h"
#include "platform.h"
#include "platform/linux.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

_Thread_local unsigned ca__io_count;

/* Waits for io's next edge in `slot` (its reader or writer) with cx's
 * waker; `who` names the operation for the message when another frame
 * waits there already. */
static void ca__io_wait(ca_io *io, ca_waker *slot, ca_context *cx,
                        const char *who) {
  if (__builtin_expect(*slot != CA_WAKER_NONE && *slot != cx->waker, 0))
    ca__die("%s: another frame is already waiting to %s fd %d (one reader "
            "and one writer per ca_io at a time)",
            who, slot == &io->ca__private.reader ? "read" : "write", io->fd);
  *slot = cx->waker;
}

/* A frame that waited in `slot` is done: its waker leaves the slot. */
static void ca__io_done(ca_waker *slot, ca_context *cx) {
  if (*slot == cx->waker)
    *slot = CA_WAKER_NONE;
}

/* A registration more (+1) or fewer (-1): each is a source the run loop
 * polls the platform for. */
static void ca__io_registered(int delta) {
  ca__io_count += (unsigned)delta;
  ca__sources_add(delta);
}

void ca__io_ready(ca_io *io, uint32_t e) {
  /* A peer's half-close (RDHUP) is the read side's end of file only:
   * the write side may still be full, and must keep waiting. */
  if (e & (EPOLLHUP | EPOLLERR))
    io->ca__private.ready |= CA__IO_HUP;
  if (e & (EPOLLIN | EPOLLHUP | EPOLLERR | EPOLLRDHUP)) {
    io->ca__private.ready |= CA__IO_READABLE;
    ca_waker_take_wake(&io->ca__private.reader);
  }
  if (e & (EPOLLOUT | EPOLLHUP | EPOLLERR)) {
    io->ca__private.ready |= CA__IO_WRITABLE;
    ca_waker_take_wake(&io->ca__private.writer);
  }
}

/* Registers fd (already non-blocking, or only waited on) in io with the
 * reactor: 0 or a negative errno (io is then closed). */
static int ca__io_register(ca_io *io, int fd) {
  io->fd = -1;
  int epfd = ca__reactor_fd();
  if (epfd < 0)
    return -errno;
  io->ca__private.ready = 0;
  io->ca__private.reader = io->ca__private.writer = CA_WAKER_NONE;
  struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET,
                           .data.ptr = io};
  if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) < 0) {
    int err = errno;
    ca__reactor_release();
    return -err;
  }
  io->fd = fd;
  ca__io_registered(+1);
  return 0;
}

/* Takes io's descriptor out of the reactor (it stays open); io is closed.
 * Frames still waiting on io are woken: their operation then fails with
 * -EBADF instead of waiting for ever. */
static void ca__io_unregister(ca_io *io) {
  epoll_ctl(ca__reactor_fd(), EPOLL_CTL_DEL, io->fd, NULL);
  io->fd = -1;
  io->ca__private.ready = CA__IO_READABLE | CA__IO_WRITABLE | CA__IO_HUP;
  ca_waker_take_wake(&io->ca__private.reader);
  ca_waker_take_wake(&io->ca__private.writer);
  ca__io_registered(-1);
  ca__reactor_release();
}

int ca_io_open(ca_io *io, int fd) {
  io->fd = -1; /* closed, should this fail: ca_io_close does nothing */
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
    return -errno;
  int rc = ca__io_register(io, fd);
  if (rc < 0)
    fcntl(fd, F_SETFL, flags);
  return rc;
}

int ca_io_close(ca_io *io) {
  if (io->fd < 0)
    return 0;
  int fd = io->fd;
  ca__io_unregister(io);
  return close(fd) < 0 ? -errno : 0;
}

/* Closes a registration the calling frame owns: its own waker is not
 * woken (only other frames waiting on io are). */
static int ca__io_close_own(ca_io *io) {
  io->ca__private.reader = io->ca__private.writer = CA_WAKER_NONE;
  return ca_io_close(io);
}

int ca_shutdown(ca_io *io, int how) {
  if (io->fd < 0)
    return -EBADF;
  if (shutdown(io->fd, how) < 0)
    return -errno;
  /* Local waiters on a side shut down try again (and meet end of file or
   * EPIPE): not every socket family reports it through epoll. */
  if (how == SHUT_WR || how == SHUT_RDWR) {
    io->ca__private.ready |= CA__IO_WRITABLE;
    ca_waker_take_wake(&io->ca__private.writer);
  }
  if (how == SHUT_RD || how == SHUT_RDWR) {
    io->ca__private.ready |= CA__IO_READABLE;
    ca_waker_take_wake(&io->ca__private.reader);
  }
  return 0;
}

int ca__ipv4(struct sockaddr_in *sa, const char *host, int port) {
  memset(sa, 0, sizeof *sa);
  if (port < 0 || port > 65535) /* htons would take it modulo 65536 */
    return -EINVAL;
  sa->sin_family = AF_INET;
  sa->sin_port = htons((uint16_t)port);
  if (inet_pton(AF_INET, host ? host : "127.0.0.1", &sa->sin_addr) != 1)
    return -EINVAL;
  return 0;
}

/* ca_tcp_listen, with SO_REUSEPORT when `reuseport`. */
static int ca__tcp_listen(ca_io *io, const char *host, int port, int backlog,
                          int reuseport) {
  struct sockaddr_in sa;
  int rc = ca__ipv4(&sa, host, port), one = 1;
  if (rc < 0)
    return rc;
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return -errno;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if ((reuseport &&
       setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) < 0) ||
      bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 ||
      listen(fd, backlog) < 0 || (rc = ca_io_open(io, fd)) < 0) {
    rc = rc < 0 ? rc : -errno;
    close(fd);
    return rc;
  }
  return 0;
}

int ca_tcp_listen(ca_io *io, const char *host, int port, int backlog) {
  return ca__tcp_listen(io, host, port, backlog, 0);
}

int ca_tcp_listen_reuseport(ca_io *io, const char *host, int port,
                            int backlog) {
  return ca__tcp_listen(io, host, port, backlog, 1);
}

int ca_io_port(const ca_io *io) {
  struct sockaddr_in sa;
  socklen_t len = sizeof sa;
  if (getsockname(io->fd, (struct sockaddr *)&sa, &len) < 0)
    return -errno;
  return ntohs(sa.sin_port);
}

/* ------------------------------------------------------------ readiness */

void ca_io_readable__init(struct ca_io_readable__frame *f, ca_io *io) {
  f->io = io;
}

CA__LEAF_DESC(ca_io_readable, "ca_io_readable", CA__WAIT_READ, io);
ca_poll ca_io_readable__poll(struct ca_io_readable__frame *f, ca_context *cx,
                             void *out) {
  (void)out;
  if (f->io->ca__private.ready & (CA__IO_READABLE | CA__IO_HUP)) {
    ca__io_done(&f->io->ca__private.reader, cx);
    return CA_READY;
  }
  ca__io_wait(f->io, &f->io->ca__private.reader, cx, "ca_io_readable");
  return CA_PENDING;
}
void ca_io_readable__drop(struct ca_io_readable__frame *f) {
  f->io->ca__private.reader = CA_WAKER_NONE;
}

void ca_io_writable__init(struct ca_io_writable__frame *f, ca_io *io) {
  f->io = io;
}

CA__LEAF_DESC(ca_io_writable, "ca_io_writable", CA__WAIT_WRITE, io);
ca_poll ca_io_writable__poll(struct ca_io_writable__frame *f, ca_context *cx,
                             void *out) {
  (void)out;
  if (f->io->ca__private.ready & (CA__IO_WRITABLE | CA__IO_HUP)) {
    ca__io_done(&f->io->ca__private.writer, cx);
    return CA_READY;
  }
  ca__io_wait(f->io, &f->io->ca__private.writer, cx, "ca_io_writable");
  return CA_PENDING;
}
void ca_io_writable__drop(struct ca_io_writable__frame *f) {
  f->io->ca__private.writer = CA_WAKER_NONE;
}

/* Readiness of a descriptor no ca_io holds: the registration is in the
 * frame (io), from the first poll until completion or drop. */
static void ca__fd_ready_drop(ca_io *io) {
  if (io->fd >= 0)
    ca__io_close_own(io);
}

/* The frame registers its own duplicate of fd: the owner may close fd
 * while it waits (the registration then still belongs to this frame, and
 * is removed by its own descriptor), and several frames may wait on one
 * file (readable and writable in a select, or two tasks). */
static ca_poll ca__fd_ready_poll(ca_io *io, int fd, ca_context *cx, int *out,
                                 uint32_t bits, ca_waker *slot) {
  if (io->fd < 0) {
    int own = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    int rc = own < 0 ? -errno : ca__io_register(io, own);
    if (rc < 0) {
      if (own >= 0)
        close(own);
      *out = rc;
      return CA_READY;
    }
  }
  if (io->ca__private.ready & bits) {
    ca__fd_ready_drop(io);
    *out = 0;
    return CA_READY;
  }
  *slot = cx->waker;
  return CA_PENDING;
}

void ca_fd_readable__init(struct ca_fd_readable__frame *f, int fd) {
  f->fd = fd;
  f->io.fd = -1;
}

CA__LEAF_DESC(ca_fd_readable, "ca_fd_readable", CA__WAIT_READ_FD, fd);
ca_poll ca_fd_readable__poll(struct ca_fd_readable__frame *f, ca_context *cx,
                             int *out) {
  return ca__fd_ready_poll(&f->io, f->fd, cx, out, CA__IO_READABLE | CA__IO_HUP,
                           &f->io.ca__private.reader);
}
void ca_fd_readable__drop(struct ca_fd_readable__frame *f) {
  ca__fd_ready_drop(&f->io);
}

void ca_fd_writable__init(struct ca_fd_writable__frame *f, int fd) {
  f->fd = fd;
  f->io.fd = -1;
}

CA__LEAF_DESC(ca_fd_writable, "ca_fd_writable", CA__WAIT_WRITE_FD, fd);
ca_poll ca_fd_writable__poll(struct ca_fd_writable__frame *f, ca_context *cx,
                             int *out) {
  return ca__fd_ready_poll(&f->io, f->fd, cx, out, CA__IO_WRITABLE | CA__IO_HUP,
                           &f->io.ca__private.writer);
}
void ca_fd_writable__drop(struct ca_fd_writable__frame *f) {
  ca__fd_ready_drop(&f->io);
}

/* -------------------------------------------------------- read and write */

/* What the result r of a non-blocking call on io means: done (*out holds
 * the count or -errno), try again (EINTR), or wait for io's next `bit`
 * edge with cx's waker in `slot`; `who` names the operation. */
enum { CA__IO_DONE, CA__IO_RETRY, CA__IO_WAIT };
static int ca__io_outcome(ca_io *io, ssize_t r, uint32_t bit, ca_waker *slot,
                          ca_context *cx, long *out, const char *who) {
  if (r >= 0) {
    *out = (long)r;
    ca__io_done(slot, cx);
    return CA__IO_DONE;
  }
  if (errno == EINTR)
    return CA__IO_RETRY;
  if (errno == EAGAIN || errno == EWOULDBLOCK) {
    io->ca__private.ready &= ~bit;
    ca__io_wait(io, slot, cx, who);
    return CA__IO_WAIT;
  }
  *out = -errno;
  ca__io_done(slot, cx);
  return CA__IO_DONE;
}

/* Repeats CALL (an ssize_t expression) while interrupted; returns from the
 * poll function when it is done or must wait. */
#define CA__IO_POLL(io, bit, slot, cx, out, who, CALL)                         \
  for (;;) {                                                                   \
    int k_ = ca__io_outcome((io), (CALL), (bit), (slot), (cx), (out), (who));  \
    if (k_ != CA__IO_RETRY)                                                    \
      return k_ == CA__IO_WAIT ? CA_PENDING : CA_READY;                        \
  }

/* send(2) without SIGPIPE, or write(2) where fd is not a socket. */
static ssize_t ca__send(int fd, const void *buf, size_t n) {
  ssize_t r = send(fd, buf, n, MSG_NOSIGNAL);
  return r < 0 && errno == ENOTSOCK ? write(fd, buf, n) : r;
}

void ca_read__init(struct ca_read__frame *f, ca_io *io, void *buf, size_t n) {
  f->io = io;
  f->buf = buf;
  f->n = n;
}

CA__LEAF_DESC(ca_read, "ca_read", CA__WAIT_READ, io);
ca_poll ca_read__poll(struct ca_read__frame *f, ca_context *cx, long *out) {
  CA__IO_POLL(f->io, CA__IO_READABLE, &f->io->ca__private.reader, cx, out,
              "ca_read", read(f->io->fd, f->buf, f->n));
}
void ca_read__drop(struct ca_read__frame *f) {
  f->io->ca__private.reader = CA_WAKER_NONE;
}

void ca_write__init(struct ca_write__frame *f, ca_io *io, const void *buf,
                    size_t n) {
  f->io = io;
  f->buf = buf;
  f->n = n;
}

CA__LEAF_DESC(ca_write, "ca_write", CA__WAIT_WRITE, io);
ca_poll ca_write__poll(struct ca_write__frame *f, ca_context *cx, long *out) {
  CA__IO_POLL(f->io, CA__IO_WRITABLE, &f->io->ca__private.writer, cx, out,
              "ca_write", ca__send(f->io->fd, f->buf, f->n));
}
void ca_write__drop(struct ca_write__frame *f) {
  f->io->ca__private.writer = CA_WAKER_NONE;
}

/* --------------------------------------------------------------- accept */

void ca_accept__init(struct ca_accept__frame *f, ca_io *listener) {
  f->listener = listener;
  f->backoff = (ca_timer){0};
}

CA__LEAF_DESC(ca_accept, "ca_accept", CA__WAIT_READ, listener);
ca_poll ca_accept__poll(struct ca_accept__frame *f, ca_context *cx,
                        int *out) {
  if (ca__timer_is_armed(&f->backoff)) {
    f->backoff.waker = cx->waker; /* still waiting out the back-off */
    return CA_PENDING;
  }
  for (;;) {
    int fd = accept4(f->listener->fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd >= 0) {
      ca__io_done(&f->listener->ca__private.reader, cx);
      *out = fd;
      return CA_READY;
    }
    if (errno == EINTR || errno == ECONNABORTED)
      continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      f->listener->ca__private.ready &= ~CA__IO_READABLE;
      ca__io_wait(f->listener, &f->listener->ca__private.reader, cx,
                  "ca_accept");
      return CA_PENDING;
    }
    if (errno == EMFILE || errno == ENFILE) {
      /* Out of descriptors: the pending connection stays queued; try
       * again once some may have been closed, without spinning. */
      ca__io_done(&f->listener->ca__private.reader, cx);
      ca__timer_arm(&f->backoff, ca_now_ms() + 10, cx->waker);
      return CA_PENDING;
    }
    ca__io_done(&f->listener->ca__private.reader, cx);
    *out = -errno;
    return CA_READY;
  }
}
void ca_accept__drop(struct ca_accept__frame *f) {
  /* Backing off, it does not wait on the listener (another frame may). */
  if (ca__timer_is_armed(&f->backoff))
    ca__timer_disarm(&f->backoff);
  else
    f->listener->ca__private.reader = CA_WAKER_NONE;
}

/* -------------------------------------------------------------- connect */

void ca_tcp_connect__init(struct ca_tcp_connect__frame *f, ca_io *out,
                          const char *host, int port) {
  f->out = out;
  f->host = host;
  f->port = port;
  f->started = 0;
}

CA__LEAF_DESC(ca_tcp_connect, "ca_tcp_connect", CA__WAIT_WRITE, out);
ca_poll ca_tcp_connect__poll(struct ca_tcp_connect__frame *f, ca_context *cx,
                             int *out) {
  ca_io *io = f->out;
  if (!f->started) {
    /* Closed should this fail before ca_io_open (a bad address, socket(2)
     * out of descriptors), as ca_io_open leaves it: a cleanup that closes
     * *out must not close whatever its fd held (test/fault/accept-emfile.c:
     * a stale fd closed another descriptor and unbalanced the count of
     * registrations, leaving the reactor unwatched). */
    io->fd = -1;
    struct sockaddr_in sa;
    int rc = ca__ipv4(&sa, f->host, f->port);
    if (rc < 0) {
      *out = rc;
      return CA_READY;
    }
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
      *out = -errno;
      return CA_READY;
    }
    if ((rc = ca_io_open(io, fd)) < 0) {
      close(fd);
      *out = rc;
      return CA_READY;
    }
    f->started = 1;
    while ((rc = connect(fd, (struct sockaddr *)&sa, sizeof sa)) < 0 &&
           errno == EINTR) {
    }
    if (rc == 0) {
      f->started = 2;
      *out = 0;
      return CA_READY;
    }
    if (errno != EINPROGRESS) {
      *out = -errno;
      ca__io_close_own(io);
      f->started = 2;
      return CA_READY;
    }
  }
  if (!(io->ca__private.ready & (CA__IO_WRITABLE | CA__IO_HUP))) {
    io->ca__private.writer = cx->waker;
    return CA_PENDING;
  }
  int err = 0;
  socklen_t len = sizeof err;
  if (getsockopt(io->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
    err = errno;
  f->started = 2;
  if (err) {
    ca__io_close_own(io);
    *out = -err;
  } else {
    *out = 0;
  }
  return CA_READY;
}
void ca_tcp_connect__drop(struct ca_tcp_connect__frame *f) {
  if (f->started == 1) /* dropped while connecting: the socket goes too */
    ca__io_close_own(f->out);
}

/* ------------------------------------------------------------------ UDP */

int ca_udp_bind(ca_io *io, const char *host, int port) {
  struct sockaddr_in sa;
  int rc = ca__ipv4(&sa, host, port);
  if (rc < 0)
    return rc;
  int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return -errno;
  if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 ||
      (rc = ca_io_open(io, fd)) < 0) {
    rc = rc < 0 ? rc : -errno;
    close(fd);
    return rc;
  }
  return 0;
}

void ca_send_to__init(struct ca_send_to__frame *f, ca_io *io, const void *buf,
                      size_t n, const char *host, int port) {
  f->io = io;
  f->buf = buf;
  f->n = n;
  f->host = host;
  f->port = port;
}

CA__LEAF_DESC(ca_send_to, "ca_send_to", CA__WAIT_WRITE, io);
ca_poll ca_send_to__poll(struct ca_send_to__frame *f, ca_context *cx,
                         long *out) {
  struct sockaddr_in sa;
  int rc = ca__ipv4(&sa, f->host, f->port);
  if (rc < 0) {
    *out = rc;
    return CA_READY;
  }
  CA__IO_POLL(f->io, CA__IO_WRITABLE, &f->io->ca__private.writer, cx, out,
              "ca_send_to",
              sendto(f->io->fd, f->buf, f->n, MSG_NOSIGNAL,
                     (struct sockaddr *)&sa, sizeof sa));
}
void ca_send_to__drop(struct ca_send_to__frame *f) {
  f->io->ca__private.writer = CA_WAKER_NONE;
}

void ca_recv_from__init(struct ca_recv_from__frame *f, ca_io *io, void *buf,
                        size_t n, int *from_port) {
  f->io = io;
  f->buf = buf;
  f->n = n;
  f->from_port = from_port;
}

CA__LEAF_DESC(ca_recv_from, "ca_recv_from", CA__WAIT_READ, io);
ca_poll ca_recv_from__poll(struct ca_recv_from__frame *f, ca_context *cx,
                           long *out) {
  struct sockaddr_in sa;
  socklen_t len = sizeof sa;
  for (;;) {
    int k = ca__io_outcome(
        f->io,
        recvfrom(f->io->fd, f->buf, f->n, 0, (struct sockaddr *)&sa, &len),
        CA__IO_READABLE, &f->io->ca__private.reader, cx, out, "ca_recv_from");
    if (k == CA__IO_RETRY)
      continue;
    if (k == CA__IO_DONE && *out >= 0 && f->from_port)
      *f->from_port = ntohs(sa.sin_port);
    return k == CA__IO_WAIT ? CA_PENDING : CA_READY;
  }
}
void ca_recv_from__drop(struct ca_recv_from__frame *f) {
  f->io->ca__private.reader = CA_WAKER_NONE;
}

/* --------------------------------------------------------------- signals */

#include <signal.h>
#include <sys/signalfd.h>

/* The frames of this thread waiting for each signal, and whether the
 * signal was blocked before the first of them blocked it: the last one to
 * finish restores the mask, so the signal's default action applies again
 * (a second Ctrl-C stops a server whose graceful stop is stuck). */
static _Thread_local unsigned ca__signal_waiters[NSIG];
static _Thread_local unsigned char ca__signal_was_blocked[NSIG];

int ca__signal_hold(int signo) {
  sigset_t set, old;
  sigemptyset(&set);
  if (signo <= 0 || signo >= NSIG || sigaddset(&set, signo) < 0)
    return -EINVAL;
  if (ca__signal_waiters[signo] == 0) {
    if (pthread_sigmask(SIG_BLOCK, &set, &old) != 0)
      return -EINVAL;
    ca__signal_was_blocked[signo] = (unsigned char)sigismember(&old, signo);
  }
  ca__signal_waiters[signo]++;
  return 0;
}

void ca__signal_release(int signo) {
  sigset_t set;
  if (--ca__signal_waiters[signo] || ca__signal_was_blocked[signo])
    return;
  sigemptyset(&set);
  sigaddset(&set, signo);
  pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

/* The signalfd is closed and the signal released. */
static void ca__signal_close(struct ca_signal__frame *f) {
  ca__io_close_own(&f->io);
  ca__signal_release(f->signo);
  f->open = 0;
}

void ca_signal__init(struct ca_signal__frame *f, int signo) {
  f->signo = signo;
  f->open = 0;
}

CA__LEAF_DESC(ca_signal, "ca_signal", CA__WAIT_SIGNAL, signo);

ca_poll ca_signal__poll(struct ca_signal__frame *f, ca_context *cx,
                        int *out) {
  if (!f->open) {
    sigset_t set;
    int rc = ca__signal_hold(f->signo);
    if (rc < 0) {
      *out = rc;
      return CA_READY;
    }
    sigemptyset(&set);
    sigaddset(&set, f->signo);
    int fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    rc = fd < 0 ? -errno : ca_io_open(&f->io, fd);
    if (rc < 0) {
      if (fd >= 0)
        close(fd);
      ca__signal_release(f->signo);
      *out = rc;
      return CA_READY;
    }
    f->open = 1;
  }
  for (;;) {
    struct signalfd_siginfo si;
    ssize_t r = read(f->io.fd, &si, sizeof si);
    if (r == (ssize_t)sizeof si) {
      ca__signal_close(f);
      *out = (int)si.ssi_signo;
      return CA_READY;
    }
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      f->io.ca__private.ready &= ~CA__IO_READABLE;
      f->io.ca__private.reader = cx->waker;
      return CA_PENDING;
    }
    *out = r < 0 ? -errno : -EIO;
    ca__signal_close(f);
    return CA_READY;
  }
}

void ca_signal__drop(struct ca_signal__frame *f) {
  if (f->open)
    ca__signal_close(f);
}
