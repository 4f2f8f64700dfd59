// A #define between the lines of a declaration whose initializer holds an
// await: the initializer is re-printed, and the directive in it must keep
// its effect on the rest of the file (SCALE was undefined afterwards).
// An #if inside such an initializer keeps the branch that was taken.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

async int run(void) {
  int x = await(val(1)) +
#if 1
          10 +
#else
          20 +
#endif
          await(val(100));
  int y = await(val(2)) *
#define SCALE 7
          SCALE;
  printf("x=%d y=%d scale=%d\n", x, y, SCALE);
  return y;
}

int main(void) {
  printf("%d\n", ca_block_on(run()));
  return 0;
}
// CHECK: x=111 y=14 scale=7
// CHECK-NEXT: 14
// CHECK-NEXT: exit=0
