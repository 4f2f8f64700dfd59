// An await of a function that never suspends embeds no frame: the caller
// keeps slots only for its real suspend points, and the callee's own
// frame (used by block_on, spawn and pointers) has no sub-frame at all.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=layout %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

async long add(long a, long b) {
  long s = a + b;
  return s;
}

async long caller(long x) {
  long y = await(add(x, 1));
  await(ca_yield());
  return await(add(y, 2));
}

// CHECK:      === layout
// CHECK-NEXT: async 'add' at [[FILE]]:7:12: size 24, align 8, lower bound 17, without overlap 24
// CHECK-NEXT:   a: offset 0, size 8, align 8
// CHECK-NEXT:   b: offset 8, size 8, align 8
// CHECK-NEXT:   state: offset 16, size 1, align 1
// CHECK-NEXT: async 'caller' at [[FILE]]:12:12: size 16, align 8, lower bound 10, without overlap 24
// CHECK-NEXT:   x: offset 0, size 8, align 8
// CHECK-NEXT:   y: offset 0, size 8, align 8
// CHECK-NEXT:   await 1 frame of 'ca_yield': offset 8, size 1, align 1
// CHECK-NEXT:   state: offset 9, size 1, align 1
// CHECK-EMPTY:
