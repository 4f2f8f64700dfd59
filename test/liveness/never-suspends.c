// A function that never suspends has no suspend point: it keeps only the
// parameters f__init stores; its body is f__sync, which its poll calls. Its
// callers hold nothing across an await of it (a call of its f__sync).
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=liveness %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

async int add(int a, int b) {
  int s = a + b;
  return s;
}

async int caller(int x) {
  int y = x + 1;
  int z = await(add(x, y));
  await(ca_yield());
  return z + await(add(z, 1));
}

// CHECK:      === liveness
// CHECK-NEXT: async 'add' at [[FILE]]:7:11
// CHECK-NEXT:   saved a at [[FILE]]:7:19: parameter
// CHECK-NEXT:   saved b at [[FILE]]:7:26: parameter
// CHECK-NEXT:   init stores: a b
// CHECK-NEXT:   body in f__sync (poll calls it)
// CHECK-NEXT:   interference: a-b
// CHECK-NEXT: async 'caller' at [[FILE]]:12:11
// CHECK-NEXT:   saved x at [[FILE]]:12:22: parameter
// CHECK-NEXT:   saved z at [[FILE]]:14:7: local
// CHECK-NEXT:   init stores: x
// CHECK-NEXT:   in locals: x z
// CHECK-NEXT:   init's copy kept: x
// CHECK-NEXT:   state 1 at [[FILE]]:15:3 holds: z
// CHECK-NEXT:   interference: none
// CHECK-EMPTY:
