// 16 scalars in one scope, each across its own await: one slot is enough for all of them.
// RUN: %cawait-cc -fsyntax-only -Rremark-backend-plugin -fplugin-arg-cawait-frame-report %s 2>&1 | FileCheck %s
#include <cawait.h>

int g(int);
async int f(void) {
  int r = 0;
  int v0 = g(0);
  await(ca_yield());
  r += v0;
  int v1 = g(1);
  await(ca_yield());
  r += v1;
  int v2 = g(2);
  await(ca_yield());
  r += v2;
  int v3 = g(3);
  await(ca_yield());
  r += v3;
  int v4 = g(4);
  await(ca_yield());
  r += v4;
  int v5 = g(5);
  await(ca_yield());
  r += v5;
  int v6 = g(6);
  await(ca_yield());
  r += v6;
  int v7 = g(7);
  await(ca_yield());
  r += v7;
  int v8 = g(8);
  await(ca_yield());
  r += v8;
  int v9 = g(9);
  await(ca_yield());
  r += v9;
  int v10 = g(10);
  await(ca_yield());
  r += v10;
  int v11 = g(11);
  await(ca_yield());
  r += v11;
  int v12 = g(12);
  await(ca_yield());
  r += v12;
  int v13 = g(13);
  await(ca_yield());
  r += v13;
  int v14 = g(14);
  await(ca_yield());
  r += v14;
  int v15 = g(15);
  await(ca_yield());
  r += v15;
  return r;
}

// CHECK: p6-sixteen-scalars.c:6:11: remark: frame of 'f': 12 bytes (lower bound 10, without overlap 88), align 4
// CHECK: p6-sixteen-scalars.c:6:11: note: unresumed holds nothing
// CHECK: p6-sixteen-scalars.c:9:3: note: suspend point 1 holds 'r' at 0 (4 bytes), 'v0' at 4 (4 bytes), frame of 'ca_yield' at 8 (1 bytes)
// CHECK: p6-sixteen-scalars.c:12:3: note: suspend point 2 holds 'r' at 0 (4 bytes), 'v1' at 4 (4 bytes), frame of 'ca_yield' at 8 (1 bytes)
// CHECK: p6-sixteen-scalars.c:15:3: note: suspend point 3 holds 'r' at 0 (4 bytes), 'v2' at 4 (4 bytes), frame of 'ca_yield' at 8 (1 bytes)
// CHECK: p6-sixteen-scalars.c:18:3: note: suspend point 4 holds 'r' at 0 (4 bytes), 'v3' at 4 (4 bytes), frame of 'ca_yield' at 8 (1 bytes)
// CHECK: p6-sixteen-scalars.c:21:3: note: suspend point 5 holds 'r' at 0 (4 bytes), 'v4' at 4 (4 bytes), frame of 'ca_yield' at 8 (1 bytes)
// CHECK: p6-sixteen-scalars.c:24:3: note: suspend point 6 holds 'r' at 0 (4 bytes), 'v5' at 4 (4 bytes), frame of 'ca_yield' at 8 (1 bytes)
// CHECK: p6-sixteen-scalars.c:27:3: note: suspend point 7 holds 'r' at 0 (4 bytes), 'v6' at 4 (4 bytes), frame of 'ca_yield' at 8 (1 bytes)
// CHECK: p6-sixteen-scalars.c:30:3: note: suspend point 8 holds 'r' at 0 (4 bytes), 'v7' at 4 (4 bytes), frame of 'ca_yield' at 8 (1 bytes)
// CHECK: p6-sixteen-scalars.c:33:3: note: suspend point 9 holds 'r' at 0 (4 bytes), 'v8' at 4 (4 bytes), frame of 'ca_yield' at 8 (1 bytes)
// CHECK: p6-sixteen-scalars.c:36:3: note: suspend point 10 holds 'r' at 0 (4 bytes), 'v9' at 4 (4 bytes), frame of 'ca_yield' at 8 (1 bytes)
// CHECK: p6-sixteen-scalars.c:39:3: note: suspend point 11 holds 'r' at 0 (4 bytes), 'v10' at 4 (4 bytes), frame of 'ca_yield' at 8 (1 bytes)
// CHECK: p6-sixteen-scalars.c:42:3: note: suspend point 12 holds 'r' at 0 (4 bytes), 'v11' at 4 (4 bytes), frame of 'ca_yield' at 8 (1 bytes)
// CHECK: p6-sixteen-scalars.c:45:3: note: suspend point 13 holds 'r' at 0 (4 bytes), 'v12' at 4 (4 bytes), frame of 'ca_yield' at 8 (1 bytes)
// CHECK: p6-sixteen-scalars.c:48:3: note: suspend point 14 holds 'r' at 0 (4 bytes), 'v13' at 4 (4 bytes), frame of 'ca_yield' at 8 (1 bytes)
// CHECK: p6-sixteen-scalars.c:51:3: note: suspend point 15 holds 'r' at 0 (4 bytes), 'v14' at 4 (4 bytes), frame of 'ca_yield' at 8 (1 bytes)
// CHECK: p6-sixteen-scalars.c:54:3: note: suspend point 16 holds 'r' at 0 (4 bytes), 'v15' at 4 (4 bytes), frame of 'ca_yield' at 8 (1 bytes)
