// An await through an async function pointer keeps, as its sub-frame, the
// pointer type's budget in place (aligned for any type, then the pointer
// to the callee's operations) or, boxed, two pointers.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=layout %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

typedef async_budget(40) int op_fn(int x);

async int through(op_fn *op) {
  int y = await(op(1));
  return y + await(ca_boxed(op(y)));
}

// 40 bytes, then the operations pointer at 40: 48 (a multiple of 16).
// Boxed: the frame pointer and the operations pointer.
// CHECK:      === layout
// CHECK-NEXT: async 'through' at [[FILE]]:9:11: size 64, align 16, lower bound 57, without overlap 80
// CHECK-NEXT:   op: offset 48, size 8, align 8
// CHECK-NEXT:   y: offset 16, size 4, align 4
// CHECK-NEXT:   await 1 in-place budget of 'op': offset 0, size 48, align 16
// CHECK-NEXT:   await 2 boxed call through 'op': offset 0, size 16, align 8
// CHECK-NEXT:   state: offset 56, size 1, align 1
// CHECK-EMPTY:
