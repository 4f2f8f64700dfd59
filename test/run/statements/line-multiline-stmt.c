// __LINE__ on a later line of a multi-line statement in an async function
// keeps its value (literals are printed by value, not as written).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int step(int x) {
  await(ca_yield());
  return x + 1;
}

async int f(int n) {
  int v = await(step(n));
  printf("v=%d line=%d\n",
         v, __LINE__);
  return v;
}

int main(void) {
  printf("r=%d\n", ca_block_on(f(5)));
  return 0;
}
// CHECK: v=6 line=[[#@LINE-8]]
// CHECK-NEXT: r=6
// CHECK-NEXT: exit=0
