// Awaits on the right of &&, ||, ?: and `a ?: b` run only when C evaluates
// that side: every callee counts its calls, and the counts are printed
// after each expression. Also: void-typed ?: arms, ?: with struct results
// (one a typedef of an unnamed struct) and pointer results (null pointer
// constant, void *, string literal, function pointer), nested ?:, the
// comma operator with awaits on both sides, and lazy operators nested
// inside each other's right sides. Every lazy expression here is used as a
// value (see expr-lazy-discarded.c for the same operators as whole
// statements).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int calls[8];

async int val(int slot, int x) {
  await(ca_yield());
  calls[slot]++;
  return x;
}
async void bump(int slot, int *p) {
  await(ca_yield());
  calls[slot]++;
  *p += 1;
}

struct pt {
  int x, y;
};
async struct pt mk(int slot, int a) {
  await(ca_yield());
  calls[slot]++;
  struct pt p = {a, -a};
  return p;
}

typedef struct {
  int a, b;
} anon_t;
async anon_t mka(int slot, int a) {
  await(ca_yield());
  calls[slot]++;
  anon_t t = {a, a * a};
  return t;
}

static int cells[4] = {10, 20, 30, 40};
async int *cell(int slot, int i) {
  await(ca_yield());
  calls[slot]++;
  return &cells[i];
}
async void *vcell(int slot, int i) {
  await(ca_yield());
  calls[slot]++;
  return &cells[i];
}
async const char *name(int slot, int i) {
  await(ca_yield());
  calls[slot]++;
  return i ? "some" : "none";
}

static int twice(int x) { return 2 * x; }
static int thrice(int x) { return 3 * x; }
async int (*pick(int slot, int i))(int) {
  await(ca_yield());
  calls[slot]++;
  return i ? thrice : twice;
}

static void show(const char *what, int v) {
  printf("%s=%d calls=%d,%d,%d,%d\n", what, v, calls[0], calls[1], calls[2],
         calls[3]);
  for (int i = 0; i < 8; i++)
    calls[i] = 0;
}

async int run(int zero, int one) {
  int v;
  v = zero && await(val(1, 5));
  show("and-skip", v);
  v = one && await(val(1, 5));
  show("and-take", v);
  v = one && await(val(1, 0));
  show("and-zero", v);
  v = one || await(val(1, 5));
  show("or-skip", v);
  v = zero || await(val(1, 0));
  show("or-take", v);
  v = await(val(0, 0)) && await(val(1, 1));
  show("and-await-lhs-false", v);
  v = await(val(0, 3)) || await(val(1, 1));
  show("or-await-lhs-true", v);
  v = (one && await(val(1, 1))) || await(val(2, 1));
  show("and-in-or", v);
  v = zero || (await(val(1, 1)) && (zero || await(val(2, 7))));
  show("nested", v);
  v = zero || one || await(val(1, 1));
  show("chain", v);

  v = one ? await(val(1, 11)) : await(val(2, 22));
  show("cond-true", v);
  v = zero ? await(val(1, 11)) : await(val(2, 22));
  show("cond-false", v);
  v = await(val(0, one)) ? 7 : await(val(2, 22));
  show("cond-await-cond", v);
  v = one ? zero ? await(val(1, 1)) : await(val(2, 2)) : await(val(3, 3));
  show("cond-nested", v);
  v = one ? await(val(1, 4)) + await(val(2, 5)) : await(val(3, 6));
  show("cond-sum", v);
  v = await(val(0, 0)) ? : await(val(1, 9));
  show("elvis-await-lhs", v);
  v = one ?: await(val(1, 9));
  show("elvis-skip", v);
  v = (one - 1) ?: await(val(1, 9));
  show("elvis-take", v);
  v = (zero ? 0 : 4) ?: await(val(1, 9));
  show("elvis-nonzero-cond", v);
  long lv = one ? await(val(1, 3)) : 2L;
  show("cond-long", (int)lv);
  double dv = zero ? await(val(1, 3)) : 2.5;
  printf("dv=%.1f\n", dv);
  show("cond-double", (int)(dv * 2));

  int counter = 0;
  one ? await(bump(1, &counter)) : await(bump(2, &counter));
  zero ? await(bump(1, &counter)) : (void)0;
  one ? (void)printf("void arm\n") : await(bump(2, &counter));
  show("void-arms", counter);

  struct pt p = one ? await(mk(1, 4)) : await(mk(2, 5));
  show("struct-true", p.x * 10 + p.y);
  p = zero ? await(mk(1, 4)) : await(mk(2, 5));
  show("struct-false", p.x * 10 + p.y);
  show("struct-member", (zero ? p : await(mk(1, 7))).y);
  anon_t an = one ? await(mka(1, 3)) : await(mka(2, 4));
  show("struct-typedef-unnamed", an.b);

  int *ip = zero ? await(cell(1, 1)) : 0;
  show("ptr-null", ip == 0);
  ip = one ? await(cell(1, 1)) : &cells[3];
  show("ptr-cell", *ip);
  void *vp = one ? await(vcell(1, 2)) : await(cell(2, 0));
  show("ptr-void", *(int *)vp);
  const char *s = zero ? "literal" : await(name(1, 1));
  printf("s=%s\n", s);
  show("ptr-string", 0);
  s = await(name(0, 0)) ?: "fallback";
  printf("s=%s\n", s);
  show("ptr-elvis", 0);
  int (*fn)(int) = one ? await(pick(1, 1)) : twice;
  show("fn-ptr", fn(5));
  show("fn-call", (zero ? twice : await(pick(1, 0)))(7));

  int a = 0;
  v = (await(bump(1, &a)), await(val(2, a + 100)));
  show("comma", v);
  v = (a = await(val(1, 5)), a + await(val(2, a)));
  show("comma-seq", v);
  v = (await(bump(1, &a)), await(bump(1, &a)), a);
  show("comma-void", v);
  v = one ? (await(bump(1, &a)), a) : (await(bump(2, &a)), -a);
  show("comma-in-cond", v);
  v = zero && (await(bump(1, &a)), 1);
  show("comma-in-and", v + a);
  return 0;
}

int main(void) {
  ca_block_on(run(0, 1));
  return 0;
}
// CHECK: and-skip=0 calls=0,0,0,0
// CHECK-NEXT: and-take=1 calls=0,1,0,0
// CHECK-NEXT: and-zero=0 calls=0,1,0,0
// CHECK-NEXT: or-skip=1 calls=0,0,0,0
// CHECK-NEXT: or-take=0 calls=0,1,0,0
// CHECK-NEXT: and-await-lhs-false=0 calls=1,0,0,0
// CHECK-NEXT: or-await-lhs-true=1 calls=1,0,0,0
// CHECK-NEXT: and-in-or=1 calls=0,1,0,0
// CHECK-NEXT: nested=1 calls=0,1,1,0
// CHECK-NEXT: chain=1 calls=0,0,0,0
// CHECK-NEXT: cond-true=11 calls=0,1,0,0
// CHECK-NEXT: cond-false=22 calls=0,0,1,0
// CHECK-NEXT: cond-await-cond=7 calls=1,0,0,0
// CHECK-NEXT: cond-nested=2 calls=0,0,1,0
// CHECK-NEXT: cond-sum=9 calls=0,1,1,0
// CHECK-NEXT: elvis-await-lhs=9 calls=1,1,0,0
// CHECK-NEXT: elvis-skip=1 calls=0,0,0,0
// CHECK-NEXT: elvis-take=9 calls=0,1,0,0
// CHECK-NEXT: elvis-nonzero-cond=4 calls=0,0,0,0
// CHECK-NEXT: cond-long=3 calls=0,1,0,0
// CHECK-NEXT: dv=2.5
// CHECK-NEXT: cond-double=5 calls=0,0,0,0
// CHECK-NEXT: void arm
// CHECK-NEXT: void-arms=1 calls=0,1,0,0
// CHECK-NEXT: struct-true=36 calls=0,1,0,0
// CHECK-NEXT: struct-false=45 calls=0,0,1,0
// CHECK-NEXT: struct-member=-7 calls=0,1,0,0
// CHECK-NEXT: struct-typedef-unnamed=9 calls=0,1,0,0
// CHECK-NEXT: ptr-null=1 calls=0,0,0,0
// CHECK-NEXT: ptr-cell=20 calls=0,1,0,0
// CHECK-NEXT: ptr-void=30 calls=0,1,0,0
// CHECK-NEXT: s=some
// CHECK-NEXT: ptr-string=0 calls=0,1,0,0
// CHECK-NEXT: s=none
// CHECK-NEXT: ptr-elvis=0 calls=1,0,0,0
// CHECK-NEXT: fn-ptr=15 calls=0,1,0,0
// CHECK-NEXT: fn-call=14 calls=0,1,0,0
// CHECK-NEXT: comma=101 calls=0,1,1,0
// CHECK-NEXT: comma-seq=10 calls=0,1,1,0
// CHECK-NEXT: comma-void=7 calls=0,2,0,0
// CHECK-NEXT: comma-in-cond=8 calls=0,1,0,0
// CHECK-NEXT: comma-in-and=8 calls=0,0,0,0
// CHECK-NEXT: exit=0
