// Readiness of descriptors no ca_io holds (ca_fd_readable/ca_fd_writable):
// a pipe written by another task after a sleep, an eventfd, a pipe's write
// end, a regular file (epoll refuses it: -EPERM), a descriptor a ca_io
// already holds (-EEXIST), and a wait dropped by a timeout. The descriptors
// are left open and their flags unchanged, and nothing stays registered
// (no epoll descriptor left).
// RUN: %cawait-cc -Wall -Werror %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include "Inputs/open-fds.h"
#include <cawait.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/eventfd.h>
#include <unistd.h>

static int pipefd[2];

async void write_later(void) {
  await(ca_sleep_ms(5));
  if (write(pipefd[1], "x", 1) != 1)
    printf("write failed\n");
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

  ca_io held;
  int dup_fd = dup(pipefd[0]);
  if (ca_io_open(&held, pipefd[0]))
    return 1;
  printf("held by a ca_io: %s\n",
         await(ca_fd_readable(pipefd[0])) == -EEXIST ? "-EEXIST" : "?");
  // CHECK-NEXT: held by a ca_io: -EEXIST
  ca_io_close(&held);
  close(dup_fd);
  close(pipefd[1]);
  printf("descriptors left %d\n", open_fds() - before);
  // CHECK-NEXT: descriptors left 0
  return 0;
}

int main(void) { return ca_block_on(run()); }
