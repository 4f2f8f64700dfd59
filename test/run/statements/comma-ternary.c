// Comma operators and conditional operators (without awaits inside them)
// over kept locals, in statements, initializers, loop headers and await
// arguments.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int id(int x) {
  await(ca_yield());
  return x;
}

async int ct(int n) {
  int a = 1, b = 2, c;
  c = (a += n, b *= 3, a + b);
  int d = await(id(n > 2 ? c : -c));
  int i, j;
  for (i = 0, j = 10; i < j; i += 3, j--) {
    int k = await(id((a++, i * j)));
    c += k > 20 ? k : k < 5 ? -1 : 0;
  }
  a = d < 0 ? (b = 7, b + a) : (b = 9, b - a);
  int *p = n & 1 ? &a : &b;
  await(ca_yield());
  *p = ((*p)++, *p + 100);
  int e = await(id((c++, d--, a)));
  printf("a=%d b=%d c=%d d=%d i=%d j=%d e=%d\n", a, b, c, d, i, j, e);
  return a + b + c + d + e;
}

int main(void) {
  printf("r=%d\n", ca_block_on(ct(1)));
  printf("r=%d\n", ca_block_on(ct(4)));
  return 0;
}
// CHECK: a=113 b=7 c=83 d=-9 i=9 j=7 e=113
// CHECK-NEXT: r=307
// CHECK-NEXT: a=1 b=110 c=86 d=10 i=9 j=7 e=1
// CHECK-NEXT: r=208
// CHECK-NEXT: exit=0
