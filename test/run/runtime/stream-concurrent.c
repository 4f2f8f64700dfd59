// The stream functions awaited side by side: write_all of 4 MiB into a
// socket pair while read_exact takes it out (neither fits the socket
// buffers alone), every byte checked; read_line dropped by a timeout
// while half a line has arrived keeps those bytes for the next call
// (cancellation-safe); the frames of the runtime's functions embedded in
// the caller's frame at their declared budgets.
// RUN: %cawait-cc -Wall -Werror -fplugin-arg-cawait-frame-report -Rremark-backend-plugin %s -o %t 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include "../Inputs/socket-pair.h"
#include <cawait.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>

#define SIZE (4u << 20)

static unsigned char pattern(size_t i) { return (unsigned char)(i * 7 + (i >> 12)); }

async int transfer(ca_io *a, ca_io *b) {
  unsigned char *out = malloc(SIZE), *in = calloc(SIZE, 1);
  for (size_t i = 0; i < SIZE; i++)
    out[i] = pattern(i);
  long wrote = 0, got = 0;
  await(ca_join(wrote = ca_write_all(a, out, SIZE),
                got = ca_read_exact(b, in, SIZE)));
  size_t bad = 0;
  for (size_t i = 0; i < SIZE; i++)
    bad += in[i] != pattern(i);
  free(out);
  free(in);
  printf("wrote %ld, read %ld, %zu bytes differ\n", wrote, got, bad);
  return 0;
}
// REPORT: frame of 'transfer'
// REPORT: branch 0: frame of 'ca_write_all' at {{[0-9]+}} (64 bytes), branch 1: frame of 'ca_read_exact' at {{[0-9]+}} (64 bytes)
// CHECK: wrote 4194304, read 4194304, 0 bytes differ

async int half_line(ca_io *a, ca_io *b) {
  char storage[64], line[64];
  ca_reader r;
  ca_reader_init(&r, b, storage, sizeof storage);
  await(ca_write_all(a, "par", 3));
  long n = -1;
  int timed_out = await(ca_timeout_ms(20, n = ca_read_line(&r, line, sizeof line)));
  printf("timed out %d, n %ld, buffered %zu\n", timed_out, n,
         r.ca__private.end - r.ca__private.start);
  await(ca_write_all(a, "tial\nnext", 9));
  n = await(ca_read_line(&r, line, sizeof line));
  printf("line %ld: %s", n, line);
  return 0;
}
// CHECK-NEXT: timed out 1, n -1, buffered 3
// CHECK-NEXT: line 8: partial

async int run(void) {
  ca_io a, b;
  if (socket_pair(&a, &b))
    return 1;
  await(transfer(&a, &b));
  await(half_line(&a, &b));
  ca_io_close(&a);
  ca_io_close(&b);
  return 0;
}

int main(void) { return ca_block_on(run()); }
