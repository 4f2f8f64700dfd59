// Discover numbers the awaits of a function in source order (its states)
// and records how each sits in its statement and what it awaits: a
// function defined here, a leaf future of cawait.h, one only a budget
// describes.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=discover %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

async_budget(32) int elsewhere(int x);

async int twice(int x) {
  await(ca_yield());
  return 2 * x;
}

async int forms(int n) {
  await(ca_yield());
  int a = await(twice(n));
  a += await(elsewhere(a));
  (void)await(twice(a));
  if (a > 3)
    return await(twice(a));
  a = (await(twice(1)));
  return a;
}

// CHECK:      === discover
// CHECK-NEXT: async 'twice' at [[FILE]]:10:11: may suspend
// CHECK-NEXT:   await 1 at [[FILE]]:11:3: call 'ca_yield' (leaf), statement
// CHECK-NEXT: async 'forms' at [[FILE]]:15:11: may suspend
// CHECK-NEXT:   await 1 at [[FILE]]:16:3: call 'ca_yield' (leaf), statement
// CHECK-NEXT:   await 2 at [[FILE]]:17:11: call 'twice' (defined here), initializer
// CHECK-NEXT:   await 3 at [[FILE]]:18:8: call 'elsewhere' (budget 32, defined elsewhere), assignment
// CHECK-NEXT:   await 4 at [[FILE]]:19:9: call 'twice' (defined here), statement
// CHECK-NEXT:   await 5 at [[FILE]]:21:12: call 'twice' (defined here), return
// CHECK-NEXT:   await 6 at [[FILE]]:22:8: call 'twice' (defined here), assignment
// CHECK-EMPTY:
