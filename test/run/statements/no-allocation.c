// Awaiting embeds the callee's frame in the caller's: polling a deep chain
// with timers and yields never calls malloc (this program's malloc aborts
// while the chain runs).
// RUN: %cawait-cc -O2 %s -o %t && %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

#include "../Inputs/forbid-malloc.h"

async int leaf(int x) {
  await(ca_yield());
  await(ca_sleep_ms(1));
  return x + 1;
}
async int middle(int x) {
  int a = await(leaf(x));
  int b = await(leaf(a));
  return a * b;
}
async long top(int n) {
  long acc = 0;
  for (int i = 0; i < n; i++)
    acc += await(middle(i));
  return acc;
}

int main(void) {
  printf("start\n");
  fflush(stdout);
  forbidden = 1;
  long r = ca_block_on(top(20));
  forbidden = 0;
  printf("result=%ld\n", r);
  return 0;
}
// CHECK: start
// CHECK-NEXT: result=3080
