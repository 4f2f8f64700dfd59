// A hand-written leaf future (async prototype, frame struct and
// __init/__poll/__drop) that is pending a pseudo-random, seeded number of
// times before it is ready, awaited in loops and from several functions.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static unsigned rng_state = 12345;
static unsigned rng(void) {
  rng_state = rng_state * 1103515245u + 12345u;
  return (rng_state >> 16) & 0x7fff;
}
static unsigned long pendings; /* polls that returned pending */

/* Ready with x * 2 + 1 after 0..4 pending polls. */
async int flaky(int x);
#ifdef CA_LOWERED
struct flaky__frame {
  int x;
  unsigned left;
};
static __attribute__((unused)) void flaky__init(struct flaky__frame *f, int x) {
  f->x = x;
  f->left = rng() % 5;
}
static __attribute__((unused)) ca_poll flaky__poll(struct flaky__frame *f, ca_context *cx, int *out) {
  if (f->left) {
    f->left--;
    pendings++;
    ca_waker_wake(&cx->waker);
    return CA_PENDING;
  }
  *out = f->x * 2 + 1;
  return CA_READY;
}
static __attribute__((unused)) void flaky__drop(struct flaky__frame *f) { (void)f; }
#else
int flaky(int x) {
  unsigned left = rng() % 5;
  pendings += left;
  return x * 2 + 1;
}
#endif

async int sum_flaky(int n) {
  int total = 0;
  for (int i = 0; i < n; i++) {
    int v = await(flaky(i));
    total += v;
  }
  return total;
}

async int outer(int n) {
  int a = await(sum_flaky(n));
  int b = await(flaky(a));
  int c = await(sum_flaky(b % 7));
  return a * 10000 + b * 10 + c;
}

int main(void) {
  int r1 = ca_block_on(outer(5));
  int r2 = ca_block_on(outer(9));
  printf("r1=%d r2=%d pendings=%lu rng=%u\n", r1, r2, pendings, rng());
  return 0;
}
// CHECK: r1=250514 r2=811634 pendings=38 rng=8191
// CHECK-NEXT: exit=0
