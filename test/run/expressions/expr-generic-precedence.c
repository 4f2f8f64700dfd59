// An await inside the selected association of _Generic (and of
// __builtin_choose_expr), where that association is a binary expression
// and the selection is an operand of a tighter operator: the residual must
// keep its grouping. `_Generic(n, int: 1 + await(f(2)), ...) * 10` is 30;
// it was rewritten to `1 + ca__e1 * 10` (21), silently.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int calls;

async int val(int x) {
  await(ca_yield());
  calls++;
  return x;
}

async int run(int n) {
  int g = _Generic(n, int: 1 + await(val(2)), default: 0) * 10;
  int c = __builtin_choose_expr(1, 1 + await(val(2)), 0) * 10;
  int u = -_Generic(n, long: 5, default: n + await(val(1)));
  printf("g=%d c=%d u=%d calls=%d\n", g, c, u, calls);
  return g;
}

int main(void) {
  printf("%d\n", ca_block_on(run(1)));
  return 0;
}
// CHECK: g=30 c=30 u=-2 calls=3
// CHECK-NEXT: 30
// CHECK-NEXT: exit=0
