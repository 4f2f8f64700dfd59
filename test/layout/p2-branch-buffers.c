// One 4 KiB local per if/else branch, each across its own await: the buffers share bytes.
// RUN: %cawait-cc -fsyntax-only -Rremark-backend-plugin -fplugin-arg-cawait-frame-report %s 2>&1 | FileCheck %s
#include <cawait.h>

void fill(char *p);
async int f(int c) {
  if (c) {
    char a[4096];
    fill(a);
    await(ca_yield());
    return a[1];
  } else {
    char b[4096];
    fill(b);
    await(ca_yield());
    return b[2];
  }
}

// CHECK: p2-branch-buffers.c:6:11: remark: frame of 'f': 4100 bytes (lower bound 4098, without overlap 8200), align 4
// CHECK: p2-branch-buffers.c:6:11: note: unresumed holds 'c' at 0 (4 bytes)
// CHECK: p2-branch-buffers.c:10:5: note: suspend point 1 holds 'a' at 0 (4096 bytes), frame of 'ca_yield' at 4096 (1 bytes)
// CHECK: p2-branch-buffers.c:15:5: note: suspend point 2 holds 'b' at 0 (4096 bytes), frame of 'ca_yield' at 4096 (1 bytes)
