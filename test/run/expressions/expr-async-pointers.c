// Awaits through async function pointers inside expressions (operands,
// conditions, arguments of other such calls, a loop condition), boxed and
// in place: the normalize pass moves them like direct awaits.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>
typedef async_budget(64) int op_fn(int x);
async int inc(int x) { await(ca_yield()); return x + 1; }
async int dbl(int x) { return 2 * x; }
async int run(op_fn *f, op_fn *g) {
  int a = 1 + await(f(2)) * await(ca_boxed(g(3)));
  if (await(f(a)) > 5 && await(g(a)) < 100)
    a += await(f(await(g(1))));
  for (int i = 0; await(f(i)) < 4; i++)
    a += i;
  a += await(ca_boxed(g(await(f(await(ca_boxed(f(1))))))));
  return a;
}
int main(void) { printf("%d\n", ca_block_on(run(inc, dbl))); return 0; }
// CHECK: 31
// CHECK-NEXT: exit=0
