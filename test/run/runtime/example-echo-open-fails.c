// examples/echo.c when registering an accepted connection fails
// (ca_io_open gives an error, here epoll_ctl refusing it with ENOSPC, as
// when fs.epoll.max_user_watches is reached): the connection task closes
// the descriptor, which ca_io_open leaves to its caller, so its client
// reads end of stream and no descriptor is left open at exit. This file
// wraps the runtime's accept4 and epoll_ctl, and counts descriptors.
// RUN: %cawait-cc -Wall -Werror -gdwarf-4 -Wl,--wrap=accept4 -Wl,--wrap=epoll_ctl %S/../../../examples/echo.c %s -o %t
// RUN: not timeout 60 %t | FileCheck %s
// CHECK-DAG: client sent 5 bytes, got back ""
// CHECK-DAG: registering connection failed: ENOSPC
// CHECK:     echo: FAILED
// CHECK:     descriptors left open at exit: 0
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/socket.h>

int __real_accept4(int, struct sockaddr *, socklen_t *, int);
int __real_epoll_ctl(int, int, int, struct epoll_event *);

static int first_accepted = -1;

int __wrap_accept4(int fd, struct sockaddr *sa, socklen_t *len, int flags) {
  int c = __real_accept4(fd, sa, len, flags);
  if (c >= 0 && first_accepted < 0)
    first_accepted = c;
  return c;
}

int __wrap_epoll_ctl(int ep, int op, int fd, struct epoll_event *ev) {
  if (op == EPOLL_CTL_ADD && fd == first_accepted) {
    first_accepted = -2; /* once */
    printf("registering connection failed: ENOSPC\n");
    errno = ENOSPC;
    return -1;
  }
  return __real_epoll_ctl(ep, op, fd, ev);
}

static int open_fds(void) {
  int n = 0;
  DIR *d = opendir("/proc/self/fd");
  if (!d)
    return -1;
  while (readdir(d))
    n++;
  closedir(d);
  return n;
}

static int at_start;
__attribute__((constructor)) static void count_at_start(void) {
  at_start = open_fds();
}
__attribute__((destructor)) static void count_at_exit(void) {
  printf("descriptors left open at exit: %d\n", open_fds() - at_start);
}
