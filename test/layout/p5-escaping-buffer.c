// A buffer whose address escapes is kept while its block is open, even when its value is not read after the await.
// RUN: %cawait-cc -fsyntax-only -Rremark-backend-plugin -fplugin-arg-cawait-frame-report %s 2>&1 | FileCheck %s
#include <cawait.h>

long sum(const char *p);
async long f(void) {
  char buf[4096];
  long s = sum(buf);
  await(ca_yield());
  return s;
}

// CHECK: p5-escaping-buffer.c:6:12: remark: frame of 'f': 4112 bytes (lower bound 4106, without overlap 4112), align 8
// CHECK: p5-escaping-buffer.c:6:12: note: unresumed holds nothing
// CHECK: p5-escaping-buffer.c:9:3: note: suspend point 1 holds 'buf' at 0 (4096 bytes), 's' at 4096 (8 bytes), frame of 'ca_yield' at 4104 (1 bytes)
