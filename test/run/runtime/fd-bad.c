// ca_fd_readable/ca_fd_writable on descriptors that are not open give
// -EBADF, with the plugin and without it (poll(2) ignores a negative
// descriptor and reports a closed one as POLLNVAL: the blocking versions
// waited for ever, or said ready; found by a review).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>
#include <unistd.h>

async int run(void) {
  int p[2];
  if (pipe(p))
    return 1;
  close(p[0]);
  printf("negative: %d %d\n", await(ca_fd_readable(-1)),
         await(ca_fd_writable(-1)));
  // CHECK: negative: -9 -9
  printf("closed: %d\n", await(ca_fd_readable(p[0])));
  // CHECK-NEXT: closed: -9
  printf("open pipe end: %d\n", await(ca_fd_writable(p[1])));
  // CHECK-NEXT: open pipe end: 0
  close(p[1]);
  return 0;
}

int main(void) { return ca_block_on(run()); }
