// A for whose condition or increment awaits, and a do-while whose condition
// awaits, with no `continue` in the body: the rewrite must not leave an
// unused `ca__nextN:` label behind (-Wunused-label, an error under -Wall
// -Werror). Plain counting loops like these are the most common shape.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}
async int next(int *it) {
  await(ca_yield());
  return --*it;
}

async int run(void) {
  int s = 0;
  for (int i = 0; i < await(val(3)); i++)
    s += i;
  printf("for s=%d\n", s);
  for (int i = 0; i < 3; i += await(val(1)))
    s += 10 * i;
  printf("for-inc s=%d\n", s);
  int it = 3;
  do
    s += 100 * it;
  while (await(next(&it)) > 0);
  printf("do s=%d\n", s);
  return s;
}

int main(void) {
  printf("%d\n", ca_block_on(run()));
  return 0;
}
// CHECK: for s=3
// CHECK-NEXT: for-inc s=33
// CHECK-NEXT: do s=633
// CHECK-NEXT: 633
// CHECK-NEXT: exit=0
