// The frame ABI of an async function: struct, init storing the parameters,
// poll with a dispatch switch jumping to each suspend point, drop dropping
// the awaited sub-frame. Only the variables needed after a suspension are
// frame fields; poll keeps them in locals of their own names, written to
// their fields before each await and read back after it (and at the
// resume label, for debuggers).
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

// x is dead once `kept` is written: they share bytes.
// CHECK-LABEL: struct inner__frame {
// CHECK-NEXT:    __extension__ union {
// CHECK-NEXT:      struct { int x; }; /* offset 0 */
// CHECK-NEXT:      struct { int kept; }; /* offset 0 */
// CHECK-NEXT:      struct { unsigned char ca__pad_ca__aw1[4]; struct ca_yield__frame ca__aw1; }; /* offset 4 */
// CHECK-NEXT:      struct { unsigned char ca__pad_ca__state[5]; unsigned char ca__state; }; /* offset 5 */
// CHECK-NEXT:    };
// CHECK-NEXT:  };
// CHECK-NEXT:  _Static_assert(sizeof(struct inner__frame) == 8,
// CHECK-NEXT:  _Static_assert(__builtin_offsetof(struct inner__frame, x) == 0,
// CHECK-NEXT:  _Static_assert(__builtin_offsetof(struct inner__frame, kept) == 0,
// CHECK-NEXT:  _Static_assert(__builtin_offsetof(struct inner__frame, ca__aw1) == 4,
// CHECK-NEXT:  _Static_assert(__builtin_offsetof(struct inner__frame, ca__state) == 5,
// CHECK-LABEL: void inner__init(struct inner__frame *ca__f, int x) {
// CHECK-NEXT:    ca__f->x = x;
// CHECK-NEXT:    ca__f->ca__state = 0;
// CHECK-LABEL: ca_poll inner__poll(struct inner__frame *ca__f, ca_context *ca__cx, int *ca__out) {
// CHECK:         if (__builtin_expect(ca__f->ca__state != 0, 1))
// CHECK-NEXT:      switch (ca__f->ca__state) {
// CHECK-NEXT:      case 1:
// CHECK-NEXT:        goto ca__resume1;
// CHECK-NEXT:      default:
// CHECK-NEXT:        ca__poll_after_done("inner");
// CHECK-NEXT:      }
// CHECK-NEXT:    int x = ca__f->x;
// CHECK-NEXT:    {
// CHECK-NEXT:    int scratch = x * 2;
// CHECK-NEXT:    int kept = scratch + 1;
// CHECK-NEXT:    ca__f->kept = kept;
// CHECK-NEXT:    ca_yield__init(&ca__f->ca__aw1);
// CHECK-NEXT:    ca__f->ca__state = 1;
// CHECK-NEXT:    if (0) {
// CHECK-NEXT:  ca__resume1:
// CHECK-NEXT:      kept = ca__f->kept;
// CHECK-NEXT:    }
// CHECK-NEXT:    if (ca_yield__poll(&ca__f->ca__aw1, ca__cx, (void *)0) == CA_PENDING)
// CHECK-NEXT:      return CA_PENDING;
// CHECK-NEXT:    kept = ca__f->kept;
// CHECK:         *ca__out = kept;
// CHECK-NEXT:    ca__f->ca__state = 2;
// CHECK-NEXT:    return CA_READY;
// CHECK-LABEL: void inner__drop(struct inner__frame *ca__f) {
// CHECK:         case 1:
// CHECK-NEXT:      ca_yield__drop(&ca__f->ca__aw1);

// The caller embeds one sub-frame per await; the two never meet and share
// bytes. `a` is held across the second await only: it may not overlap that
// sub-frame. `b` is not a field.
// CHECK-LABEL: struct outer__frame {
// CHECK-NEXT:    __extension__ union {
// CHECK-NEXT:      struct { struct inner__frame ca__aw1; }; /* offset 0 */
// CHECK-NEXT:      struct { struct inner__frame ca__aw2; }; /* offset 0 */
// CHECK-NEXT:      struct { unsigned char ca__pad_a[8]; int a; }; /* offset 8 */
// CHECK-NEXT:      struct { unsigned char ca__pad_ca__state[12]; unsigned char ca__state; }; /* offset 12 */
// CHECK-NEXT:    };
// CHECK-NEXT:  };
// CHECK-NEXT:  _Static_assert(sizeof(struct outer__frame) == 16,
// CHECK-LABEL: ca_poll outer__poll(
// CHECK:         inner__init(&ca__f->ca__aw1, 1);
// CHECK:         if (inner__poll(&ca__f->ca__aw1, ca__cx, &ca__r1) == CA_PENDING)
// CHECK:         int a = ca__r1;
// CHECK-NEXT:    ca__f->a = a;
// CHECK-NEXT:    inner__init(&ca__f->ca__aw2, a);
// CHECK:         if (inner__poll(&ca__f->ca__aw2, ca__cx, &ca__r2) == CA_PENDING)
// CHECK-NEXT:      return CA_PENDING;
// CHECK-NEXT:    a = ca__f->a;
// CHECK:         int b = ca__r2;
// CHECK:         *ca__out = a + b;
