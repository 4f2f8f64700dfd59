// The runtime's stream functions (runtime/async/stream.c, compiled with the
// plugin and without it) on a socket pair, awaited one after another, so the
// program prints the same either way: read_exact across short writes and at
// an early end of file, write_all, lines of every shape (empty, longer than
// the caller's line buffer or the reader's buffer: -EMSGSIZE, with their
// first bytes, and the rest of the line skipped rather than returned as
// lines of their own; the last one without '\n'), reader_read after the
// lines, shutdown, ca_io_close and a refused ca_tcp_connect.
// RUN: %differential %s %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %cawait-cc %s -o %t.v && %valgrind %t.v | FileCheck %s
#include "../Inputs/socket-pair.h"
#include <cawait.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

static void show(const char *what, long n, const char *text) {
  printf("%s %ld [", what, n);
  for (const char *c = text; *c; c++)
    printf(*c == '\n' ? "\\n" : "%c", *c);
  printf("]\n");
}

async int exact(ca_io *a, ca_io *b) {
  char buf[16] = {0};
  await(ca_write_all(a, "abc", 3));
  await(ca_write_all(a, "defgh", 5));
  long n = await(ca_read_exact(b, buf, 8));
  show("read_exact", n, buf);
  // CHECK: read_exact 8 [abcdefgh]
  await(ca_write_all(a, "xy", 2));
  ca_shutdown(a, SHUT_WR);
  memset(buf, 0, sizeof buf);
  n = await(ca_read_exact(b, buf, 8));
  show("read_exact at eof", n, buf);
  // CHECK-NEXT: read_exact at eof 2 [xy]
  n = await(ca_read_exact(b, buf, 8));
  printf("read_exact after eof %ld\n", n);
  // CHECK-NEXT: read_exact after eof 0
  return 0;
}

async int lines(ca_io *a, ca_io *b) {
  static const char text[] = "first\n\nsecond line here\n"
                             "0123456789012345678901234567890123456789\n"
                             "HEAD\nBODY";
  long n = await(ca_write_all(a, text, sizeof text - 1));
  printf("write_all %ld\n", n);
  // CHECK-NEXT: write_all 74
  ca_shutdown(a, SHUT_WR);
  char storage[32], line[12], body[8] = {0};
  ca_reader r;
  ca_reader_init(&r, b, storage, sizeof storage);
  do {
    n = await(ca_read_line(&r, line, sizeof line));
    show("line", n, line);
  } while (strcmp(line, "HEAD\n"));
  // CHECK-NEXT: line 6 [first\n]
  // CHECK-NEXT: line 1 [\n]
  // CHECK-NEXT: line -90 [second line]
  // CHECK-NEXT: line -90 [01234567890]
  // CHECK-NEXT: line 5 [HEAD\n]
  n = await(ca_reader_read(&r, body, sizeof body - 1));
  show("body", n, body);
  // CHECK-NEXT: body 4 [BODY]
  n = await(ca_read_line(&r, line, sizeof line));
  show("line at eof", n, line);
  // CHECK-NEXT: line at eof 0 []
  /* No room for a byte: an error, never 0 (which means end of file). */
  printf("line buffer of 1: %ld\n", await(ca_read_line(&r, line, 1)));
  // CHECK-NEXT: line buffer of 1: -22
  return 0;
}

/* A reader whose buffer is smaller than the caller's line buffer: a line
 * longer than the reader's buffer is -EMSGSIZE with the bytes that fit,
 * and its rest is skipped; the last one has no '\n'. */
async int small_reader(ca_io *a, ca_io *b) {
  await(ca_write_all(a, "abcdefghijkl\nmn", 15));
  ca_shutdown(a, SHUT_WR);
  char storage[8], line[32];
  ca_reader r;
  ca_reader_init(&r, b, storage, sizeof storage);
  long n;
  do {
    n = await(ca_read_line(&r, line, sizeof line));
    show("small", n, line);
  } while (n > 0 || n == -EMSGSIZE);
  // CHECK-NEXT: small -90 [abcdefgh]
  // CHECK-NEXT: small 2 [mn]
  // CHECK-NEXT: small 0 []
  return 0;
}

async int run(void) {
  ca_io a, b;
  if (socket_pair(&a, &b))
    return 1;
  await(exact(&a, &b));
  ca_io_close(&a);
  ca_io_close(&b);
  if (socket_pair(&a, &b))
    return 1;
  await(lines(&a, &b));
  ca_io_close(&b);
  ca_io_close(&a);
  if (socket_pair(&a, &b))
    return 1;
  await(small_reader(&a, &b));
  ca_io_close(&b);
  ca_io_close(&a);
  int refused = await(ca_tcp_connect(&a, "127.0.0.1", 1));
  printf("connect to a closed port: %s\n",
         refused == -ECONNREFUSED ? "-ECONNREFUSED" : "?");
  // CHECK-NEXT: connect to a closed port: -ECONNREFUSED
  ca_io_close(&a);
  printf("shutdown of a closed io: %d\n", ca_shutdown(&a, SHUT_WR));
  // CHECK-NEXT: shutdown of a closed io: -9
  ca_io_close(&b);
  return 0;
}

int main(void) { return ca_block_on(run()); }
