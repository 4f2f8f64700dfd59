// Buffers of two sequential blocks are each held across their own block's
// await only, and never interfere: they may share bytes.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=liveness %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

void fill(char *p);
async int scopes(void) {
  int r = 0;
  {
    char a[64];
    fill(a);
    await(ca_yield());
    r += a[1];
  }
  {
    char b[64];
    fill(b);
    await(ca_yield());
    r += b[2];
  }
  return r;
}

// CHECK:      === liveness
// CHECK-NEXT: async 'scopes' at [[FILE]]:7:11
// CHECK-NEXT:   saved r at [[FILE]]:8:7: local
// CHECK-NEXT:   saved a at [[FILE]]:10:10: local
// CHECK-NEXT:   saved b at [[FILE]]:16:10: local
// CHECK-NEXT:   init stores: nothing
// CHECK-NEXT:   in locals: r
// CHECK-NEXT:   state 1 at [[FILE]]:12:5 holds: a r
// CHECK-NEXT:   state 2 at [[FILE]]:18:5 holds: b r
// CHECK-NEXT:   interference: a-r b-r
// CHECK-EMPTY:
