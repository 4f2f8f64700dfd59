// Classes that need a language option: MatrixSubscriptExpr
// (-fenable-matrix) and FixedPointLiteral (-ffixed-point), in plain
// statements, next to awaits and in locals kept across awaits.
// RUN: %differential %s %t -fenable-matrix -ffixed-point | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}
typedef float m2 __attribute__((matrix_type(2, 2)));

async int run(int n) {
  m2 m;
  m[0][0] = 0;
  m[0][1] = 0;
  m[1][1] = 0;
  m[1][0] = 2.0f * n;
  float e = m[1][0];
  int b = await(val(1));
  m[0][1] = m[1][0] + b + await(val(2));
  _Accum k = 0.5k;
  k += await(val(2));
  short _Fract fr = 0.25hr;
  printf("%g %g %g %d\n", e, m[0][1], (double)k, (int)(fr < 0.3hr));
  return (int)(e + m[0][1]) + (int)k;
}

int main(void) {
  printf("%d\n", ca_block_on(run(3)));
  return 0;
}
// CHECK: 6 9 2.5 1
// CHECK-NEXT: 17
// CHECK-NEXT: exit=0
