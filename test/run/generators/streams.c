// Async generators (streams): `async gen T s(...)` awaits between its
// items, and ca_for_await in an async function suspends while the stream
// waits. Items in order, converted to the loop variable's type; break,
// continue, goto and return out of the loop (the stream is dropped: its
// cleanups run, innermost first, before the loop goes on); a stream over a
// stream and over a plain generator; ca_for_await over a plain generator
// (a ca_for); a consumer dropped while it waits inside the loop drops the
// stream (its cleanups, then those of the loop's body, the consumer's own).
// RUN: %cawait-cc -std=gnu11 -O1 -Wall -Werror %s -o %t
// RUN: %t | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.asan
// RUN: %t.asan | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
// RUN: %cawait-gcc -std=gnu11 -O2 -Wall -Werror %s -o %t.gcc
// RUN: %t.gcc | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static void release(int *p) { printf(" [release %d]", *p); }

async gen int ticks(int n, int ms) {
  __attribute__((cleanup(release))) int guard = 100 + n;
  for (int i = 0; i < n; i++) {
    if (ms)
      await(ca_sleep_ms(ms));
    else
      await(ca_yield());
    yield(i);
  }
}

gen int count(int n) {
  __attribute__((cleanup(release))) int guard = 300 + n;
  for (int i = 0; i < n; i++)
    yield(i);
}

/* A stream over a stream: the frame of ticks is a slot of this one, held
 * across its yields and awaits. */
async gen long even_squares(int n) {
  __attribute__((cleanup(release))) int guard = 200 + n;
  ca_for_await (int v, ticks(n, 1))
    if (v % 2 == 0) {
      await(ca_yield());
      yield((long)v * v);
    }
}

/* A stream over a plain generator. */
async gen int slow_tens(int n) {
  ca_for (int v, count(n)) {
    await(ca_sleep_ms(1));
    yield(v * 10);
  }
}

async int sum(int n) {
  int s = 0;
  ca_for_await (int v, ticks(n, 1)) {
    printf(" %d", v);
    s += v;
  }
  return s;
}

async int early(int n) {
  ca_for_await (int v, ticks(n, 0)) {
    __attribute__((cleanup(release))) int item = 500 + v;
    if (v == 1)
      break;
    printf(" %d", v);
  }
  printf(" |");
  ca_for_await (int v, ticks(3, 0)) {
    if (v == 1)
      continue;
    printf(" %d", v);
  }
  printf(" |");
  ca_for_await (const int v, ticks(n, 0)) {
    if (v == 2)
      goto out;
    printf(" %d", v);
  }
out:
  printf(" |");
  ca_for_await (double d, ticks(n, 1)) {
    if (d > 1.5)
      return (int)(d * 10);
    printf(" %g", d);
  }
  return -1;
}

async int nested(int n) {
  long s = 0;
  ca_for_await (long v, even_squares(n)) {
    printf(" %ld", v);
    s += v;
  }
  ca_for_await (int v, slow_tens(3)) {
    printf(" %d", v);
    s += v;
  }
  ca_for_await (int v, count(2)) // a plain generator: a ca_for
    s += v;
  return (int)s;
}

async int waits_in_loop(int n) {
  __attribute__((cleanup(release))) int outer = 1000;
  int s = 0;
  ca_for_await (int v, ticks(n, 0)) {
    __attribute__((cleanup(release))) int inner = 400 + v;
    await(ca_yield());
    s += v;
  }
  return s;
}

/* The frame ABI by hand, to drop a consumer waiting inside the loop. */
struct waits_in_loop__frame;
void waits_in_loop__init(struct waits_in_loop__frame *f, int n);
ca_poll waits_in_loop__poll(struct waits_in_loop__frame *f, ca_context *cx,
                            int *out);
void waits_in_loop__drop(struct waits_in_loop__frame *f);

int main(void) {
  printf("sum:");
  int r = ca_block_on(sum(4));
  printf(" = %d\n", r);
  // CHECK: sum: 0 1 2 3 [release 104] = 6
  printf("early:");
  r = ca_block_on(early(4));
  printf(" = %d\n", r);
  // CHECK-NEXT: early: 0 [release 500] [release 501] [release 104] | 0 2 [release 103] | 0 1 [release 104] | 0 1 [release 104] = 20
  printf("nested:");
  r = ca_block_on(nested(5));
  printf(" = %d\n", r);
  // CHECK-NEXT: nested: 0 4 16 [release 105] [release 205] 0 10 20 [release 303] [release 302] = 51
  printf("waits:");
  r = ca_block_on(waits_in_loop(3));
  printf(" = %d\n", r);
  // CHECK-NEXT: waits: [release 400] [release 401] [release 402] [release 103] [release 1000] = 3

  _Alignas(16) unsigned char frame[512];
  struct waits_in_loop__frame *f = (struct waits_in_loop__frame *)frame;
  ca_context cx = {ca_noop_waker};
  int out = 0;
  printf("dropped in the stream:");
  waits_in_loop__init(f, 5);
  for (int i = 0; i < 3; i++) // waits for item 0, in the body, for item 1
    if (waits_in_loop__poll(f, &cx, &out) != CA_PENDING)
      printf(" ready?");
  waits_in_loop__drop(f);
  printf("\n");
  // CHECK-NEXT: dropped in the stream: [release 400] [release 105] [release 1000]
  printf("dropped in the body:");
  waits_in_loop__init(f, 5);
  for (int i = 0; i < 4; i++)
    if (waits_in_loop__poll(f, &cx, &out) != CA_PENDING)
      printf(" ready?");
  waits_in_loop__drop(f);
  printf("\n");
  // CHECK-NEXT: dropped in the body: [release 400] [release 401] [release 105] [release 1000]
  return 0;
}
