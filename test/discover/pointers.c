// Awaits through async function pointers: in place in a budget of the
// caller's frame, or boxed (by the pointer's type or ca_boxed on one
// call); and every async function given to a budgeted pointer, whose
// frame must fit.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=discover %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

typedef async_budget(64) int op_fn(int x);
typedef async_boxed void say_fn(int x);

async int inc(int x) {
  await(ca_yield());
  return x + 1;
}
async void say(int x) { (void)x; }

async int through(op_fn *op, say_fn *s) {
  int y = await(op(1));
  await(s(y));
  y = await(ca_boxed(op(y)));
  return y;
}

async int top(void) {
  op_fn *p = inc;
  return await(through(p, &say));
}

// CHECK:      === discover
// CHECK-NEXT: async 'inc' at [[FILE]]:11:11: may suspend
// CHECK-NEXT:   await 1 at [[FILE]]:12:3: call 'ca_yield' (leaf), statement
// CHECK-NEXT: async 'say' at [[FILE]]:15:12: never suspends
// CHECK-NEXT: async 'through' at [[FILE]]:17:11: may suspend
// CHECK-NEXT:   await 1 at [[FILE]]:18:11: call through 'op' (in place, budget 64), initializer
// CHECK-NEXT:   await 2 at [[FILE]]:19:3: call through 's' (boxed), statement
// CHECK-NEXT:   await 3 at [[FILE]]:20:7: call through 'op' (boxed), assignment
// CHECK-NEXT: async 'top' at [[FILE]]:24:11: may suspend
// CHECK-NEXT:   await 1 at [[FILE]]:26:10: call 'through' (defined here), return
// CHECK-NEXT: address taken: 'inc' 'say'
// CHECK-NEXT: address of 'inc' at [[FILE]]:25:14: pointer 'op_fn', budget 64
// CHECK-EMPTY:
