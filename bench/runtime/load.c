/* load.c - the echo load client: C connections to 127.0.0.1:PORT, each
 * sends a SIZE-byte message, reads the SIZE bytes back, and repeats (one
 * message in flight per connection), for SECONDS, or until MESSAGES have
 * been echoed when given; one thread, epoll. Connecting is retried for a
 * few seconds (a server under valgrind starts slowly). Prints echoed MB/s
 * (10^6 bytes, one direction) and messages/s.
 * Usage: load PORT CONNS SIZE SECONDS [MESSAGES] */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

struct conn {
  int fd;
  size_t sent, got; /* of the message in flight */
  int writing;      /* waiting for EPOLLOUT to finish sending */
};

static size_t size;
static char *out, *in;
static unsigned long long msgs, started, limit = ~0ull;

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Sends what is left of the message; 1 when it is all sent. */
static int pump_send(struct conn *c) {
  while (c->sent < size) {
    ssize_t w = send(c->fd, out + c->sent, size - c->sent, MSG_NOSIGNAL);
    if (w < 0) {
      if (errno == EAGAIN)
        return 0;
      perror("load: send");
      exit(1);
    }
    c->sent += (size_t)w;
  }
  return 1;
}

static void set_events(int ep, struct conn *c, unsigned events) {
  struct epoll_event ev = {.events = events, .data.ptr = c};
  epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
}

static void start_message(int ep, struct conn *c) {
  started++;
  c->sent = c->got = 0;
  int done = pump_send(c);
  if (done != !c->writing) {
    c->writing = !done;
    set_events(ep, c, done ? EPOLLIN : EPOLLIN | EPOLLOUT);
  }
}

int main(int argc, char **argv) {
  if (argc < 5) {
    fprintf(stderr, "usage: load PORT CONNS SIZE SECONDS [MESSAGES]\n");
    return 2;
  }
  int port = atoi(argv[1]), nconn = atoi(argv[2]);
  size = (size_t)atol(argv[3]);
  double seconds = atof(argv[4]);
  if (argc > 5)
    limit = strtoull(argv[5], NULL, 10);
  out = malloc(size);
  in = malloc(size);
  for (size_t i = 0; i < size; i++)
    out[i] = (char)('a' + i % 26);
  int ep = epoll_create1(0);
  struct conn *conns = calloc((size_t)nconn, sizeof *conns);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  for (int i = 0; i < nconn; i++) {
    int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    for (int tries = 0; connect(fd, (struct sockaddr *)&a, sizeof a) < 0;
         tries++) {
      if (errno != ECONNREFUSED || tries == 100) {
        perror("load: connect");
        return 1;
      }
      usleep(100000);
    }
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (fcntl(fd, F_SETFL, O_NONBLOCK) < 0)
      return 1;
    conns[i].fd = fd;
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = &conns[i]};
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
  }
  double t0 = now_s(), end = t0 + seconds;
  for (int i = 0; i < nconn && started < limit; i++)
    start_message(ep, &conns[i]);
  struct epoll_event evs[256];
  unsigned loops = 0;
  while (msgs < limit && ((++loops & 63) || now_s() < end)) {
    int n = epoll_wait(ep, evs, 256, 100);
    for (int i = 0; i < n; i++) {
      struct conn *c = evs[i].data.ptr;
      if (c->writing && pump_send(c)) {
        c->writing = 0;
        set_events(ep, c, EPOLLIN);
      }
      for (;;) {
        ssize_t r = read(c->fd, in, size - c->got);
        if (r <= 0) {
          if (r < 0 && errno == EAGAIN)
            break;
          fprintf(stderr, "load: connection closed by the server\n");
          return 1;
        }
        c->got += (size_t)r;
        if (c->got == size) {
          msgs++;
          if (started < limit)
            start_message(ep, c);
          break;
        }
      }
    }
  }
  double dt = now_s() - t0;
  printf("conns=%d size=%zu seconds=%.2f msgs=%llu msgs_per_s=%.0f "
         "MB_per_s=%.1f\n",
         nconn, size, dt, msgs, msgs / dt, msgs * (double)size / dt / 1e6);
  return 0;
}
