// Non-async function pointers (single, in arrays, in structs, returned by
// functions, typedef'd) stored in locals and called after awaits.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

typedef int (*binop)(int, int);
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static binop choose(int k) { return k ? mul : add; }
struct vt { binop op; int (*unary)(int); };
static int neg(int x) { return -x; }

async int val(int x) {
  await(ca_yield());
  return x;
}

async int calc(int k) {
  int (*f)(int, int) = sub;
  binop table[3] = {add, sub, mul};
  struct vt vt = {.op = mul, .unary = neg};
  binop (*chooser)(int) = choose;
  int a = await(val(k));
  int r = f(a, 1);
  r = table[a % 3](r, 10);
  int b = await(val(r));
  r = vt.op(b, 2) + vt.unary(a);
  f = chooser(a & 1);
  await(ca_yield());
  r = f(r, 3);
  return (*table[0])(r, 0);
}

int main(void) {
  for (int k = 0; k < 4; k++)
    printf("%d ", ca_block_on(calc(k)));
  printf("\n");
  return 0;
}
// CHECK: 21 -63 21 63
// CHECK-NEXT: exit=0
