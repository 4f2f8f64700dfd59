// A function suspends when it awaits a leaf future, a combinator, a call
// through a pointer or a function that suspends; the others never do, and
// an await of one is a call of its f__sync (no state of the caller).
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=discover %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

async int add(int a, int b) { return a + b; }

async int sum3(int a, int b, int c) {
  int s = await(add(a, b));
  return await(add(s, c));
}

async int fact(int n) {
  if (n < 2)
    return 1;
  return n * await(fact(n - 1));
}

async int once(int x) {
  await(ca_yield());
  return x;
}

async int mixed(int x) {
  int y = await(sum3(x, 1, 2));
  int z = await(once(y));
  return await(add(y, z));
}

async int above(int x) { return await(mixed(x)); }

// CHECK:      === discover
// CHECK-NEXT: async 'add' at [[FILE]]:7:11: never suspends
// CHECK-NEXT: async 'sum3' at [[FILE]]:9:11: never suspends
// CHECK-NEXT:   sync call 'add'
// CHECK-NEXT:   sync call 'add'
// CHECK-NEXT: async 'fact' at [[FILE]]:14:11: never suspends
// CHECK-NEXT:   sync call 'fact'
// CHECK-NEXT: async 'once' at [[FILE]]:20:11: may suspend
// CHECK-NEXT:   await 1 at [[FILE]]:21:3: call 'ca_yield' (leaf), statement
// CHECK-NEXT: async 'mixed' at [[FILE]]:25:11: may suspend
// CHECK-NEXT:   await 1 at [[FILE]]:27:11: call 'once' (defined here), initializer
// CHECK-NEXT:   sync call 'sum3'
// CHECK-NEXT:   sync call 'add'
// CHECK-NEXT: async 'above' at [[FILE]]:31:11: may suspend
// CHECK-NEXT:   await 1 at [[FILE]]:31:33: call 'mixed' (defined here), return
// CHECK-EMPTY:
