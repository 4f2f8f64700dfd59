// One await with nothing live: the frame is the state byte plus the awaited frame.
// RUN: %cawait-cc -fsyntax-only -Rremark-backend-plugin -fplugin-arg-cawait-frame-report %s 2>&1 | FileCheck %s
#include <cawait.h>

async int f(void) {
  await(ca_yield());
  return 1;
}

// CHECK: p0-nothing-live.c:5:11: remark: frame of 'f': 2 bytes (lower bound 2, without overlap 2), align 1
// CHECK: p0-nothing-live.c:5:11: note: unresumed holds nothing
// CHECK: p0-nothing-live.c:6:3: note: suspend point 1 holds frame of 'ca_yield' at 0 (1 bytes)
