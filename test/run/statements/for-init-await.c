// An await initialising a variable in a for-init clause, evaluated once
// before the loop.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int step(int x) {
  await(ca_yield());
  return x + 1;
}

async int f(int n) {
  int s = 0;
  for (int i = await(step(n)); i < 10; i++)
    s += i;
  return s;
}

int main(void) {
  printf("r=%d\n", ca_block_on(f(5)));
  return 0;
}
// CHECK: r=30
// CHECK-NEXT: exit=0
