// Awaits inside expressions: liveness runs on the normalized text, so the
// first await's result (a temporary, ca__e1) is held across the second,
// and the operands read after both awaits (k) are held across both. The
// locations are the user's columns.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=liveness %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

async int leaf(int x) {
  await(ca_yield());
  return x;
}

async int expr(int n, int k) {
  return await(leaf(n)) * 3 + await(leaf(n + 1)) - k;
}

// CHECK:       async 'expr' at [[FILE]]:13:11
// CHECK-NEXT:   saved n at [[FILE]]:13:20: parameter
// CHECK-NEXT:   saved k at [[FILE]]:13:27: parameter
// CHECK-NEXT:   saved ca__e1 at [[FILE]]:14:10: await result
// CHECK-NEXT:   init stores: k n
// CHECK-NEXT:   in locals: ca__e1 k n
// CHECK-NEXT:   init's copy kept: k n
// CHECK-NEXT:   state 1 at [[FILE]]:14:10 holds: k n
// CHECK-NEXT:   state 2 at [[FILE]]:14:31 holds: ca__e1 k
// CHECK-NEXT:   interference: ca__e1-k ca__e1-n k-n
// CHECK-EMPTY:
