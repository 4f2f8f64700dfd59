// String literals keep escaped question marks: "what?\?!" must not become a
// trigraph in the lowered code.
// RUN: %differential %s %t -std=c11 -Wno-trigraphs | FileCheck %s
// RUN: %differential %s %t.gnu | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int step(int x) {
  await(ca_yield());
  return x + 1;
}

async int f(int n) {
  int v = await(step(n));
  printf("v=%d s=%s\n", v, "what?\?!");
  return v;
}

int main(void) {
  printf("r=%d\n", ca_block_on(f(5)));
  return 0;
}
// CHECK: v=6 s=what??!
// CHECK-NEXT: r=6
// CHECK-NEXT: exit=0
