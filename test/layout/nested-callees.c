// Awaited callees' frames are embedded; frames of different awaits share bytes.
// RUN: %cawait-cc -fsyntax-only -Rremark-backend-plugin -fplugin-arg-cawait-frame-report %s 2>&1 | FileCheck %s
#include <cawait.h>

async long leaf(long x) {
  long y = x * 2;
  await(ca_yield());
  return y;
}
async long mid(long x) {
  long a = await(leaf(x));
  long b = await(leaf(a));
  return a + b;
}
async long f(void) {
  long k = 3;
  long r = await(mid(k));
  return r + k;
}

// CHECK: nested-callees.c:5:12: remark: frame of 'leaf': 16 bytes (lower bound 10, without overlap 24), align 8
// CHECK: nested-callees.c:5:12: note: unresumed holds 'x' at 0 (8 bytes)
// CHECK: nested-callees.c:7:3: note: suspend point 1 holds 'y' at 0 (8 bytes), frame of 'ca_yield' at 8 (1 bytes)
// CHECK: nested-callees.c:10:12: remark: frame of 'mid': 32 bytes (lower bound 25, without overlap 56), align 8
// CHECK: nested-callees.c:10:12: note: unresumed holds 'x' at 0 (8 bytes)
// CHECK: nested-callees.c:11:12: note: suspend point 1 holds frame of 'leaf' at 0 (16 bytes)
// CHECK: nested-callees.c:12:12: note: suspend point 2 holds 'a' at 16 (8 bytes), frame of 'leaf' at 0 (16 bytes)
// CHECK: nested-callees.c:15:12: remark: frame of 'f': 48 bytes (lower bound 41, without overlap 48), align 8
// CHECK: nested-callees.c:15:12: note: unresumed holds nothing
// CHECK: nested-callees.c:17:12: note: suspend point 1 holds 'k' at 32 (8 bytes), frame of 'mid' at 0 (32 bytes)
