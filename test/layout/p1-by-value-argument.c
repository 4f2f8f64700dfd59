// A 4 KiB by-value argument used after the await is held from the start across the await.
// RUN: %cawait-cc -fsyntax-only -Rremark-backend-plugin -fplugin-arg-cawait-frame-report %s 2>&1 | FileCheck %s
#include <cawait.h>

struct big { char b[4096]; };
async int f(struct big a) {
  await(ca_yield());
  return a.b[7];
}

// CHECK: p1-by-value-argument.c:6:11: remark: frame of 'f': 4098 bytes (lower bound 4098, without overlap 4098), align 1
// CHECK: p1-by-value-argument.c:6:11: note: unresumed holds 'a' at 0 (4096 bytes)
// CHECK: p1-by-value-argument.c:7:3: note: suspend point 1 holds 'a' at 0 (4096 bytes), frame of 'ca_yield' at 4096 (1 bytes)
