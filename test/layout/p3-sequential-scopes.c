// Two sequential scopes, 4 KiB each across an await: the buffers share bytes.
// RUN: %cawait-cc -fsyntax-only -Rremark-backend-plugin -fplugin-arg-cawait-frame-report %s 2>&1 | FileCheck %s
#include <cawait.h>

void fill(char *p);
async int f(void) {
  int r = 0;
  {
    char a[4096];
    fill(a);
    await(ca_yield());
    r += a[1];
  }
  {
    char b[4096];
    fill(b);
    await(ca_yield());
    r += b[2];
  }
  return r;
}

// CHECK: p3-sequential-scopes.c:6:11: remark: frame of 'f': 4104 bytes (lower bound 4102, without overlap 8200), align 4
// CHECK: p3-sequential-scopes.c:6:11: note: unresumed holds nothing
// CHECK: p3-sequential-scopes.c:11:5: note: suspend point 1 holds 'r' at 4096 (4 bytes), 'a' at 0 (4096 bytes), frame of 'ca_yield' at 4100 (1 bytes)
// CHECK: p3-sequential-scopes.c:17:5: note: suspend point 2 holds 'r' at 4096 (4 bytes), 'b' at 0 (4096 bytes), frame of 'ca_yield' at 4100 (1 bytes)
