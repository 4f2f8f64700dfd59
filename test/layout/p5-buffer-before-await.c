// A 4 KiB buffer passed by pointer in a block that ends before the await is not in the frame; only the 8-byte result is.
// RUN: %cawait-cc -fsyntax-only -Rremark-backend-plugin -fplugin-arg-cawait-frame-report %s 2>&1 | FileCheck %s
#include <cawait.h>

long sum(const char *p);
async long f(void) {
  long s;
  {
    char buf[4096];
    s = sum(buf);
  }
  await(ca_yield());
  return s;
}

// CHECK: p5-buffer-before-await.c:6:12: remark: frame of 'f': 16 bytes (lower bound 10, without overlap 16), align 8
// CHECK: p5-buffer-before-await.c:6:12: note: unresumed holds nothing
// CHECK: p5-buffer-before-await.c:12:3: note: suspend point 1 holds 's' at 0 (8 bytes), frame of 'ca_yield' at 8 (1 bytes)
