// An array only subscripted does not escape: it is held only while its value is needed.
// RUN: %cawait-cc -fsyntax-only -Rremark-backend-plugin -fplugin-arg-cawait-frame-report %s 2>&1 | FileCheck %s
#include <cawait.h>

async int f(int n) {
  int t[8];
  for (int i = 0; i < 8; i++)
    t[i] = i * n;
  int s = t[3] + t[5];
  await(ca_yield());
  return s;
}

// CHECK: array-subscripted.c:5:11: remark: frame of 'f': 8 bytes (lower bound 6, without overlap 12), align 4
// CHECK: array-subscripted.c:5:11: note: unresumed holds 'n' at 0 (4 bytes)
// CHECK: array-subscripted.c:10:3: note: suspend point 1 holds 's' at 0 (4 bytes), frame of 'ca_yield' at 4 (1 bytes)
