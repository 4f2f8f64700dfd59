// Slots that never interfere share bytes: the buffers of two sequential
// blocks sit at the same offset, each sub-frame overlaps what is not held
// across its own await, the state has bytes of its own.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=layout %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

void fill(char *p);
async int inner(int x) {
  char big[100];
  fill(big);
  await(ca_yield());
  return big[x];
}

async int scopes(void) {
  int r = 0;
  {
    char a[64];
    fill(a);
    await(ca_yield());
    r += a[1];
  }
  {
    char b[48];
    fill(b);
    r += await(inner(b[2]));
    r += b[3];
  }
  return r;
}

// CHECK:      === layout
// CHECK-NEXT: async 'inner' at [[FILE]]:8:11: size 108, align 4, lower bound 106, without overlap 108
// CHECK-NEXT:   x: offset 100, size 4, align 4
// CHECK-NEXT:   big: offset 0, size 100, align 1
// CHECK-NEXT:   await 1 frame of 'ca_yield': offset 104, size 1, align 1
// CHECK-NEXT:   state: offset 105, size 1, align 1
// CHECK-NEXT: async 'scopes' at [[FILE]]:15:11: size 164, align 4, lower bound 161, without overlap 228
// CHECK-NEXT:   r: offset 156, size 4, align 4
// CHECK-NEXT:   a: offset 0, size 64, align 1
// CHECK-NEXT:   b: offset 108, size 48, align 1
// CHECK-NEXT:   await 1 frame of 'ca_yield': offset 64, size 1, align 1
// CHECK-NEXT:   await 2 frame of 'inner': offset 0, size 108, align 4
// CHECK-NEXT:   state: offset 160, size 1, align 1
// CHECK-EMPTY:
