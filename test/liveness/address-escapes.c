// A local whose address escapes is held at every await of its block, even
// when its value is never read again (the pointer may be), and not after
// the block ends; a compound literal likewise. The same local held for
// its value is not marked as escaping.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=liveness %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

void keep(int *p);
void use(const int *p);

async int escapes(void) {
  int r = 0;
  {
    int box = 1;
    keep(&box);
    await(ca_yield());
  }
  await(ca_yield());
  {
    int kept = 2;
    keep(&kept);
    await(ca_yield());
    r += kept;
  }
  {
    use((int[]){1, 2, 3});
    await(ca_yield());
  }
  return r;
}

// CHECK:      === liveness
// CHECK-NEXT: async 'escapes' at [[FILE]]:11:11
// CHECK-NEXT:   saved r at [[FILE]]:12:7: local
// CHECK-NEXT:   saved box at [[FILE]]:14:9: local, address escapes
// CHECK-NEXT:   saved kept at [[FILE]]:20:9: local
// CHECK-NEXT:   saved ca__literal1 at [[FILE]]:26:9: compound literal, address escapes
// CHECK-NEXT:   init stores: nothing
// CHECK-NEXT:   in locals: r
// CHECK-NEXT:   state 1 at [[FILE]]:16:5 holds: box r
// CHECK-NEXT:   state 2 at [[FILE]]:18:3 holds: r
// CHECK-NEXT:   state 3 at [[FILE]]:22:5 holds: kept r
// CHECK-NEXT:   state 4 at [[FILE]]:27:5 holds: ca__literal1 r
// CHECK-NEXT:   interference: box-r ca__literal1-r kept-r
// CHECK-EMPTY:
