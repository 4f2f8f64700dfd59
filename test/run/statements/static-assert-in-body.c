// _Static_assert inside an async function stays _Static_assert (not the
// C++ spelling static_assert).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int step(int x) {
  await(ca_yield());
  return x + 1;
}

async int f(int n) {
  _Static_assert(sizeof(int) == 4, "int is 4 bytes");
  int v = await(step(n));
  return v;
}

int main(void) {
  printf("r=%d\n", ca_block_on(f(5)));
  return 0;
}
// CHECK: r=6
// CHECK-NEXT: exit=0
