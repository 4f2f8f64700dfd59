// &&, ||, ?: and the comma operator holding awaits, and an await whose
// arguments await, written as whole expression statements whose value is
// discarded (valid C, no warning without the plugin): the rewrite must not
// leave a bare `ca__eN;` behind (-Wunused-value under -Wall -Werror), and
// the right sides stay lazy.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int calls;

async int val(int x) {
  await(ca_yield());
  calls++;
  return x;
}

async int run(int zero, int one) {
  zero && await(val(1));
  printf("and calls=%d\n", calls);
  one && await(val(1));
  printf("and calls=%d\n", calls);
  one || await(val(1));
  printf("or calls=%d\n", calls);
  one ? await(val(1)) : await(val(2));
  printf("cond calls=%d\n", calls);
  (await(val(1)), await(val(2)));
  printf("comma calls=%d\n", calls);
  await(val(await(val(1))));
  printf("nested calls=%d\n", calls);
  return calls;
}

int main(void) {
  printf("%d\n", ca_block_on(run(0, 1)));
  return 0;
}
// CHECK: and calls=0
// CHECK-NEXT: and calls=1
// CHECK-NEXT: or calls=1
// CHECK-NEXT: cond calls=2
// CHECK-NEXT: comma calls=4
// CHECK-NEXT: nested calls=6
// CHECK-NEXT: 6
// CHECK-NEXT: exit=0
