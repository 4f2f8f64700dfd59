// `a` held across two awaits, then `b` across a third: they never meet and share bytes (rustc keeps both).
// RUN: %cawait-cc -fsyntax-only -Rremark-backend-plugin -fplugin-arg-cawait-frame-report %s 2>&1 | FileCheck %s
#include <cawait.h>

struct big { char b[4096]; };
struct big make(int);
async int f(int n) {
  struct big a = make(n);
  await(ca_yield());
  await(ca_yield());
  int r = a.b[1];
  struct big b = make(r);
  await(ca_yield());
  return b.b[2];
}

// CHECK: p4-live-across-two.c:7:11: remark: frame of 'f': 4100 bytes (lower bound 4098, without overlap 8200), align 4
// CHECK: p4-live-across-two.c:7:11: note: unresumed holds 'n' at 0 (4 bytes)
// CHECK: p4-live-across-two.c:9:3: note: suspend point 1 holds 'a' at 0 (4096 bytes), frame of 'ca_yield' at 4096 (1 bytes)
// CHECK: p4-live-across-two.c:10:3: note: suspend point 2 holds 'a' at 0 (4096 bytes), frame of 'ca_yield' at 4096 (1 bytes)
// CHECK: p4-live-across-two.c:13:3: note: suspend point 3 holds 'b' at 0 (4096 bytes), frame of 'ca_yield' at 4096 (1 bytes)
