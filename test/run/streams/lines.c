// <cawait/streams.h> over a ca_reader: CA_LINES_STREAM yields each line's
// length (with its '\n'; a last line without '\n' comes without it) with
// the line in the caller's buffer, -EMSGSIZE for a line too long for it
// (its rest skipped), and ends at end of file with *err = 0. Leaving the
// loop early, or dropping a stream that waits for its next line (a select
// it loses), keeps the reader's place: ca_read_line, or a new stream over
// the same reader, goes on with the next line.
// RUN: %cawait-cc -std=gnu11 -O1 -Wall -Wextra -Werror -I%S/../Inputs %s -o %t
// RUN: %t | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -I%S/../Inputs %s -o %t.asan
// RUN: %t.asan | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
// RUN: %cawait-gcc -std=gnu11 -O2 -Wall -Wextra -Werror -I%S/../Inputs %s -o %t.gcc
// RUN: %t.gcc | FileCheck %s
#include "socket-pair.h"
#include <cawait/streams.h>
#include <stdio.h>
#include <string.h>

CA_LINES_STREAM(lines)

static void release(const char **p) { printf(" [release %s]", *p); }

static void show(long n, const char *line) {
  if (n == -EMSGSIZE)
    printf(" <too long: %s>", line);
  else
    printf(" %ld:%.*s", n, (int)strcspn(line, "\n"), line);
}

async int all_lines(void) {
  ca_io a, b;
  if (socket_pair(&a, &b))
    return 1;
  const char *text = "one\ntwo\nthis line is far too long\n\nthree\nfour";
  await(ca_write_all(&b, text, strlen(text)));
  ca_shutdown(&b, SHUT_WR);
  char storage[32], line[16];
  ca_reader r;
  ca_reader_init(&r, &a, storage, sizeof storage);
  long err = 1;
  ca_for_await (long n, lines(&r, line, sizeof line, &err))
    show(n, line);
  printf(" | end %ld", err);
  ca_io_close(&a);
  ca_io_close(&b);
  return 0;
}

/* The first two lines of r, through a stream with a cleanup. */
async gen long two_lines(ca_reader *r, char *line, size_t cap) {
  __attribute__((cleanup(release))) const char *guard = "two_lines";
  int k = 0;
  ca_for_await (long n, lines(r, line, cap, NULL)) {
    yield(n);
    if (++k == 2)
      break;
  }
}

async int early_exit(void) {
  ca_io a, b;
  if (socket_pair(&a, &b))
    return 1;
  const char *text = "l1\nl2\nl3\nl4\n";
  await(ca_write_all(&b, text, strlen(text)));
  char storage[64], line[16];
  ca_reader r;
  ca_reader_init(&r, &a, storage, sizeof storage);
  ca_for_await (long n, two_lines(&r, line, sizeof line))
    show(n, line);
  long n = await(ca_read_line(&r, line, sizeof line));
  printf(" | read_line");
  show(n, line);
  printf(" | stream");
  ca_for_await (long m, lines(&r, line, sizeof line, NULL)) {
    show(m, line);
    break;
  }
  ca_io_close(&a);
  ca_io_close(&b);
  return 0;
}

/* The next line of r: its length, or 0 at end of file. */
async long next_line(ca_reader *r, char *line, size_t cap) {
  ca_for_await (long n, lines(r, line, cap, NULL))
    return n;
  return 0;
}

async int dropped_while_waiting(void) {
  ca_io a, b;
  if (socket_pair(&a, &b))
    return 1;
  char storage[64], line[16];
  ca_reader r;
  ca_reader_init(&r, &a, storage, sizeof storage);
  await(ca_write_all(&b, "par", 3)); /* part of a line: stays in r */
  long n = -1;
  int w = await(ca_select(n = next_line(&r, line, sizeof line),
                          ca_sleep_ms(2)));
  printf(" timer won: %d;", w);
  await(ca_write_all(&b, "tial\nnext\n", 10));
  w = await(ca_select(n = next_line(&r, line, sizeof line),
                      ca_sleep_ms(1000)));
  printf(" then (%d)", w);
  show(n, line);
  n = await(next_line(&r, line, sizeof line));
  show(n, line);
  ca_io_close(&b);
  n = await(next_line(&r, line, sizeof line));
  printf(" eof %ld", n);
  ca_io_close(&a);
  return 0;
}

int main(void) {
  printf("all:");
  ca_block_on(all_lines());
  printf("\n");
  // CHECK: all: 4:one 4:two <too long: this line is fa> 1: 6:three 4:four | end 0
  printf("early:");
  ca_block_on(early_exit());
  printf("\n");
  // CHECK-NEXT: early: 3:l1 3:l2 [release two_lines] | read_line 3:l3 | stream 3:l4
  printf("dropped:");
  ca_block_on(dropped_while_waiting());
  printf("\n");
  // CHECK-NEXT: dropped: timer won: 1; then (0) 8:partial 5:next eof 0
  return 0;
}
