// Locals whose address escapes are held for their whole block: nested
// blocks' buffers never share bytes, a later sequential block's buffer
// shares the first one's, and each await's sub-frame sits beside what is
// open there.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=liveness,layout %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

void keep(char *p);
async int esc(void) {
  {
    char outer[32];
    keep(outer);
    {
      char inner[16];
      keep(inner);
      await(ca_yield());
    }
    await(ca_yield());
  }
  {
    char later[32];
    keep(later);
    await(ca_yield());
  }
  return 0;
}

// CHECK:      === liveness
// CHECK-NEXT: async 'esc' at [[FILE]]:9:11
// CHECK-NEXT:   saved outer at [[FILE]]:11:10: local, address escapes
// CHECK-NEXT:   saved inner at [[FILE]]:14:12: local, address escapes
// CHECK-NEXT:   saved later at [[FILE]]:21:10: local, address escapes
// CHECK-NEXT:   init stores: nothing
// CHECK-NEXT:   in locals: nothing
// CHECK-NEXT:   state 1 at [[FILE]]:16:7 holds: inner outer
// CHECK-NEXT:   state 2 at [[FILE]]:18:5 holds: outer
// CHECK-NEXT:   state 3 at [[FILE]]:23:5 holds: later
// CHECK-NEXT:   interference: inner-outer
// CHECK-NEXT: === layout
// CHECK-NEXT: async 'esc' at [[FILE]]:9:11: size 50, align 1, lower bound 50, without overlap 84
// CHECK-NEXT:   outer: offset 0, size 32, align 1
// CHECK-NEXT:   inner: offset 32, size 16, align 1
// CHECK-NEXT:   later: offset 0, size 32, align 1
// CHECK-NEXT:   await 1 frame of 'ca_yield': offset 48, size 1, align 1
// CHECK-NEXT:   await 2 frame of 'ca_yield': offset 32, size 1, align 1
// CHECK-NEXT:   await 3 frame of 'ca_yield': offset 32, size 1, align 1
// CHECK-NEXT:   state: offset 49, size 1, align 1
// CHECK-EMPTY:
