// An array of async function pointers declared directly with a budget
// (not through a typedef): its initializer and its elements' calls use
// the array's declaration. Differential. (Found by review.)
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>
async int add1(int x) { await(ca_yield()); return x + 1; }
async int dbl(int x) { return 2 * x; }
async int run(void) {
  async_budget(64) int (*ops[2])(int) = {add1, dbl};
  int v = 1;
  for (int i = 0; i < 2; i++)
    v = await(ops[i](v));
  return v;
}
int main(void) { printf("%d\n", ca_block_on(run())); return 0; }
// CHECK: 4
// CHECK-NEXT: exit=0
