// The frame ABI of an async function: struct, init storing the parameters,
// poll with a dispatch switch jumping to each suspend point, drop dropping
// the awaited sub-frame. Only the variables needed after a suspension are
// frame fields.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-emit=%t.c %s
// The lowered file repeats these comments, and maps every line with #line:
// drop both before checking.
// RUN: grep -v -e '^//' -e '^#line' %t.c | FileCheck %s
#include <cawait.h>

async int inner(int x) {
  int scratch = x * 2;         // dead before the await: a poll local
  int kept = scratch + 1;      // read after the await: a frame field
  await(ca_yield());
  return kept;
}

async int outer(void) {
  int a = await(inner(1));
  int b = await(inner(a));
  return a + b;
}

// CHECK-LABEL: struct inner__frame {
// CHECK-NEXT:    int x; /* offset 0 */
// CHECK-NEXT:    int kept; /* offset 4 */
// CHECK-NEXT:    union { struct ca_yield__frame a1; } ca__aw; /* offset 8 */
// CHECK-NEXT:    unsigned char ca__state; /* offset 9 */
// CHECK-NEXT:  };
// CHECK-NEXT:  _Static_assert(sizeof(struct inner__frame) == 12,
// CHECK-LABEL: void inner__init(struct inner__frame *ca__f, int x) {
// CHECK-NEXT:    ca__f->x = x;
// CHECK-NEXT:    ca__f->ca__state = 0;
// CHECK-LABEL: ca_poll inner__poll(struct inner__frame *ca__f, ca_context *ca__cx, int *ca__out) {
// CHECK:         switch (ca__f->ca__state) {
// CHECK-NEXT:    case 0:
// CHECK-NEXT:      break;
// CHECK-NEXT:    case 1:
// CHECK-NEXT:      goto ca__resume1;
// CHECK-NEXT:    default:
// CHECK-NEXT:      ca__poll_after_done("inner");
// CHECK:         int scratch = ca__f->x * 2;
// CHECK-NEXT:    ca__f->kept = scratch + 1;
// CHECK-NEXT:    ca_yield__init(&ca__f->ca__aw.a1);
// CHECK-NEXT:    ca__f->ca__state = 1;
// CHECK-NEXT:  ca__resume1:
// CHECK-NEXT:    if (ca_yield__poll(&ca__f->ca__aw.a1, ca__cx, (void *)0) == CA_PENDING)
// CHECK-NEXT:      return CA_PENDING;
// CHECK:         *ca__out = ca__f->kept;
// CHECK-NEXT:    ca__f->ca__state = 2;
// CHECK-NEXT:    return CA_READY;
// CHECK-LABEL: void inner__drop(struct inner__frame *ca__f) {
// CHECK:         case 1:
// CHECK-NEXT:      ca_yield__drop(&ca__f->ca__aw.a1);

// The caller embeds one sub-frame per await, overlapped in a union; `a` is
// needed after the second await, `b` is not a field.
// CHECK-LABEL: struct outer__frame {
// CHECK-NEXT:    int a; /* offset 0 */
// CHECK-NEXT:    union { struct inner__frame a1; struct inner__frame a2; } ca__aw; /* offset 4 */
// CHECK-NEXT:    unsigned char ca__state; /* offset 16 */
// CHECK-NEXT:  };
// CHECK-LABEL: ca_poll outer__poll(
// CHECK:         inner__init(&ca__f->ca__aw.a1, 1);
// CHECK:         if (inner__poll(&ca__f->ca__aw.a1, ca__cx, &ca__r1) == CA_PENDING)
// CHECK:         ca__f->a = ca__r1;
// CHECK:         inner__init(&ca__f->ca__aw.a2, ca__f->a);
// CHECK:         int b = ca__r2;
// CHECK:         *ca__out = ca__f->a + b;
