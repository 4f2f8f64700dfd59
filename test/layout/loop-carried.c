// A value carried around a loop with an await is held across it; a temporary inside the loop is not.
// RUN: %cawait-cc -fsyntax-only -Rremark-backend-plugin -fplugin-arg-cawait-frame-report %s 2>&1 | FileCheck %s
#include <cawait.h>

int g(int);
async int f(int n) {
  long acc = 0;
  for (int i = 0; i < n; i++) {
    int tmp = g(i);
    acc += tmp;
    await(ca_yield());
  }
  return (int)acc;
}

// CHECK: loop-carried.c:6:11: remark: frame of 'f': 24 bytes (lower bound 18, without overlap 24), align 8
// CHECK: loop-carried.c:6:11: note: unresumed holds 'n' at 8 (4 bytes)
// CHECK: loop-carried.c:11:5: note: suspend point 1 holds 'n' at 8 (4 bytes), 'acc' at 0 (8 bytes), 'i' at 12 (4 bytes), frame of 'ca_yield' at 16 (1 bytes)
