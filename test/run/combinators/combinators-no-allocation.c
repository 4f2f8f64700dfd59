// ca_join, ca_select and ca_timeout_ms keep every branch frame in the
// caller's frame: racing, joining, timing out and dropping losers (in a
// loop, nested) never calls malloc (this program's malloc aborts while
// they run).
// RUN: %cawait-cc -O2 %s -o %t && %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

#include "../Inputs/forbid-malloc.h"

async int leaf(int x, int ms) {
  await(ca_yield());
  await(ca_sleep_ms(ms));
  return x + 1;
}
async void pair(int *a, int *b) {
  await(ca_join(*a = leaf(1, 1), *b = leaf(2, 2)));
}
async long top(int n) {
  long acc = 0;
  for (int i = 0; i < n; i++) {
    int a = 0, b = 0, c = 0;
    await(ca_join(a = leaf(i, 1), b = leaf(i, 2), pair(&c, &c)));
    int k = await(ca_select(a = leaf(a, 50), b = leaf(b, 1)));
    int t = await(ca_timeout_ms(1, c = leaf(c, 100)));
    int u = await(ca_timeout_ms(100, pair(&a, &b)));
    acc += a + b + c + k * 10 + t * 100 + u * 1000;
  }
  return acc;
}

int main(void) {
  printf("start\n");
  fflush(stdout);
  forbidden = 1;
  long r = ca_block_on(top(10));
  forbidden = 0;
  printf("result=%ld\n", r);
  return 0;
}
// k = 1 (b wins), t = 1 (the 100 ms leaf times out), u = 0, a = 2, b = 3,
// c = 3 after the pair: 10 * (2 + 3 + 3 + 10 + 100) = 1180.
// CHECK: start
// CHECK-NEXT: result=1180
