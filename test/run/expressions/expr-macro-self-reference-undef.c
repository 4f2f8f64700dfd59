// A function-like macro named like the function it calls, around an
// await, and #undef'd after the async function: the rewrite prints the
// call already expanded, and must keep it from being expanded again where
// the macro is still defined (whether the name is a macro at the end of
// the file does not tell).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

static int tracked(int v, int line) { return v + (line > 0); }
#define tracked(v) tracked((v), __LINE__)

async int run(void) {
  int x = tracked(await(val(1))) + 1;
  printf("x=%d\n", x);
  return x;
}
#undef tracked

int main(void) {
  printf("%d\n", ca_block_on(run()));
  return 0;
}
// CHECK: x=3
// CHECK-NEXT: 3
// CHECK-NEXT: exit=0
