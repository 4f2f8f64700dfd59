// A value kept around a backward goto across an await is held; one dead after the goto is not.
// RUN: %cawait-cc -fsyntax-only -Rremark-backend-plugin -fplugin-arg-cawait-frame-report %s 2>&1 | FileCheck %s
#include <cawait.h>

int g(int);
async int f(int n) {
  int count = 0;
again:
  count += g(count);
  await(ca_yield());
  if (count < n)
    goto again;
  int tail = g(count);
  return tail;
}

// CHECK: goto-loop.c:6:11: remark: frame of 'f': 12 bytes (lower bound 10, without overlap 12), align 4
// CHECK: goto-loop.c:6:11: note: unresumed holds 'n' at 0 (4 bytes)
// CHECK: goto-loop.c:10:3: note: suspend point 1 holds 'n' at 0 (4 bytes), 'count' at 4 (4 bytes), frame of 'ca_yield' at 8 (1 bytes)
