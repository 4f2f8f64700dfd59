// Awaits inside an expression: the report points at each await's own
// column, and the result of the first await, held across the second, is
// shown as an await result with its bytes.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-frame-report %s 2>&1 | FileCheck %s
#include <cawait.h>

async int leaf(int x) {
  await(ca_yield());
  return x;
}

// CHECK: expr-await-report.c:[[@LINE+1]]:11: remark: frame of 'two': 20 bytes (lower bound 13, without overlap 28), align 4
async int two(int n) {
  // CHECK: expr-await-report.c:[[@LINE+3]]:10: note: suspend point 1 holds 'n' at 8 (4 bytes), frame of 'leaf' at 0 (8 bytes)
  // CHECK: expr-await-report.c:[[@LINE+2]]:27: note: suspend point 2 holds 'await result' at 12 (4 bytes), frame of 'leaf' at 0 (8 bytes)
  // CHECK-NOT: suspend point 3
  return await(leaf(n)) + await(leaf(n + 1)) * 2;
}
