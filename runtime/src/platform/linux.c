/* platform/linux.c - the Linux platform (platform.h): the monotonic clock,
 * the reactor (one edge-triggered epoll instance per thread) that the
 * executor parks in, the wake port (an eventfd in that epoll instance),
 * and fatal errors on stderr.
 *
 * Parking: in epoll_wait (the timeout up to the deadline) while the
 * epoll instance exists, which it does while a ca_io is registered or once
 * this thread has a wake port; otherwise clock_nanosleep to the deadline.
 *
 * The wake port: a word and an eventfd. ca__platform_wake sets the word
 * and, when it was clear, writes the eventfd (both async-signal-safe and
 * thread-safe; no lock, no allocation). The reactor reads the eventfd
 * when epoll reports it, then clears the word, then fires the events: a
 * wake after the clear writes the eventfd again, so none is lost. The
 * same port serves every wake from outside the executor's thread (events
 * set by other threads, signal handlers).
 */
#define _GNU_SOURCE /* clock_nanosleep, eventfd */

#include "linux.h"
#include "../platform.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

/* The longest a single park sleeps; the run loop loops. */
#define CA__WAIT_MAX_MS (24u * 60u * 60u * 1000u)

struct ca__wake_port {
  uint32_t pending; /* woken since the reactor last looked */
  int fd;           /* eventfd, in the epoll instance */
};

typedef struct ca__reactor {
  int epfd; /* -1 (0 before first use is taken as unset) */
  unsigned char init;
  unsigned char has_port; /* port.fd is open and in epfd */
  struct ca__wake_port port;
} ca__reactor;

static _Thread_local ca__reactor ca__io_reactor;

/* epoll's data for the port's eventfd (ca_io pointers are the rest). */
static char ca__port_tag;

uint64_t ca_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

_Noreturn void ca__platform_fatal(const char *fmt, va_list ap) {
  fflush(stdout);
  fputs("cawait: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  abort();
}

/* ------------------------------------------------------------- reactor */

/* Adds the port's eventfd to epfd: 0, or -1 with errno set. */
static int ca__port_watch(int epfd, int fd) {
  struct epoll_event ev = {.events = EPOLLIN, .data.ptr = &ca__port_tag};
  return epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev);
}

int ca__reactor_fd(void) {
  ca__reactor *r = &ca__io_reactor;
  if (!r->init) {
    r->epfd = -1;
    r->init = 1;
  }
  if (r->epfd < 0) {
    r->epfd = epoll_create1(EPOLL_CLOEXEC);
    if (r->epfd >= 0 && r->has_port &&
        ca__port_watch(r->epfd, r->port.fd) < 0) {
      int err = errno;
      close(r->epfd);
      r->epfd = -1;
      errno = err;
    }
  }
  return r->epfd;
}

void ca__reactor_release(void) {
  ca__reactor *r = &ca__io_reactor;
  if (ca__io_count == 0 && !r->has_port && r->epfd >= 0) {
    close(r->epfd);
    r->epfd = -1;
  }
}

/* Waits at most timeout_ms (-1: without limit, 0: not at all) in epoll,
 * then wakes the frames of the I/O that is ready and, when the port was
 * woken, fires the events. */
static void ca__reactor_wait(int timeout_ms) {
  struct epoll_event ev[64];
  int n, port = 0;
  do
    n = epoll_wait(ca__io_reactor.epfd, ev, 64, timeout_ms);
  while (n < 0 && errno == EINTR);
  for (int i = 0; i < n; i++) {
    if (ev[i].data.ptr == &ca__port_tag)
      port = 1;
    else
      ca__io_ready(ev[i].data.ptr, ev[i].events);
  }
  if (port) {
    struct ca__wake_port *p = &ca__io_reactor.port;
    uint64_t count;
    /* First the eventfd, then the word (see the file comment). */
    while (read(p->fd, &count, sizeof count) < 0 && errno == EINTR) {
    }
    __atomic_store_n(&p->pending, 0, __ATOMIC_SEQ_CST);
    ca__events_fire();
  }
}

/* ---------------------------------------------------------------- park */

void ca__platform_poll(void) {
  if (ca__io_reactor.epfd >= 0 && ca__io_reactor.init)
    ca__reactor_wait(0);
}

void ca__platform_park(uint64_t deadline_ms) {
  ca__reactor *r = &ca__io_reactor;
  if (r->init && r->epfd >= 0) {
    int timeout = -1;
    if (deadline_ms != CA__NO_DEADLINE) {
      uint64_t now = ca_now_ms();
      uint64_t left = deadline_ms > now ? deadline_ms - now : 0;
      timeout = left > CA__WAIT_MAX_MS ? (int)CA__WAIT_MAX_MS : (int)left;
    }
    ca__reactor_wait(timeout);
    return;
  }
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

/* ----------------------------------------------------------- wake port */

/* A thread that made a port closes it, and its epoll instance, as it ends
 * (a thread of ca_threads_run, or any other): the port lives as long as
 * its thread, and every wake aimed at it must come before the thread
 * ends (cawait.h, ca_remote_waker). The main thread's stay until exit. */
static pthread_key_t ca__port_key;
static pthread_once_t ca__port_once = PTHREAD_ONCE_INIT;
static int ca__port_key_made;

static void ca__port_thread_end(void *reactor) {
  ca__reactor *r = reactor;
  if (r->has_port)
    close(r->port.fd);
  r->has_port = 0;
  if (r->init && r->epfd >= 0) {
    close(r->epfd); /* any ca_io still registered is the program's leak */
    r->epfd = -1;
  }
}

static void ca__port_key_create(void) {
  ca__port_key_made =
      pthread_key_create(&ca__port_key, ca__port_thread_end) == 0;
}

struct ca__wake_port *ca__platform_port(void) {
  ca__reactor *r = &ca__io_reactor;
  if (r->has_port)
    return &r->port;
  pthread_once(&ca__port_once, ca__port_key_create);
  if (!ca__port_key_made || pthread_setspecific(ca__port_key, r) != 0)
    return NULL;
  int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (fd < 0)
    return NULL;
  int epfd = ca__reactor_fd();
  if (epfd < 0 || ca__port_watch(epfd, fd) < 0) {
    close(fd);
    ca__reactor_release();
    return NULL;
  }
  r->port.fd = fd;
  r->port.pending = 0;
  r->has_port = 1;
  return &r->port;
}

void ca__platform_wake(struct ca__wake_port *port) {
  if (__atomic_exchange_n(&port->pending, 1, __ATOMIC_SEQ_CST))
    return; /* written already, not read yet */
  uint64_t one = 1;
  int saved = errno; /* a signal handler must leave errno as it was */
  while (write(port->fd, &one, sizeof one) < 0 && errno == EINTR) {
  }
  errno = saved;
}
