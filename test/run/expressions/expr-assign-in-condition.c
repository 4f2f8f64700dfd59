// An assignment in parentheses as a condition (`if ((x = await(f())))`,
// `while ((c = await(next(&it))))`, and the same on the left of && and as
// the condition of ?:): the parentheses are what keeps -Wparentheses
// quiet, so the rewrite must keep them (-Wparentheses-equality only wants
// them gone around `==`).
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

async int run(int n) {
  int x, it = 3, c;
  if ((x = await(val(n))))
    printf("if x=%d\n", x);
  while ((c = await(next(&it))))
    printf("while c=%d\n", c);
  do {
    if (it > 5)
      continue; /* (no continue: expr-loop-no-continue.c) */
    printf("do it=%d\n", it);
  } while ((c = await(val(0))));
  int v = (x = n) && await(val(2));
  int w = (x = n) ? await(val(3)) : 0;
  int y = (x = 0) ?: await(val(4));
  printf("v=%d w=%d y=%d\n", v, w, y);
  return v + w + y;
}

int main(void) {
  printf("%d\n", ca_block_on(run(1)));
  return 0;
}
// CHECK: if x=1
// CHECK-NEXT: while c=2
// CHECK-NEXT: while c=1
// CHECK-NEXT: do it=0
// CHECK-NEXT: v=1 w=3 y=4
// CHECK-NEXT: 8
// CHECK-NEXT: exit=0
