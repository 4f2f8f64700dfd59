// What happens to frames waiting on a socket when its own side changes:
// ca_io_close from another task wakes a waiting reader (it gets -EBADF
// instead of waiting for ever); ca_shutdown(SHUT_WR) wakes a writer
// waiting on a full AF_UNIX socket (which epoll never reports: -EPIPE);
// and a peer's half-close (RDHUP) makes the socket readable (end of file)
// but not writable, so a writer waiting on a full buffer keeps waiting
// instead of completing at once for ever. Found by a review.
// RUN: %cawait-cc -Wall -Werror %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include "../Inputs/open-fds.h"
#include "../Inputs/socket-pair.h"
#include <cawait.h>
#include <stdio.h>
#include <unistd.h>

static char fill[1 << 16];

/* Writes into a until its buffer is full (a's ready bits then say so). */
static void fill_up(ca_io *a) {
  while (write(a->fd, fill, sizeof fill) > 0) {
  }
  a->ca__private.ready &= ~CA__IO_WRITABLE;
}

async long read_one(ca_io *io) {
  char c;
  return await(ca_read(io, &c, 1));
}

async long write_more(ca_io *io) { return await(ca_write(io, fill, sizeof fill)); }

async int run(void) {
  int before = open_fds();
  ca_io a, b;
  if (socket_pair(&a, &b))
    return 1;
  ca_task *reader = ca_spawn(read_one(&a));
  await(ca_sleep_ms(2));
  ca_io_close(&a);
  long n = 0;
  int timed_out = await(ca_timeout_ms(1000, ca_task_join(reader, &n)));
  printf("reader after close: timed out %d, result %ld\n", timed_out, n);
  // CHECK: reader after close: timed out 0, result -9
  ca_io_close(&b);

  if (socket_pair(&a, &b))
    return 1;
  fill_up(&a);
  ca_task *writer = ca_spawn(write_more(&a));
  await(ca_sleep_ms(2));
  ca_shutdown(&a, SHUT_WR);
  timed_out = await(ca_timeout_ms(1000, ca_task_join(writer, &n)));
  printf("writer after shutdown: timed out %d, result %ld\n", timed_out, n);
  // CHECK-NEXT: writer after shutdown: timed out 0, result -32
  ca_io_close(&a);
  ca_io_close(&b);

  if (socket_pair(&a, &b))
    return 1;
  fill_up(&a);
  ca_shutdown(&b, SHUT_WR); /* the peer half-closes */
  int completions = 0;
  for (int i = 0; i < 100; i++)
    if (!await(ca_timeout_ms(1, ca_io_writable(&a))))
      completions++;
  printf("writable after the peer's half-close: %d of 100\n", completions);
  // CHECK-NEXT: writable after the peer's half-close: 0 of 100
  n = await(read_one(&a));
  printf("a reads end of file: %ld\n", n);
  // CHECK-NEXT: a reads end of file: 0
  ca_io_close(&a);
  ca_io_close(&b);
  printf("descriptors left %d\n", open_fds() - before);
  // CHECK-NEXT: descriptors left 0
  return 0;
}

int main(void) { return ca_block_on(run()); }
