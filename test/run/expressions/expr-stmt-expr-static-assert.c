// _Static_assert inside a statement expression holding an await: the
// re-printed statement expression must keep the C11 keyword (it came out
// as `static_assert`, which C11 only has as a macro of <assert.h>).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

async int run(void) {
  int q = ({
    _Static_assert(sizeof(int) == 4, "four");
    await(val(2));
  });
  printf("q=%d\n", q);
  return q;
}

int main(void) {
  printf("%d\n", ca_block_on(run()));
  return 0;
}
// CHECK: q=2
// CHECK-NEXT: 2
// CHECK-NEXT: exit=0
