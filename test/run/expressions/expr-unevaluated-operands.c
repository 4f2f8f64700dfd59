// Awaits in operands C does not evaluate must not run: the argument of
// __builtin_constant_p and of __builtin_object_size (the rewrite hoisted
// and ran them: more calls, and an object size where the plain program
// gets (size_t)-1 for an argument with side effects), the controlling
// expression of _Generic. (typeof: expr-typeof.c.)
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int calls;
static char buf[16];

async int val(int x) {
  await(ca_yield());
  calls++;
  return x;
}

async char *getp(void) {
  await(ca_yield());
  calls++;
  return buf;
}

async int run(int n) {
  int g = _Generic(await(val(1)), int: 10, default: 20) + await(val(0));
  printf("generic g=%d calls=%d\n", g, calls);
  int bc = __builtin_constant_p(await(val(1))) + await(val(0));
  printf("constant_p bc=%d calls=%d\n", bc, calls);
  unsigned long os =
      __builtin_object_size(await(getp()), 0) + (unsigned long)await(val(0));
  printf("object_size os=%lu calls=%d\n", os, calls);
  return calls;
}

int main(void) {
  printf("%d\n", ca_block_on(run(1)));
  return 0;
}
// CHECK: generic g=10 calls=1
// CHECK-NEXT: constant_p bc=0 calls=2
// CHECK-NEXT: object_size os=18446744073709551615 calls=3
// CHECK-NEXT: 3
// CHECK-NEXT: exit=0
