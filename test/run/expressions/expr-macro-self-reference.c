// A function-like macro named like the function it calls (the common
// `#define f(x) f((x), __LINE__)` idiom) around an await: the rewrite
// prints the expression after expansion, and parsing that text again
// expands the macro a second time (too many arguments).
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

int main(void) {
  printf("%d\n", ca_block_on(run()));
  return 0;
}
// CHECK: x=3
// CHECK-NEXT: 3
// CHECK-NEXT: exit=0
