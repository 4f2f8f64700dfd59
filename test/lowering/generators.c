// Generators: a yield stores its item through ca__out, records its state
// (and stores what it holds in locals of poll) and returns CA_ITEM, and the
// next poll resumes after it (loading them back); a ca_for in a
// generator with no suspend point in the loop keeps the frame in a local
// whose cleanup is g__drop (a ca_for with one, like a yield, keeps it in
// the consumer's frame, dropped on every way out and by f__drop), an item
// of another type goes through ca__itemN; in a plain function only the
// head `ca_for (T v, g(x))` is replaced, by two loop heads.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-emit=%t.c %s
// RUN: grep -v -e '^//' -e '^#line' %t.c | FileCheck %s
#include <cawait.h>

static void release(int *p) { (void)p; }

gen int count(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

gen long evens(int n) {
  __attribute__((cleanup(release))) int guard = n;
  ca_for (int x, count(n))
    if (x % 2 == 0)
      yield(x);
}

int sum(int n) {
  int s = 0;
  ca_for (const int v, count(n))
    s += v;
  ca_for (int e, evens(n)) {
    if (e > 4)
      break;
    s += e;
  }
  return s;
}

async int in_async(int n) {
  int s = 0;
  ca_for (long v, count(n))
    s += (int)v;
  await(ca_yield());
  return s;
}

// CHECK-LABEL: ca_poll count__poll(struct count__frame *ca__f, ca_context *ca__cx, int *ca__out) {
// CHECK:         switch (ca__f->ca__state) {
// CHECK-NEXT:      case 1:
// CHECK-NEXT:        goto ca__resume1;
// CHECK-NEXT:      default:
// CHECK-NEXT:        ca__poll_after_done("count");
// CHECK-NEXT:      }
// CHECK:           for (; i < n; i++)
// CHECK-NEXT:      {
// CHECK-NEXT:        *ca__out = i;
// CHECK-NEXT:        ca__f->ca__state = 1;
// CHECK-NEXT:        ca__f->i = i;
// CHECK-NEXT:        return CA_ITEM;
// CHECK-NEXT: ca__resume1:
// CHECK-NEXT:        ;
// CHECK-NEXT:        n = ca__f->n;
// CHECK-NEXT:        i = ca__f->i;
// CHECK-NEXT:      }
// CHECK:         ca__f->ca__state = 2;
// CHECK-NEXT:    return CA_READY;
// CHECK-NEXT:  }
// CHECK-LABEL: void count__drop(struct count__frame *ca__f) {
// CHECK-NEXT:    switch (ca__f->ca__state) {
// CHECK-NEXT:    case 1:
// CHECK-NEXT:      break;
// CHECK-NEXT:    default:

// CHECK-LABEL: struct evens__frame {
// CHECK:         struct { struct count__frame ca__gen1; }; /* offset 0 */
// CHECK-LABEL: ca_poll evens__poll(struct evens__frame *ca__f, ca_context *ca__cx, long *ca__out) {
// CHECK:           ca__f->guard = n;
// CHECK-NEXT:      {
// CHECK-NEXT:        count__init(&ca__f->ca__gen1, n);
// CHECK-NEXT:        for (;;) {
// CHECK-NEXT:          int x;
// CHECK-NEXT:          if (count__poll(&ca__f->ca__gen1, ca__cx, &x) != CA_ITEM)
// CHECK-NEXT:            break;
// CHECK-NEXT:          {
// CHECK-NEXT:            if (x % 2 == 0)
// CHECK-NEXT:            {
// CHECK-NEXT:              *ca__out = x;
// CHECK-NEXT:              ca__f->ca__state = 1;
// CHECK-NEXT:              return CA_ITEM;
// CHECK-NEXT: ca__resume1:
// CHECK-NEXT:              ;
// CHECK-NEXT:            }
// CHECK-NEXT:          }
// CHECK-NEXT:        }
// CHECK-NEXT:        count__drop(&ca__f->ca__gen1);
// CHECK-NEXT:      }
// CHECK-NEXT:      release(&ca__f->guard);
// CHECK-LABEL: void evens__drop(struct evens__frame *ca__f) {
// CHECK-NEXT:    switch (ca__f->ca__state) {
// CHECK-NEXT:    case 1:
// CHECK-NEXT:      count__drop(&ca__f->ca__gen1);
// CHECK-NEXT:      release(&ca__f->guard);
// CHECK-NEXT:      break;

// CHECK-LABEL: int sum(int n) {
// CHECK-NEXT:    int s = 0;
// CHECK-NEXT:    for (struct count__frame ca__gen1 __attribute__((cleanup(count__drop))), *ca__gen1p = (count__init(&ca__gen1, n), &ca__gen1); ca__gen1p; ca__gen1p = 0) for (int v; count__poll(ca__gen1p, (ca_context *)0, &v) == CA_ITEM;)
// CHECK-NEXT:      s += v;
// CHECK-NEXT:    for (struct evens__frame ca__gen2 __attribute__((cleanup(evens__drop))), *ca__gen2p = (evens__init(&ca__gen2, n), &ca__gen2); ca__gen2p; ca__gen2p = 0) for (int e; __extension__({ long ca__item2; int ca__more = evens__poll(ca__gen2p, (ca_context *)0, &ca__item2) == CA_ITEM; if (ca__more) e = ca__item2; ca__more; });) {

// CHECK-LABEL: ca_poll in_async__poll(struct in_async__frame *ca__f, ca_context *ca__cx, int *ca__out) {
// CHECK:           int s = 0;
// CHECK-NEXT:      {
// CHECK-NEXT:        struct count__frame ca__gen1 __attribute__((cleanup(count__drop)));
// CHECK-NEXT:        count__init(&ca__gen1, n);
// CHECK-NEXT:        for (;;) {
// CHECK-NEXT:          long v;
// CHECK-NEXT:          int ca__item1;
// CHECK-NEXT:          if (count__poll(&ca__gen1, ca__cx, &ca__item1) != CA_ITEM)
// CHECK-NEXT:            break;
// CHECK-NEXT:          v = ca__item1;
// CHECK-NEXT:          {
// CHECK-NEXT:            s += (int)v;
// CHECK-NEXT:          }
// CHECK-NEXT:        }
// CHECK-NEXT:      }
// CHECK-NEXT:      ca__f->s = s;
// CHECK-NEXT:      ca_yield__init(&ca__f->ca__aw1);
