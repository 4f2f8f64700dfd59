// Readiness of descriptors no ca_io holds (ca_fd_readable/ca_fd_writable):
// a pipe written by another task after a sleep, an eventfd, a pipe's write
// end, a regular file (epoll refuses it: -EPERM), a descriptor a ca_io
// already holds (-EEXIST), and a wait dropped by a timeout. The descriptors
// are left open and their flags unchanged, and nothing stays registered
// (no epoll descriptor left).
// RUN: %cawait-cc -Wall -Werror %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include "../Inputs/open-fds.h"
#include <cawait.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

static int pipefd[2];

async void write_later(void) {
  await(ca_sleep_ms(5));
  if (write(pipefd[1], "x", 1) != 1)
    printf("write failed\n");
}

async void write_to(int fd) {
  await(ca_sleep_ms(5));
  if (write(fd, "w", 1) != 1)
    printf("write failed\n");
}

/* 1: timed out (nothing came while it waited). */
async int wait_readable_briefly(int fd) {
  return await(ca_timeout_ms(10, ca_fd_readable(fd)));
}

async int run(void) {
  int before = open_fds();
  if (pipe(pipefd))
    return 1;
  int flags = fcntl(pipefd[0], F_GETFL);
  ca_task *w = ca_spawn(write_later());
  int rc = await(ca_fd_readable(pipefd[0]));
  char c = 0;
  printf("pipe readable %d, read %zd '%c', flags kept %d\n", rc,
         read(pipefd[0], &c, 1), c, fcntl(pipefd[0], F_GETFL) == flags);
  // CHECK: pipe readable 0, read 1 'x', flags kept 1
  await(ca_task_wait(w));

  int timed_out = await(ca_timeout_ms(5, ca_fd_readable(pipefd[0])));
  printf("nothing to read: timed out %d\n", timed_out);
  // CHECK-NEXT: nothing to read: timed out 1

  printf("pipe writable %d\n", await(ca_fd_writable(pipefd[1])));
  // CHECK-NEXT: pipe writable 0

  int efd = eventfd(0, EFD_CLOEXEC);
  uint64_t one = 1, got = 0;
  if (write(efd, &one, sizeof one) != sizeof one)
    return 1;
  rc = await(ca_fd_readable(efd));
  printf("eventfd readable %d, count %zd %llu\n", rc, read(efd, &got, sizeof got),
         (unsigned long long)got);
  // CHECK-NEXT: eventfd readable 0, count 8 1
  close(efd);

  int file = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  printf("regular file: %s\n",
         await(ca_fd_readable(file)) == -EPERM ? "-EPERM" : "?");
  // CHECK-NEXT: regular file: -EPERM
  close(file);

  /* The frame registers its own duplicate: a ca_io may hold fd too. */
  ca_io held;
  if (ca_io_open(&held, pipefd[0]) || write(pipefd[1], "y", 1) != 1)
    return 1;
  printf("held by a ca_io too: %d\n", await(ca_fd_readable(pipefd[0])));
  // CHECK-NEXT: held by a ca_io too: 0
  ca_io_close(&held);

  /* Readable or writable of one socket in a select: both registered. */
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv))
    return 1;
  static char fill[65536];
  while (write(sv[0], fill, sizeof fill) > 0) {
  }
  ca_spawn(write_to(sv[1]));
  int rd = 1, wr = 1;
  int k =
      await(ca_select(rd = ca_fd_readable(sv[0]), wr = ca_fd_writable(sv[0])));
  printf("full socket: select %d, readable %d, writable %d\n", k, rd, wr);
  // CHECK-NEXT: full socket: select 0, readable 0, writable 1
  if (read(sv[0], &c, 1) != 1)
    return 1;

  /* The owner closes fd while a frame waits (a duplicate keeps the file
   * open): the frame's registration is its own, removed when it is
   * dropped; the later event must not reach freed memory. */
  int keep = dup(sv[0]), other_pipe[2];
  ca_io other; /* keeps the reactor (and its epoll instance) alive */
  if (pipe(other_pipe) || ca_io_open(&other, other_pipe[0]))
    return 1;
  ca_task *waiter = ca_spawn(wait_readable_briefly(sv[0]));
  await(ca_yield());
  close(sv[0]);
  int waiter_timed_out = -1;
  await(ca_task_join(waiter, &waiter_timed_out));
  if (write(sv[1], "z", 1) != 1)
    return 1;
  await(ca_sleep_ms(5));
  printf("closed by its owner while waited on: %d\n", waiter_timed_out);
  // CHECK-NEXT: closed by its owner while waited on: 1
  close(keep);
  close(sv[1]);
  ca_io_close(&other);
  close(other_pipe[1]);

  printf("bad descriptors: %d %d\n", await(ca_fd_readable(-1)),
         await(ca_fd_writable(pipefd[0])));
  // CHECK-NEXT: bad descriptors: -9 -9
  close(pipefd[1]);
  printf("descriptors left %d\n", open_fds() - before);
  // CHECK-NEXT: descriptors left 0
  return 0;
}

int main(void) { return ca_block_on(run()); }
