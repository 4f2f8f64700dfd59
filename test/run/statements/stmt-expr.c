// GNU statement expressions (without awaits) inside async functions that
// read and write kept locals, declare their own locals (shadowing kept
// ones), loop, and yield values used in initializers and await arguments.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

#define MAX(a, b) ({ int _a = (a), _b = (b); _a > _b ? _a : _b; })

async int id(int x) {
  await(ca_yield());
  return x;
}

async int se(int n) {
  int total = n;
  int arr[4] = {1, 2, 3, 4};
  int got = await(id(({ int t = total * 2; t + 1; })));
  int sum = ({
    int s = 0;
    for (int i = 0; i < 4; i++)
      s += arr[i] * got;
    s;
  });
  total += await(id(MAX(sum, total * 10)));
  int x = ({ int total = 1000; total + got; }); /* shadows the kept local */
  ({ total++; arr[0] = x; });
  int y = await(id(({ int q = arr[0]; q % 97; })));
  printf("got=%d sum=%d total=%d x=%d y=%d\n", got, sum, total, x, y);
  return total + y;
}

int main(void) {
  printf("r=%d\n", ca_block_on(se(3)));
  printf("r=%d\n", ca_block_on(se(20)));
  return 0;
}
// CHECK: got=7 sum=70 total=74 x=1007 y=37
// CHECK-NEXT: r=111
// CHECK-NEXT: got=41 sum=410 total=431 x=1041 y=71
// CHECK-NEXT: r=502
// CHECK-NEXT: exit=0
