// The lowering of an awaited ca_select: its storage (ca__combinator head
// and the branch frames, checked against the C compiler), one waker per
// branch, branches started lazily in order in the first pass (ca__fresh)
// and afterwards polled only when woken, the winner dropping the branches
// still running and doing only its own assignment, and drop dropping every
// running branch, last first.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-emit=%t.c %s
// RUN: grep -v -e '^//' -e '^#line' %t.c | FileCheck %s
#include <cawait.h>

async int f(int x) {
  await(ca_yield());
  return x;
}

async int race(int n) {
  int a = 0;
  int k = await(ca_select(a = f(n), ca_sleep_ms(10)));
  return k + a;
}
// CHECK-LABEL: struct race__ca__aw1 {
// CHECK-NEXT:   ca__combinator ca__h;
// CHECK-NEXT:   const ca_wake_ops *ca__w[2];
// CHECK-NEXT:   struct f__frame ca__b0;
// CHECK-NEXT:   struct ca_sleep_ms__frame ca__b1;
// CHECK-NEXT: };
// CHECK-NEXT: _Static_assert(sizeof(struct race__ca__aw1) == 72, "cawait: layout of a combinator of 'race' disagrees with the C compiler");
// CHECK-NEXT: _Static_assert(__builtin_offsetof(struct race__ca__aw1, ca__b0) == 32, "cawait: layout of a combinator of 'race' disagrees with the C compiler");
// CHECK-NEXT: _Static_assert(__builtin_offsetof(struct race__ca__aw1, ca__b1) == 40, "cawait: layout of a combinator of 'race' disagrees with the C compiler");
// CHECK-NEXT: static void race__ca__wake1_0__fn(ca_waker ca__w) { ca__branch_woken(ca__w, __builtin_offsetof(struct race__ca__aw1, ca__w[0]), 0); }
// CHECK-NEXT: static const ca_wake_ops race__ca__wake1_0 = {race__ca__wake1_0__fn};
// CHECK-NEXT: static void race__ca__wake1_1__fn(ca_waker ca__w) { ca__branch_woken(ca__w, __builtin_offsetof(struct race__ca__aw1, ca__w[1]), 1); }
// CHECK-NEXT: static const ca_wake_ops race__ca__wake1_1 = {race__ca__wake1_1__fn};
// CHECK-NEXT: struct race__frame {
// CHECK-NEXT:   __extension__ union {
// CHECK-NEXT:     struct { struct race__ca__aw1 ca__aw1; }; /* offset 0 */
// CHECK-NEXT:     struct { unsigned char ca__pad_n[72]; int n; }; /* offset 72 */
// CHECK-NEXT:     struct { unsigned char ca__pad_a[76]; int a; }; /* offset 76 */
// CHECK-NEXT:     struct { unsigned char ca__pad_ca__state[80]; unsigned char ca__state; }; /* offset 80 */
// CHECK-NEXT:   };
// CHECK-NEXT: };
// CHECK-NEXT: _Static_assert(sizeof(struct race__frame) == 88, "cawait: layout of the frame of 'race' disagrees with the C compiler");
// CHECK-NEXT: _Static_assert(__builtin_offsetof(struct race__frame, ca__aw1) == 0, "cawait: layout of the frame of 'race' disagrees with the C compiler");
// CHECK-NEXT: _Static_assert(__builtin_offsetof(struct race__frame, n) == 72, "cawait: layout of the frame of 'race' disagrees with the C compiler");
// CHECK-NEXT: _Static_assert(__builtin_offsetof(struct race__frame, a) == 76, "cawait: layout of the frame of 'race' disagrees with the C compiler");
// CHECK-NEXT: _Static_assert(__builtin_offsetof(struct race__frame, ca__state) == 80, "cawait: layout of the frame of 'race' disagrees with the C compiler");
// CHECK-NEXT: void race__init(struct race__frame *ca__f, int n) {
// CHECK-NEXT:   ca__f->n = n;
// CHECK-NEXT:   ca__f->ca__state = 0;
// CHECK-NEXT: }
// CHECK-NEXT: ca_poll race__poll(struct race__frame *ca__f, ca_context *ca__cx, int *ca__out) {
// CHECK-NEXT:   (void)ca__cx;
// CHECK-NEXT:   (void)ca__out;
// CHECK-NEXT:   int ca__r1 CA__NODEBUG __attribute__((unused));
// CHECK-NEXT:   int ca__r1_0 CA__NODEBUG;
// CHECK-NEXT:   unsigned char ca__fresh CA__NODEBUG = 0;
// CHECK-NEXT:   if (__builtin_expect(ca__f->ca__state != 0, 1))
// CHECK-NEXT:     switch (ca__f->ca__state) {
// CHECK-NEXT:     case 1:
// CHECK-NEXT:       goto ca__resume1;
// CHECK-NEXT:     default:
// CHECK-NEXT:       ca__poll_after_done("race");
// CHECK-NEXT:     }
// CHECK-NEXT:   int n = ca__f->n;
// CHECK-NEXT:   {
// CHECK-NEXT:     int a = 0;
// CHECK-NEXT:     ca__f->ca__aw1.ca__h.pending = 0;
// CHECK-NEXT:     ca__f->ca__aw1.ca__h.woken = 0;
// CHECK-NEXT:     ca__fresh = 1;
// CHECK-NEXT:     ca__f->ca__state = 1;
// CHECK-NEXT:     if (0) {
// CHECK-NEXT: ca__resume1:
// CHECK-NEXT:       n = ca__f->n;
// CHECK-NEXT:       a = ca__f->a;
// CHECK-NEXT:     }
// CHECK-NEXT:     ca__f->ca__aw1.ca__h.parent = ca__cx->waker;
// CHECK-NEXT:     {
// CHECK-NEXT:       ca_context ca__bcx CA__NODEBUG;
// CHECK-NEXT:       if (ca__fresh) {
// CHECK-NEXT:         f__init(&ca__f->ca__aw1.ca__b0, n);
// CHECK-NEXT:         ca__f->ca__aw1.ca__h.pending |= 1u;
// CHECK-NEXT:         ca__f->ca__aw1.ca__w[0] = &race__ca__wake1_0;
// CHECK-NEXT:       }
// CHECK-NEXT:       if (ca__f->ca__aw1.ca__h.pending & (ca__fresh ? 1u : ca__f->ca__aw1.ca__h.woken & 1u)) {
// CHECK-NEXT:         ca__f->ca__aw1.ca__h.woken &= ~1u;
// CHECK-NEXT:         ca__bcx.waker = &ca__f->ca__aw1.ca__w[0];
// CHECK-NEXT:         if (f__poll(&ca__f->ca__aw1.ca__b0, &ca__bcx, &ca__r1_0) == CA_READY) {
// CHECK-NEXT:           ca__f->ca__aw1.ca__h.pending &= ~1u;
// CHECK-NEXT:           if (ca__f->ca__aw1.ca__h.pending & 2u) ca_sleep_ms__drop(&ca__f->ca__aw1.ca__b1);
// CHECK-NEXT:           ca__r1 = 0;
// CHECK-NEXT:           a = ca__r1_0;
// CHECK-NEXT:           goto ca__done1;
// CHECK-NEXT:         }
// CHECK-NEXT:       }
// CHECK-NEXT:       if (ca__fresh) {
// CHECK-NEXT:         ca_sleep_ms__init(&ca__f->ca__aw1.ca__b1, 10);
// CHECK-NEXT:         ca__f->ca__aw1.ca__h.pending |= 2u;
// CHECK-NEXT:         ca__f->ca__aw1.ca__w[1] = &race__ca__wake1_1;
// CHECK-NEXT:       }
// CHECK-NEXT:       if (ca__f->ca__aw1.ca__h.pending & (ca__fresh ? 2u : ca__f->ca__aw1.ca__h.woken & 2u)) {
// CHECK-NEXT:         ca__f->ca__aw1.ca__h.woken &= ~2u;
// CHECK-NEXT:         ca__bcx.waker = &ca__f->ca__aw1.ca__w[1];
// CHECK-NEXT:         if (ca_sleep_ms__poll(&ca__f->ca__aw1.ca__b1, &ca__bcx, (void *)0) == CA_READY) {
// CHECK-NEXT:           ca__f->ca__aw1.ca__h.pending &= ~2u;
// CHECK-NEXT:           if (ca__f->ca__aw1.ca__h.pending & 1u) f__drop(&ca__f->ca__aw1.ca__b0);
// CHECK-NEXT:           ca__r1 = 1;
// CHECK-NEXT:           goto ca__done1;
// CHECK-NEXT:         }
// CHECK-NEXT:       }
// CHECK-NEXT:     }
// CHECK-NEXT:     {
// CHECK-NEXT:       ca__f->a = a;
// CHECK-NEXT:       return CA_PENDING;
// CHECK-NEXT:     }
// CHECK-NEXT: ca__done1:
// CHECK-NEXT:     ;
// CHECK-NEXT:     int k = ca__r1;
// CHECK-NEXT:     {
// CHECK-NEXT:       *ca__out = k + a;
// CHECK-NEXT:       ca__f->ca__state = 2;
// CHECK-NEXT:       return CA_READY;
// CHECK-NEXT:     }
// CHECK-NEXT:   }
// CHECK-NEXT:   ca__f->ca__state = 2;
// CHECK-NEXT:   return CA_READY;
// CHECK-NEXT: }
// CHECK-NEXT: void race__drop(struct race__frame *ca__f) {
// CHECK-NEXT:   switch (ca__f->ca__state) {
// CHECK-NEXT:   case 1:
// CHECK-NEXT:     if (ca__f->ca__aw1.ca__h.pending & 2u)
// CHECK-NEXT:       ca_sleep_ms__drop(&ca__f->ca__aw1.ca__b1);
// CHECK-NEXT:     if (ca__f->ca__aw1.ca__h.pending & 1u)
// CHECK-NEXT:       f__drop(&ca__f->ca__aw1.ca__b0);
// CHECK-NEXT:     break;
// CHECK-NEXT:   default:
// CHECK-NEXT:     break;
// CHECK-NEXT:   }
// CHECK-NEXT:   ca__f->ca__state = 2;
// CHECK-NEXT: }
