// Fuzz seed 10854 (reduced): the left operand of a comma awaits, so it is
// moved before the statement; the rest stays a comma expression, or `!` of
// a constant ?: becomes -Wtautological-constant-compare, which the
// original does not warn about (built with -Wall -Werror here).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async unsigned leafq(unsigned x) {
  await(ca_yield());
  return x * 3u;
}

async int f(unsigned v) {
  int n = 0;
  if (!(((void)(await(leafq(v))), ((710u & 1u) ? 221u : 827u))))
    n = 1;
  unsigned w = (await(leafq(v)), (v & 1u) ? 5u : 6u);
  return n + (int)w;
}

int main(void) {
  printf("%d %d\n", ca_block_on(f(3)), ca_block_on(f(4)));
  return 0;
}
// CHECK: 5 6
// CHECK-NEXT: exit=0
