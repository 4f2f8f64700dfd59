// Awaits through async function pointers, differential: an interface of
// async function pointers with a budget (the callee's frame in the
// caller's frame), a boxed typedef, ca_boxed on one call, a pointer
// parameter, an array of pointers, a pointer variable reassigned between
// implementations, void and struct results, and the address taken with &.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

struct calc;
typedef async_budget(128) int add_fn(struct calc *self, int a, int b);
typedef async_boxed void note_fn(const char *what);
struct pair {
  int lo, hi;
};
typedef async_budget(64) struct pair split_fn(int v);

struct calc_vt {
  add_fn *add;
  const char *name;
};
struct calc {
  const struct calc_vt *vt;
  int last;
};

async int slow_add(struct calc *self, int a, int b) {
  char scratch[40];
  snprintf(scratch, sizeof scratch, "%d+%d", a, b);
  await(ca_sleep_ms(1));
  printf("slow %s\n", scratch);
  self->last = a + b;
  return a + b;
}
async int quick_add(struct calc *self, int a, int b) {
  int r = a + b + self->last;
  self->last = r;
  return r;
}
async void note(const char *what) {
  await(ca_yield());
  printf("note: %s\n", what);
}
async struct pair split(int v) {
  await(ca_yield());
  return (struct pair){v / 10, v % 10};
}

static const struct calc_vt slow_vt = {slow_add, "slow"};
static const struct calc_vt quick_vt = {.add = &quick_add, .name = "quick"};

async int twice(add_fn *f, struct calc *c, int x) {
  int y = await(f(c, x, x));
  return await(ca_boxed(f(c, y, 1)));
}

async int use(struct calc *c, note_fn *say) {
  int x = await(c->vt->add(c, 1, 2));
  await(say(c->vt->name));
  int y = await(ca_boxed(c->vt->add(c, x, 10)));
  add_fn *fs[2] = {slow_add, quick_add};
  for (int i = 0; i < 2; i++)
    y += await(fs[i](c, i, y));
  split_fn *sp = split;
  struct pair p = await(sp(y));
  y += await(twice(c->vt->add, c, p.lo + p.hi));
  return y;
}

int main(void) {
  struct calc s = {&slow_vt, 0}, q = {&quick_vt, 100};
  printf("slow: %d\n", ca_block_on(use(&s, note)));
  printf("quick: %d\n", ca_block_on(use(&q, &note)));
  return 0;
}
// CHECK:      slow 1+2
// CHECK-NEXT: note: slow
// CHECK-NEXT: slow 3+10
// CHECK-NEXT: slow 0+13
// CHECK-NEXT: slow 12+12
// CHECK-NEXT: slow 24+1
// CHECK-NEXT: slow: 91
// CHECK-NEXT: note: quick
// CHECK-NEXT: slow 0+216
// CHECK-NEXT: quick: 2816
// CHECK-NEXT: exit=0
