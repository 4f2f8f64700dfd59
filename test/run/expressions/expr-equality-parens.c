// An equality comparison as the condition that a rewrite moves into a
// generated `if`: the left of && / || whose right side awaits, and the
// condition of ?: whose arms await (often written in parentheses,
// `(n == 1) ? await(f()) : 0`). The generated `if ((n == 1))` is flagged
// by -Wparentheses-equality (an error under -Werror); the plain program
// has no warning.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

async int run(int n) {
  if (n == 1 && await(val(n)) == 1)
    printf("and\n");
  int v = n != 1 || await(val(2)) == 2;
  int c = (n == 1) ? await(val(3)) : 0;
  int e = (n == 1) ?: await(val(4));
  while ((n == 1) && await(val(0)))
    n++;
  printf("v=%d c=%d e=%d\n", v, c, e);
  return v;
}

int main(void) {
  printf("%d\n", ca_block_on(run(1)));
  return 0;
}
// CHECK: and
// CHECK-NEXT: v=1 c=3 e=1
// CHECK-NEXT: 1
// CHECK-NEXT: exit=0
