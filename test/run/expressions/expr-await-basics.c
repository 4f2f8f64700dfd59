// Awaits in every expression position of one function: operands, &&, ||,
// ?:, comma, while/do/for conditions and clauses (with continue), switch,
// initializer lists, struct results, nested awaits, statement expressions.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int leaf(int x) {
  await(ca_yield());
  return x * 2;
}
async void vleaf(int *p) { await(ca_yield()); *p += 1; }

async int next(int *it) { await(ca_yield()); return --*it; }

struct pt { int x, y; };
async struct pt mk(int a) { await(ca_yield()); struct pt p = {a, a + 1}; return p; }

async int run(int n) {
  int total = 0;
  total += await(leaf(n)) + await(leaf(n + 1));
  int a = 3, b = await(leaf(a)), c = b + await(leaf(b));
  printf("a=%d b=%d c=%d\n", a, b, c);
  if (n > 0 && await(leaf(n)) > 2)
    printf("and\n");
  if (n < 0 || await(leaf(n)) > 2) printf("or\n"); else printf("not or\n");
  int t = n ? await(leaf(1)) : await(leaf(2));
  printf("t=%d\n", t);
  int it = 4;
  while (await(next(&it)) > 0)
    printf("it=%d\n", it);
  it = 3;
  do {
    if (it == 2) continue;
    printf("do it=%d\n", it);
  } while (await(next(&it)) > 0);
  for (int i = await(leaf(0)); i < await(leaf(3)); i += await(leaf(1))) {
    if (i == 2) continue;
    printf("for i=%d\n", i);
  }
  switch (await(leaf(n))) {
  case 2: printf("two\n"); break;
  default: printf("other\n");
  }
  struct pt p = {await(leaf(1)), await(leaf(2))};
  printf("p=%d,%d\n", p.x, p.y);
  printf("mk=%d\n", await(mk(5)).y);
  printf("nested=%d\n", await(leaf(await(leaf(await(leaf(1)))))));
  int v = 0;
  (await(vleaf(&v)), await(vleaf(&v)));
  printf("v=%d\n", v);
  int s = ({ int q = await(leaf(2)); q + 1; });
  printf("s=%d\n", s);
  return total + await(leaf(total));
}

// CHECK: a=3 b=6 c=18
// CHECK-NEXT: not or
// CHECK-NEXT: t=2
// CHECK-NEXT: it=3
// CHECK-NEXT: it=2
// CHECK-NEXT: it=1
// CHECK-NEXT: do it=3
// CHECK-NEXT: do it=1
// CHECK-NEXT: for i=0
// CHECK-NEXT: for i=4
// CHECK-NEXT: two
// CHECK-NEXT: p=2,4
// CHECK-NEXT: mk=6
// CHECK-NEXT: nested=8
// CHECK-NEXT: v=2
// CHECK-NEXT: s=5
// CHECK-NEXT: 18
// CHECK-NEXT: exit=0
int main(void) {
  printf("%d\n", ca_block_on(run(1)));
  return 0;
}
