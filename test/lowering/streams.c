// Async generators (streams): a ca_for_await is a suspend point of the
// consumer at the loop's condition. Each pass records the state, stores
// what the point holds in locals of poll (s, not the loop's variable,
// which the poll writes), resumes before the poll (loading them back,
// unoptimized only before it), returns CA_PENDING while the stream waits,
// and breaks out when it has no item; the stream's frame is a slot of the
// consumer's frame, dropped after the loop (and on every way out) and by
// the consumer's f__drop in every state inside the loop, after what the
// body holds and before the consumer's own cleanups. A stream's poll
// returns CA_PENDING at its awaits and CA_ITEM at its yields.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-emit=%t.c %s
// RUN: grep -v -e '^//' -e '^#line' %t.c | FileCheck %s
#include <cawait.h>

static void release(int *p) { (void)p; }

async gen int ticks(int n) {
  for (int i = 0; i < n; i++) {
    await(ca_yield());
    yield(i);
  }
}

async gen long evens(int n) {
  __attribute__((cleanup(release))) int guard = n;
  ca_for_await (int x, ticks(n))
    if (x % 2 == 0)
      yield(x);
}

async int sum(int n) {
  int s = 0;
  ca_for_await (long v, evens(n)) {
    if (v > 4)
      break;
    s += (int)v;
  }
  return s;
}

// CHECK-LABEL: static ca_poll ticks__poll(struct ticks__frame *ca__f, ca_context *ca__cx, int *ca__out) {
// CHECK:             if (ca_yield__poll(&ca__f->ca__aw1, ca__cx, (void *)0) == CA_PENDING)
// CHECK-NEXT:          return CA_PENDING;
// CHECK-NEXT:        n = ca__f->n;
// CHECK-NEXT:        i = ca__f->i;
// CHECK-NEXT:        *ca__out = i;
// CHECK-NEXT:        ca__f->ca__state = 2;
// CHECK-NEXT:        ca__f->i = i;
// CHECK-NEXT:        return CA_ITEM;
// CHECK-NEXT: ca__resume2:

// CHECK-LABEL: struct evens__frame {
// CHECK-NEXT:   __extension__ union {
// CHECK-NEXT:     struct { int n; }; /* offset 0 */
// CHECK-NEXT:     struct { struct ticks__frame ca__gen1; }; /* offset 0 */
// CHECK-NEXT:     struct { unsigned char ca__pad_guard[12]; int guard; }; /* offset 12 */
// CHECK-NEXT:     struct { unsigned char ca__pad_ca__state[16]; unsigned char ca__state; }; /* offset 16 */
// CHECK-NEXT:   };
// CHECK-NEXT: };

// CHECK-LABEL: static ca_poll evens__poll(struct evens__frame *ca__f, ca_context *ca__cx, long *ca__out) {
// CHECK-NEXT:   (void)ca__cx;
// CHECK-NEXT:   (void)ca__out;
// CHECK-NEXT:   ca_poll ca__r1 CA__NODEBUG;
// CHECK:          ca__f->guard = n;
// CHECK-NEXT:     {
// CHECK-NEXT:       ticks__init(&ca__f->ca__gen1, n);
// CHECK-NEXT:       for (;;) {
// CHECK-NEXT:         int x;
// CHECK-NEXT:         ca__f->ca__state = 1;
// CHECK-NEXT: ca__resume1:
// CHECK-NEXT:         if ((ca__r1 = ticks__poll(&ca__f->ca__gen1, ca__cx, &x)) == CA_PENDING)
// CHECK-NEXT:           return CA_PENDING;
// CHECK-NEXT:         if (ca__r1 != CA_ITEM)
// CHECK-NEXT:           break;
// CHECK-NEXT:         {
// CHECK-NEXT:           if (x % 2 == 0)
// CHECK-NEXT:           {
// CHECK-NEXT:             *ca__out = x;
// CHECK-NEXT:             ca__f->ca__state = 2;
// CHECK-NEXT:             return CA_ITEM;
// CHECK-NEXT: ca__resume2:
// CHECK-NEXT:             ;
// CHECK-NEXT:           }
// CHECK-NEXT:         }
// CHECK-NEXT:       }
// CHECK-NEXT:       ticks__drop(&ca__f->ca__gen1);
// CHECK-NEXT:     }
// CHECK-NEXT:     release(&ca__f->guard);
// CHECK-LABEL: static void evens__drop(struct evens__frame *ca__f) {
// CHECK-NEXT:   switch (ca__f->ca__state) {
// CHECK-NEXT:   case 1:
// CHECK-NEXT:     ticks__drop(&ca__f->ca__gen1);
// CHECK-NEXT:     release(&ca__f->guard);
// CHECK-NEXT:     break;
// CHECK-NEXT:   case 2:
// CHECK-NEXT:     ticks__drop(&ca__f->ca__gen1);
// CHECK-NEXT:     release(&ca__f->guard);
// CHECK-NEXT:     break;

// CHECK-LABEL: ca_poll sum__poll(struct sum__frame *ca__f, ca_context *ca__cx, int *ca__out) {
// CHECK:            int s = 0;
// CHECK-NEXT:       {
// CHECK-NEXT:         evens__init(&ca__f->ca__gen1, n);
// CHECK-NEXT:         for (;;) {
// CHECK-NEXT:           long v;
// CHECK-NEXT:           ca__f->ca__state = 1;
// CHECK-NEXT:           ca__f->s = s;
// CHECK-NEXT:           if (0) {
// CHECK-NEXT: ca__resume1:
// CHECK-NEXT:             s = ca__f->s;
// CHECK-NEXT:           }
// CHECK-NEXT:           if ((ca__r1 = evens__poll(&ca__f->ca__gen1, ca__cx, &v)) == CA_PENDING)
// CHECK-NEXT:             return CA_PENDING;
// CHECK-NEXT:           s = ca__f->s;
// CHECK-NEXT:           if (ca__r1 != CA_ITEM)
// CHECK-NEXT:             break;
// CHECK-NEXT:           {
// CHECK-NEXT:             if (v > 4)
// CHECK-NEXT:             {
// CHECK-NEXT:               break;
// CHECK-NEXT:             }
// CHECK-NEXT:             s += (int)v;
// CHECK-NEXT:           }
// CHECK-NEXT:         }
// CHECK-NEXT:         evens__drop(&ca__f->ca__gen1);
// CHECK-NEXT:       }
// CHECK-LABEL: void sum__drop(struct sum__frame *ca__f) {
// CHECK-NEXT:   switch (ca__f->ca__state) {
// CHECK-NEXT:   case 1:
// CHECK-NEXT:     evens__drop(&ca__f->ca__gen1);
// CHECK-NEXT:     break;
// CHECK-NEXT:   default:
