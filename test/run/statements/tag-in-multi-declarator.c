// A struct defined in a declaration with several declarators
// (`struct pt { ... } a, b;`) is defined once, a and b share its type.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int step(int x) {
  await(ca_yield());
  return x + 1;
}

async int f(int n) {
  int v = await(step(n));
  struct pt { int x, y; } a = {v, 2}, b = {3, 4};
  a = b;
  return a.x + b.y + v;
}

int main(void) {
  printf("r=%d\n", ca_block_on(f(5)));
  return 0;
}
// CHECK: r=13
// CHECK-NEXT: exit=0
