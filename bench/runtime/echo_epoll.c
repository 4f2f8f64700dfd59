/* echo_epoll.c - the hand-written reference: a TCP echo server in plain C,
 * one thread, non-blocking sockets, edge-triggered epoll, one 16 KiB
 * buffer per connection (like echo_cawait.c's task frame). Usage:
 * echo_epoll PORT; runs until killed. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define BUF 16384

struct conn {
  int fd;
  size_t off, len; /* bytes of buf still to write back: [off, len) */
  char buf[BUF];
};

static void conn_close(struct conn *c) {
  close(c->fd);
  free(c);
}

/* Reads and writes back until one of them would block (edge-triggered:
 * the next event comes when that changes). Returns -1 once closed. */
static int conn_run(struct conn *c) {
  for (;;) {
    if (c->off < c->len) {
      ssize_t w = send(c->fd, c->buf + c->off, c->len - c->off, MSG_NOSIGNAL);
      if (w < 0)
        return errno == EAGAIN ? 0 : -1;
      c->off += (size_t)w;
      continue;
    }
    ssize_t r = read(c->fd, c->buf, BUF);
    if (r > 0) {
      c->off = 0;
      c->len = (size_t)r;
      continue;
    }
    if (r < 0 && errno == EINTR)
      continue;
    return r < 0 && errno == EAGAIN ? 0 : -1;
  }
}

int main(int argc, char **argv) {
  int port = argc > 1 ? atoi(argv[1]) : 7000;
  int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  int one = 1;
  setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(lfd, (struct sockaddr *)&a, sizeof a) < 0 || listen(lfd, 512) < 0) {
    perror("echo_epoll: listen");
    return 1;
  }
  int ep = epoll_create1(EPOLL_CLOEXEC);
  struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL};
  epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);
  struct epoll_event evs[256];
  for (;;) {
    int n = epoll_wait(ep, evs, 256, -1);
    for (int i = 0; i < n; i++) {
      struct conn *c = evs[i].data.ptr;
      if (!c) {
        int fd;
        while ((fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >=
               0) {
          c = malloc(sizeof *c);
          c->fd = fd;
          c->off = c->len = 0;
          struct epoll_event ce = {.events = EPOLLIN | EPOLLOUT | EPOLLET,
                                   .data.ptr = c};
          epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ce);
        }
        continue;
      }
      if (conn_run(c) < 0)
        conn_close(c);
    }
  }
}
