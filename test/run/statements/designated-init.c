// Designated initializers (struct fields out of order, nested, array
// indices, GNU ranges, arrays of structs, unions) of locals kept across
// awaits.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

struct pt { int x, y, z; };
struct shape { struct pt c; int r[3]; const char *name; };
union num { int i; float f; };

async int v(int x) {
  await(ca_yield());
  return x;
}

async int designated(int k) {
  struct pt p = {.z = k, .x = k * 2};
  struct shape s = {.name = "sq", .r = {[2] = 9, [0] = 7}, .c.y = 5};
  int a[8] = {[1] = 1, [3 ... 5] = k, [7] = 70};
  struct pt ps[3] = {[2] = {.y = 22}, [0].x = 10, [1] = {1, 2, 3}};
  union num u = {.f = 1.5f};
  int got = await(v(k + 1));
  p.y = got;
  s.r[1] = await(v(got * 3));
  ps[0].z = await(v(s.r[1] + 1));
  printf("p=%d,%d,%d s=%d,%d,%d r=%d,%d,%d %s\n", p.x, p.y, p.z, s.c.x, s.c.y,
         s.c.z, s.r[0], s.r[1], s.r[2], s.name);
  int sum = 0;
  for (int i = 0; i < 8; i++)
    sum = sum * 3 + a[i];
  printf("a=%d ps=%d,%d,%d/%d,%d,%d/%d,%d,%d u=%.2f\n", sum, ps[0].x, ps[0].y,
         ps[0].z, ps[1].x, ps[1].y, ps[1].z, ps[2].x, ps[2].y, ps[2].z, u.f);
  return sum + p.y;
}

int main(void) {
  printf("r=%d\n", ca_block_on(designated(4)));
  return 0;
}
// CHECK: p=8,5,4 s=0,5,0 r=7,15,9 sq
// CHECK-NEXT: a=1267 ps=10,0,16/1,2,3/0,22,0 u=1.50
// CHECK-NEXT: r=1272
// CHECK-NEXT: exit=0
