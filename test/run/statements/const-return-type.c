// An async function with a const-qualified return type (its poll function
// writes the result through an unqualified pointer).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async const int step(int x) {
  await(ca_yield());
  return x + 1;
}

async int f(int n) {
  int v = await(step(n));
  return v * 2;
}

int main(void) {
  printf("r=%d\n", ca_block_on(f(5)));
  return 0;
}
// CHECK: r=12
// CHECK-NEXT: exit=0
