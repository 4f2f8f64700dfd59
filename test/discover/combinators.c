// A combinator is one suspend point whose branches are listed in order,
// each with its call and whether its result is assigned; ca_timeout_ms is
// a select with a ca_sleep_ms branch.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=discover %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

async int part(int x) {
  await(ca_yield());
  return x;
}

async int combine(void) {
  int a = 0, b = 0;
  await(ca_join(a = part(1), b = part(2), part(3)));
  int c = 0;
  await(ca_select(c = part(a), ca_sleep_ms(10)));
  int w = await(ca_timeout_ms(5, part(b)));
  return a + b + c + w;
}

// CHECK:      === discover
// CHECK-NEXT: async 'part' at [[FILE]]:7:11: may suspend
// CHECK-NEXT:   await 1 at [[FILE]]:8:3: call 'ca_yield' (leaf), statement
// CHECK-NEXT: async 'combine' at [[FILE]]:12:11: may suspend
// CHECK-NEXT:   await 1 at [[FILE]]:14:3: ca_join of 3, statement
// CHECK-NEXT:     branch 0 at [[FILE]]:14:21: call 'part' (defined here), assigned
// CHECK-NEXT:     branch 1 at [[FILE]]:14:34: call 'part' (defined here), assigned
// CHECK-NEXT:     branch 2 at [[FILE]]:14:43: call 'part' (defined here)
// CHECK-NEXT:   await 2 at [[FILE]]:16:3: ca_select of 2, statement
// CHECK-NEXT:     branch 0 at [[FILE]]:16:23: call 'part' (defined here), assigned
// CHECK-NEXT:     branch 1 at [[FILE]]:16:32: call 'ca_sleep_ms' (leaf)
// CHECK-NEXT:   await 3 at [[FILE]]:17:11: ca_select of 2, initializer
// CHECK-NEXT:     branch 0 at [[FILE]]:17:34: call 'part' (defined here)
// CHECK-NEXT:     branch 1 at [[FILE]]:17:17: call 'ca_sleep_ms' (leaf)
// CHECK-EMPTY:
