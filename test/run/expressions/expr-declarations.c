// Awaits in declarations: several declarators where a later one awaits and
// reads earlier ones (`int a = 1, *p = &a, b = await(f(*p));`), const
// locals, arrays and structs initialised with `{ await(...), ... }` and
// with designated initializers (out of order, nested, array index
// designators), compound literals holding awaits, static locals next to
// awaits (keeping their value across calls), register locals, struct
// declarators reading each other, and a declaration whose first declarator
// awaits and a later one reads it.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int calls;

async int val(int x) {
  await(ca_yield());
  calls++;
  return x;
}

struct pt {
  int x, y;
};
struct box {
  struct pt a;
  int arr[3];
  const char *name;
};
async struct pt mk(int a) {
  await(ca_yield());
  calls++;
  struct pt p = {a, a + 1};
  return p;
}

async int decls(int n) {
  int a = 1, *p = &a, b = await(val(*p + 1)), c = b + await(val(b));
  printf("a=%d b=%d c=%d\n", a, b, c);
  int d = await(val(n)), e = d * 2, f = e + 1;
  printf("d=%d e=%d f=%d\n", d, e, f);
  const int k = await(val(3)) * 2, k2 = k + await(val(k));
  const struct pt cp = await(mk(k));
  printf("k=%d k2=%d cp=%d,%d\n", k, k2, cp.x, cp.y);
  unsigned long ul = 1, *ulp = &ul,
                arr2[2] = {*ulp, (unsigned long)await(val((int)*ulp + 1))};
  printf("arr2=%lu,%lu\n", arr2[0], arr2[1]);

  int arr[] = {await(val(1)), 2, await(val(3))};
  printf("arr n=%zu %d %d %d\n", sizeof arr / sizeof arr[0], arr[0], arr[1],
         arr[2]);
  int sparse[6] = {[4] = await(val(40)), [1] = 10, [3] = await(val(30))};
  for (int i = 0; i < 6; i++)
    printf("%d%s", sparse[i], i == 5 ? "\n" : " ");
  struct box bx = {.name = "bx", .arr = {[2] = await(val(9))},
                   .a = await(mk(4))};
  printf("box %d %d %d %d %d %s\n", bx.a.x, bx.a.y, bx.arr[0], bx.arr[1],
         bx.arr[2], bx.name);
  struct pt grid[2][2] = {[1] = {[0] = {await(val(5)), 6}}, [0][1].y = 7};
  printf("grid %d %d %d %d\n", grid[1][0].x, grid[1][0].y, grid[0][1].y,
         grid[1][1].x);
  struct pt s1 = await(mk(1)), s2 = {s1.y, await(mk(s1.x + 10)).y};
  printf("s2=%d,%d\n", s2.x, s2.y);

  struct pt q = (struct pt){.y = await(val(7)), .x = 1};
  int *cl = (int[]){await(val(5)), await(val(6))};
  printf("q=%d,%d cl=%d,%d\n", q.x, q.y, cl[0], cl[1]);
  int sum = ((struct pt){await(val(2)), 3}).y + (int){await(val(4))} +
            ((int[3]){[2] = await(val(100))})[2];
  printf("sum=%d\n", sum);

  static int st = 10;
  st += await(val(1));
  static int st2, st3 = 5;
  st2 = st3 + await(val(st));
  printf("st=%d st2=%d\n", st, st2);

  register int r = await(val(8)) + 1, r2 = r * await(val(2));
  register int r3 = r2 > 10 ? await(val(r2)) : 0;
  printf("r=%d r2=%d r3=%d\n", r, r2, r3);
  return st;
}

int main(void) {
  printf("%d\n", ca_block_on(decls(4)));
  printf("%d\n", ca_block_on(decls(4)));
  printf("calls=%d\n", calls);
  return 0;
}
// CHECK: a=1 b=2 c=4
// CHECK-NEXT: d=4 e=8 f=9
// CHECK-NEXT: k=6 k2=12 cp=6,7
// CHECK-NEXT: arr2=1,2
// CHECK-NEXT: arr n=3 1 2 3
// CHECK-NEXT: 0 10 0 30 40 0
// CHECK-NEXT: box 4 5 0 0 9 bx
// CHECK-NEXT: grid 5 6 7 0
// CHECK-NEXT: s2=2,12
// CHECK-NEXT: q=1,7 cl=5,6
// CHECK-NEXT: sum=107
// CHECK-NEXT: st=11 st2=16
// CHECK-NEXT: r=9 r2=18 r3=18
// CHECK-NEXT: 11
// CHECK: st=12 st2=17
// CHECK: 12
// CHECK-NEXT: calls=54
// CHECK-NEXT: exit=0
