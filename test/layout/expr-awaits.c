// Awaits inside an expression: the layout of the normalized text, where
// the first await's result is a slot of its own (ca__e1), at the user's
// columns; the same frame the report gives (expr-await-report.c).
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=liveness,layout %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

async int leaf(int x) {
  await(ca_yield());
  return x;
}

async int two(int n) {
  return await(leaf(n)) + await(leaf(n + 1)) * 2;
}

// CHECK:      async 'two' at [[FILE]]:12:11
// CHECK-NEXT:   saved n at [[FILE]]:12:19: parameter
// CHECK-NEXT:   saved ca__e1 at [[FILE]]:13:10: await result
// CHECK-NEXT:   init stores: n
// CHECK-NEXT:   in locals: ca__e1 n
// CHECK-NEXT:   init's copy kept: n
// CHECK-NEXT:   state 1 at [[FILE]]:13:10 holds: n
// CHECK-NEXT:   state 2 at [[FILE]]:13:27 holds: ca__e1
// CHECK-NEXT:   interference: ca__e1-n
// CHECK-NEXT: === layout
// CHECK:      async 'two' at [[FILE]]:12:11: size 20, align 4, lower bound 13, without overlap 28
// CHECK-NEXT:   n: offset 8, size 4, align 4
// CHECK-NEXT:   ca__e1: offset 12, size 4, align 4
// CHECK-NEXT:   await 1 frame of 'leaf': offset 0, size 8, align 4
// CHECK-NEXT:   await 2 frame of 'leaf': offset 0, size 8, align 4
// CHECK-NEXT:   state: offset 16, size 1, align 1
// CHECK-EMPTY:
