// Two locals named x (an inner block shadows the outer one) are two
// slots: the second one's field is x_1, and each suspend point names the
// one it holds.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=liveness %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

async int shadow(int n) {
  int x = n + 1;
  {
    int x = n * 2;
    await(ca_yield());
    n += x;
  }
  await(ca_yield());
  return x + n;
}

// CHECK:      === liveness
// CHECK-NEXT: async 'shadow' at [[FILE]]:7:11
// CHECK-NEXT:   saved n at [[FILE]]:7:22: parameter
// CHECK-NEXT:   saved x at [[FILE]]:8:7: local
// CHECK-NEXT:   saved x_1 ('x') at [[FILE]]:10:9: local
// CHECK-NEXT:   init stores: n
// CHECK-NEXT:   in locals: n x_1
// CHECK-NEXT:   state 1 at [[FILE]]:11:5 holds: n x x_1
// CHECK-NEXT:   state 2 at [[FILE]]:14:3 holds: n x
// CHECK-NEXT:   interference: n-x n-x_1 x-x_1
// CHECK-EMPTY:
