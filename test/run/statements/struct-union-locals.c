// Struct and union locals, struct members assigned from awaits and struct
// return values kept across awaits.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

struct vec { int x, y; double w; };
union bits { unsigned u; float f; unsigned char b[4]; };
struct box { struct vec lo, hi; int tag[3]; };

async struct vec mkvec(int x, int y) {
  struct vec v = {x, y, x * 0.5};
  await(ca_yield());
  v.y += 1;
  return v;
}

async int twice(int x) {
  await(ca_yield());
  return 2 * x;
}

async struct box build(int k) {
  struct box b = {{0, 0, 0.0}, {0, 0, 0.0}, {k, k + 1, k + 2}};
  union bits u;
  u.u = 0x3f800000u;
  b.lo = await(mkvec(k, k * 10));
  struct vec tmp = await(mkvec(b.lo.y, 3));
  b.hi = tmp;
  b.tag[1] = await(twice(b.tag[2]));
  u.b[0] = await(twice(k));
  b.hi.w += u.f;
  b.tag[0] += u.u & 0xff;
  return b;
}

int main(void) {
  for (int k = 1; k <= 3; k++) {
    struct box b = ca_block_on(build(k));
    printf("k=%d lo=(%d,%d,%.2f) hi=(%d,%d,%.4f) tag=%d,%d,%d\n", k, b.lo.x,
           b.lo.y, b.lo.w, b.hi.x, b.hi.y, b.hi.w, b.tag[0], b.tag[1],
           b.tag[2]);
  }
  return 0;
}
// CHECK: k=1 lo=(1,11,0.50) hi=(11,4,6.5000) tag=3,6,3
// CHECK-NEXT: k=2 lo=(2,21,1.00) hi=(21,4,11.5000) tag=6,8,4
// CHECK-NEXT: k=3 lo=(3,31,1.50) hi=(31,4,16.5000) tag=9,10,5
// CHECK-NEXT: exit=0
