// A GNU local label declaration (`__label__ out;`) inside an async function
// stays a declaration.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int step(int x) {
  await(ca_yield());
  return x + 1;
}

async int f(int n) {
  int v = await(step(n));
  int w = ({
    __label__ out;
    int t = v;
    if (t > 3)
      goto out;
    t = 100;
  out:
    t;
  });
  return w;
}

int main(void) {
  printf("r=%d r=%d\n", ca_block_on(f(5)), ca_block_on(f(1)));
  return 0;
}
// CHECK: r=6 r=100
// CHECK-NEXT: exit=0
