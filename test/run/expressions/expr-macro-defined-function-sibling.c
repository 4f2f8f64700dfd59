// A macro defining a helper function and an async function whose body has
// an await inside an expression: rewriting the async function must not
// drop the helper defined by the same macro use (the whole use was
// replaced by the printed async function: the helper was undeclared).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

#define DEFINE(name, v)                                                        \
  static int name##_helper(int x) { return x * 2; }                            \
  async int name(void) { return 1 + await(val(name##_helper(v))); }
DEFINE(get5, 5)

int main(void) {
  printf("%d %d\n", ca_block_on(get5()), get5_helper(1));
  return 0;
}
// CHECK: 11 2
// CHECK-NEXT: exit=0
