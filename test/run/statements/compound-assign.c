// Every compound assignment operator with an await on the right, on locals,
// array elements, struct members, through pointers, and on double, unsigned
// and pointer left sides.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

struct s { int m; unsigned u; };

async int val(int x) {
  await(ca_yield());
  return x;
}
async double dval(double x) {
  await(ca_yield());
  return x;
}

async long ops(int seed) {
  int a = seed;
  a += await(val(7));
  a -= await(val(3));
  a *= await(val(5));
  a /= await(val(2));
  a %= await(val(17));
  a <<= await(val(3));
  a >>= await(val(1));
  a &= await(val(0x3c));
  a |= await(val(0x101));
  a ^= await(val(0x0ff));
  int arr[3] = {1, 2, 3};
  int i = 1;
  arr[i] += await(val(40));
  arr[i + 1] *= await(val(-2));
  struct s st = {5, 0xf0u};
  st.m -= await(val(9));
  st.u >>= await(val(4));
  st.u ^= await(val(0x5));
  struct s *ps = &st;
  ps->m *= await(val(3));
  int *p = arr;
  p += await(val(2));
  *p -= await(val(100));
  double d = 1.5;
  d *= await(dval(4.0));
  d -= await(val(1));
  d /= await(dval(0.5));
  unsigned u = 10;
  u -= await(val(11)); /* wraps */
  char c = 'a';
  c += await(val(2));
  printf("a=%d arr=%d,%d,%d st=%d,%u d=%.3f u=%u c=%c\n", a, arr[0], arr[1],
         arr[2], st.m, st.u, d, u, c);
  return a + arr[1] + st.m + (long)d + u % 1000 + c;
}

int main(void) {
  printf("r=%ld\n", ca_block_on(ops(10)));
  printf("r=%ld\n", ca_block_on(ops(31)));
  return 0;
}
// CHECK: a=506 arr=1,42,-106 st=-12,10 d=10.000 u=4294967295 c=c
// CHECK-NEXT: r=940
// CHECK-NEXT: a=502 arr=1,42,-106 st=-12,10 d=10.000 u=4294967295 c=c
// CHECK-NEXT: r=936
// CHECK-NEXT: exit=0
