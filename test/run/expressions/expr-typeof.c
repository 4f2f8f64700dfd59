// await inside typeof, which C does not evaluate: in a declaration's type
// (rejected: "cawait cannot lower this await here") and in a cast inside
// an expression rewritten for another await (the cast was printed as
// `typeof ((val(1)))`, without the await, then rejected as a call never
// awaited). Neither may call val. A cast to __typeof__(local) in a
// rewritten expression must keep the __typeof__ spelling: plain `typeof`
// is no keyword in -std=c11 (second RUN).
// RUN: %differential %s %t | FileCheck %s
// RUN: %differential %s %t.c11 -std=c11 -DNO_AWAIT_IN_TYPEOF | FileCheck %s --check-prefix=C11
#include <cawait.h>
#include <stdio.h>

static int calls;

async int val(int x) {
  await(ca_yield());
  calls++;
  return x;
}

async int run(int n) {
#ifndef NO_AWAIT_IN_TYPEOF
  __typeof__(await(val(1))) t = 3;
  printf("typeof-decl t=%d calls=%d\n", t, calls);
  long c = (__typeof__(await(val(1))))n + await(val(2));
  printf("typeof-await c=%ld calls=%d\n", c, calls);
#endif
  long d = 5;
  d = (__typeof__(d))n + await(val(3));
  printf("typeof-local d=%ld calls=%d\n", d, calls);
  return calls;
}

int main(void) {
  printf("%d\n", ca_block_on(run(1)));
  return 0;
}
// CHECK: typeof-decl t=3 calls=0
// CHECK-NEXT: typeof-await c=3 calls=1
// CHECK-NEXT: typeof-local d=4 calls=2
// CHECK-NEXT: 2
// CHECK-NEXT: exit=0
// C11: typeof-local d=4 calls=1
// C11-NEXT: 1
// C11-NEXT: exit=0
