// An await statement carrying a statement attribute is lowered (the
// attribute, a hint, is dropped) instead of being printed verbatim.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int step(int x) {
  await(ca_yield());
  printf("step %d\n", x);
  return x + 1;
}

async int f(int n) {
  __attribute__((nomerge)) await(step(n));
  return n;
}

int main(void) {
  printf("r=%d\n", ca_block_on(f(5)));
  return 0;
}
// CHECK: step 5
// CHECK-NEXT: r=5
// CHECK-NEXT: exit=0
