// An await assigned in a statement cast to void, `(void)(x = await(f()));`,
// is lowered as the assignment Discover classified it as (Emit used to
// match the forms again, missed this one and printed a resume label that
// did not exist).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int step(int x) {
  await(ca_yield());
  return x + 1;
}

async int f(int n) {
  int x = 0;
  (void)(x = await(step(n)));
  printf("x=%d\n", x);
  (void)((x += await(step(x))));
  printf("x=%d\n", x);
  return x;
}

int main(void) {
  // CHECK: x=5
  // CHECK-NEXT: x=11
  // CHECK-NEXT: r=11
  printf("r=%d\n", ca_block_on(f(4)));
  return 0;
}
