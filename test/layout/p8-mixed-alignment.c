// 8 KiB with alignment 1 and 4 KiB with alignment 64 in disjoint branches share bytes at offset 0.
// RUN: %cawait-cc -fsyntax-only -Rremark-backend-plugin -fplugin-arg-cawait-frame-report %s 2>&1 | FileCheck %s
#include <cawait.h>

void fill(void *p);
async int f(int c) {
  if (c) {
    char a[8192];
    fill(a);
    await(ca_yield());
    return a[1];
  } else {
    _Alignas(64) char b[4096];
    fill(b);
    await(ca_yield());
    return b[2];
  }
}

// CHECK: p8-mixed-alignment.c:6:11: remark: frame of 'f': 8256 bytes (lower bound 8194, without overlap 12352), align 64
// CHECK: p8-mixed-alignment.c:6:11: note: unresumed holds 'c' at 0 (4 bytes)
// CHECK: p8-mixed-alignment.c:10:5: note: suspend point 1 holds 'a' at 0 (8192 bytes), frame of 'ca_yield' at 8192 (1 bytes)
// CHECK: p8-mixed-alignment.c:15:5: note: suspend point 2 holds 'b' at 0 (4096 bytes), frame of 'ca_yield' at 4096 (1 bytes)
