// Awaits in return values and if conditions: `return a + await(f()) *
// await(g());`, `if (await(f())) return await(g()) ? 1 : 2;`, returning a
// struct built from awaits, else-if chains whose conditions await (with
// || and ?: inside), and an if whose condition awaits as the sole,
// unbraced body of another if / else (the else must stay with its if).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int calls;

async int val(int x) {
  await(ca_yield());
  calls++;
  return x;
}
async int is(int a, int b) {
  await(ca_yield());
  calls++;
  return a == b;
}

struct pt {
  int x, y;
};

async int expr_ret(int a) { return a + await(val(2)) * await(val(3)); }
async int cond_ret(int a) {
  if (await(val(a)))
    return await(val(a - 1)) ? 1 : 2;
  return 3;
}
async struct pt pt_ret(int a) {
  return (struct pt){await(val(a)), a > 0 ? await(val(-a)) : 0};
}
async const char *classify(int v) {
  if (await(is(v, 0)))
    return "zero";
  else if (await(is(v, 1)))
    return "one";
  else if (v < 0 || await(is(v, 2)))
    return v < 0 ? "negative" : "two";
  else if (await(val(v)) > 100 ? await(is(v, 101)) : 0)
    return "hundred-one";
  else
    return "many";
}
async int nested(int a, int b) {
  int r = 0;
  if (a)
    if (await(val(b)))
      r = 1;
    else
      r = 2;
  else
    r = 3;
  if (a > 1)
    r += 10;
  else if (await(val(b)) > 5)
    r += 20;
  else
    r += 30;
  if (!a)
    r += 1000;
  else if (b)
    if (await(val(a)) == 2)
      r += 100;
    else
      r += 200;
  else
    r += 300;
  return r;
}

async int run(void) {
  printf("expr %d\n", await(expr_ret(1)));
  int c0 = await(cond_ret(0));
  int c1 = await(cond_ret(1));
  int c2 = await(cond_ret(2));
  printf("cond %d %d %d\n", c0, c1, c2);
  struct pt p = await(pt_ret(4));
  printf("pt %d %d\n", p.x, p.y);
  int vs[] = {-1, 0, 1, 2, 3, 101, 102};
  for (int i = 0; i < 7; i++)
    printf("%d %s\n", vs[i], await(classify(vs[i])));
  for (int a = 0; a < 3; a++)
    for (int b = 0; b < 8; b += 7)
      printf("nested(%d,%d)=%d\n", a, b, await(nested(a, b)));
  return calls;
}

int main(void) {
  printf("calls %d\n", ca_block_on(run()));
  return 0;
}
// CHECK: expr 7
// CHECK-NEXT: cond 3 2 1
// CHECK-NEXT: pt 4 -4
// CHECK-NEXT: -1 negative
// CHECK-NEXT: 0 zero
// CHECK-NEXT: 1 one
// CHECK-NEXT: 2 two
// CHECK-NEXT: 3 many
// CHECK-NEXT: 101 hundred-one
// CHECK-NEXT: 102 many
// CHECK-NEXT: nested(0,0)=1033
// CHECK-NEXT: nested(0,7)=1023
// CHECK-NEXT: nested(1,0)=332
// CHECK-NEXT: nested(1,7)=221
// CHECK-NEXT: nested(2,0)=312
// CHECK-NEXT: nested(2,7)=111
// CHECK-NEXT: calls 41
// CHECK-NEXT: exit=0
