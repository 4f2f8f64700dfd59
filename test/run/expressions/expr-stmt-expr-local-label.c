// A GNU local label (`__label__ out;`) in a statement expression holding
// an await: the re-printed statement expression must keep it a
// declaration (it used to come out as a second label `out:`).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

async int run(int n) {
  int r = ({
    __label__ out;
    int v = await(val(n));
    if (v > 0)
      goto out;
    v = 7;
  out:;
    v;
  });
  printf("r=%d\n", r);
  return r;
}

int main(void) {
  int a = ca_block_on(run(1));
  int b = ca_block_on(run(0));
  printf("%d\n", a + b);
  return 0;
}
// CHECK: r=1
// CHECK-NEXT: r=7
// CHECK-NEXT: 8
// CHECK-NEXT: exit=0
