// Parameters read only before the first await share bytes with what is held later.
// RUN: %cawait-cc -fsyntax-only -Rremark-backend-plugin -fplugin-arg-cawait-frame-report %s 2>&1 | FileCheck %s
#include <cawait.h>

int g(int);
async long f(int a, int b) {
  long s = (long)g(a) * g(b);
  await(ca_yield());
  long t = s * 3;
  await(ca_yield());
  return t;
}

// CHECK: param-dead-after-start.c:6:12: remark: frame of 'f': 16 bytes (lower bound 10, without overlap 32), align 8
// CHECK: param-dead-after-start.c:6:12: note: unresumed holds 'a' at 0 (4 bytes), 'b' at 4 (4 bytes)
// CHECK: param-dead-after-start.c:8:3: note: suspend point 1 holds 's' at 0 (8 bytes), frame of 'ca_yield' at 8 (1 bytes)
// CHECK: param-dead-after-start.c:10:3: note: suspend point 2 holds 't' at 0 (8 bytes), frame of 'ca_yield' at 8 (1 bytes)
