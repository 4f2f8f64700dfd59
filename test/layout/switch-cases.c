// Locals of different switch cases, each across its own await, share bytes.
// RUN: %cawait-cc -fsyntax-only -Rremark-backend-plugin -fplugin-arg-cawait-frame-report %s 2>&1 | FileCheck %s
#include <cawait.h>

double g(int);
async double f(int k) {
  switch (k) {
  case 0: {
    double d = g(0);
    await(ca_yield());
    return d;
  }
  case 1: {
    long l = (long)g(1);
    await(ca_yield());
    return (double)l;
  }
  default: {
    char c = (char)g(2);
    await(ca_yield());
    return c;
  }
  }
}

// CHECK: switch-cases.c:6:14: remark: frame of 'f': 16 bytes (lower bound 10, without overlap 32), align 8
// CHECK: switch-cases.c:6:14: note: unresumed holds 'k' at 0 (4 bytes)
// CHECK: switch-cases.c:10:5: note: suspend point 1 holds 'd' at 0 (8 bytes), frame of 'ca_yield' at 8 (1 bytes)
// CHECK: switch-cases.c:15:5: note: suspend point 2 holds 'l' at 0 (8 bytes), frame of 'ca_yield' at 8 (1 bytes)
// CHECK: switch-cases.c:20:5: note: suspend point 3 holds 'c' at 0 (1 bytes), frame of 'ca_yield' at 1 (1 bytes)
