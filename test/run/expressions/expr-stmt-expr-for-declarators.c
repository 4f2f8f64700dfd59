// A statement expression holding an await is re-printed; a for inside it
// whose init declares two variables (`for (int i = 0, j = 3; ...)`) must
// stay one declaration, not `for (int i = 0; int j = 3; ...)`.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

async int run(void) {
  int r = ({
    int s = 0;
    for (int i = 0, j = 3; i < j; i++)
      s += await(val(i));
    s;
  });
  printf("r=%d\n", r);
  return r;
}

int main(void) {
  printf("%d\n", ca_block_on(run()));
  return 0;
}
// CHECK: r=3
// CHECK-NEXT: 3
// CHECK-NEXT: exit=0
