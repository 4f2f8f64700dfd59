// _Generic whose selected association awaits, with a local used only as
// the controlling expression, and __builtin_choose_expr whose chosen side
// awaits, with a local used only on the other side: the rewrite keeps only
// the chosen expression, so those locals became unused (-Wunused-variable,
// an error under -Wall -Werror); the plain program counts those uses.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

async int run(void) {
  long sel = 0;
  int g = _Generic(sel, long: await(val(2)) + 1, default: 0);
  int other = 5;
  int c = __builtin_choose_expr(1, await(val(4)), other);
  printf("g=%d c=%d\n", g, c);
  return g;
}

int main(void) {
  printf("%d\n", ca_block_on(run()));
  return 0;
}
// CHECK: g=3 c=4
// CHECK-NEXT: 3
// CHECK-NEXT: exit=0
