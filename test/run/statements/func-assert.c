// __func__, __FUNCTION__ and assert inside async functions (and in a
// statement expression) name the user's function, not the poll function;
// asserts on kept locals hold after resuming.
// RUN: %differential %s %t | FileCheck %s
#include <assert.h>
#include <cawait.h>
#include <stdio.h>
#include <string.h>

async int leaf(int x) {
  assert(x >= 0);
  printf("in %s\n", __func__);
  await(ca_yield());
  assert(x >= 0 && "still non-negative");
  return x + (int)strlen(__func__);
}

async int outer_fn(int n) {
  const char *me = __func__;
  int v = await(leaf(n));
  assert(v == n + 4);
  int len = ({ int l = (int)strlen(__FUNCTION__); l; });
  printf("%s %s v=%d len=%d\n", me, __func__, v, len);
  assert(strcmp(me, "outer_fn") == 0);
  return v + len;
}

int main(void) {
  printf("r=%d main=%s\n", ca_block_on(outer_fn(3)), __func__);
  return 0;
}
// CHECK: in leaf
// CHECK-NEXT: outer_fn outer_fn v=7 len=8
// CHECK-NEXT: r=15 main=main
// CHECK-NEXT: exit=0
