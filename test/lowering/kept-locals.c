// Kept variables whose address is never taken live in C locals of the
// poll function, declared under their own names where the user declared
// them (parameters at the top of the body, loaded from the frame when the
// poll starts if f__init stored them; those the body never writes keep
// f__init's copy, never stored again). Each await stores what it holds
// into the frame before the callee's init (what the awaited call's
// arguments write: after it) and loads it back once the poll completes,
// so nothing stays in a register across the calls; without optimization a
// resume also loads them before the poll (in `if (0)`), for debuggers. A
// combinator stores on its pending paths and loads
// at its resume label (its branches start, and a select's winner assigns,
// inside it). An await that holds no such variable keeps the plain form.
// Address-taken variables and arrays stay in the frame; a bool or an enum
// is copied as bytes (it may be indeterminate there). Generated locals are
// CA__NODEBUG.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-emit=%t.c %s
// RUN: grep -v -e '^//' -e '^#line' %t.c | FileCheck %s
// Optimized, the loads for debuggers are left out:
// RUN: %cawait-cc -O2 -fsyntax-only -fplugin-arg-cawait-emit=%t.O2.c %s
// RUN: grep -v -e '^//' -e '^#line' %t.O2.c | FileCheck %s --check-prefix=O2
#include <cawait.h>
#include <stdbool.h>

void keep(int *p);

async int step(int v) {
  await(ca_yield());
  return v;
}

async int sum(int n, int scale, int unused_first) {
  unused_first = 3; // written before read: f__init does not store it
  int total = 0;
  int arr[2] = {0, 0};
  int taken = 1;
  keep(&taken);
  bool seen = false;
  for (int i = 0; i < n; i++) {
    int t = await(step(i));
    total += t * scale + unused_first;
    arr[i & 1] += t;
    seen = true;
  }
  await(ca_yield()); // holds total, taken, arr, seen (not held at the
                     // first await: each iteration sets it first)
  scale = 2;
  total += await(step(scale)) + taken + arr[0] + seen;
  return total;
}

async int written(int k) {
  int x = k;
  while (x < 3 * k)
    await(step(x++)); // x is held and written by the call
  return x;
}

async int both(int a) {
  int x = 0, y = 0;
  a += 1; // written: stored where the join suspends
  await(ca_join(x = step(a), y = step(a + 1)));
  return x + y + a;
}

// CHECK-LABEL: ca_poll sum__poll(struct sum__frame *ca__f, ca_context *ca__cx, int *ca__out) {
// CHECK-NEXT:    (void)ca__cx;
// CHECK-NEXT:    (void)ca__out;
// CHECK-NEXT:    int ca__r1 CA__NODEBUG;
// CHECK-NEXT:    int ca__r3 CA__NODEBUG;
// CHECK:             ca__poll_after_done("sum");
// CHECK-NEXT:      }
// CHECK-NEXT:    int n = ca__f->n;
// CHECK-NEXT:    int scale = ca__f->scale;
// CHECK-NEXT:    int unused_first;
// CHECK-NEXT:    {
// CHECK-NEXT:      unused_first = 3;
// CHECK-NEXT:      int total = 0;
// CHECK-NEXT:      __builtin_memcpy(&ca__f->arr, &(int[2]){0, 0}, sizeof(ca__f->arr));
// CHECK-NEXT:      ca__f->taken = 1;
// CHECK-NEXT:      keep(&ca__f->taken);
// CHECK-NEXT:      bool seen = 0;
// CHECK-NEXT:      {
// CHECK-NEXT:        int i = 0;
// CHECK-NEXT:        for (; i < n; i++)
// CHECK-NEXT:        {
// CHECK-NEXT:          ca__f->scale = scale;
// CHECK-NEXT:          ca__f->unused_first = unused_first;
// CHECK-NEXT:          ca__f->total = total;
// CHECK-NEXT:          ca__f->i = i;
// CHECK-NEXT:          step__init(&ca__f->ca__aw1, i);
// CHECK-NEXT:          ca__f->ca__state = 1;
// CHECK-NEXT:          if (0) {
// CHECK-NEXT:  ca__resume1:
// CHECK-NEXT:            n = ca__f->n;
// CHECK-NEXT:            scale = ca__f->scale;
// CHECK-NEXT:            unused_first = ca__f->unused_first;
// CHECK-NEXT:            total = ca__f->total;
// CHECK-NEXT:            i = ca__f->i;
// CHECK-NEXT:          }
// CHECK-NEXT:          if (step__poll(&ca__f->ca__aw1, ca__cx, &ca__r1) == CA_PENDING)
// CHECK-NEXT:            return CA_PENDING;
// CHECK-NEXT:          n = ca__f->n;
// CHECK-NEXT:          scale = ca__f->scale;
// CHECK-NEXT:          unused_first = ca__f->unused_first;
// CHECK-NEXT:          total = ca__f->total;
// CHECK-NEXT:          i = ca__f->i;
// CHECK-NEXT:          int t = ca__r1;
// CHECK-NEXT:          total += t * scale + unused_first;
// CHECK-NEXT:          ca__f->arr[i & 1] += t;
// CHECK-NEXT:          seen = 1;
// CHECK-NEXT:        }
// CHECK-NEXT:      }
// CHECK-NEXT:      ca__f->total = total;
// CHECK-NEXT:      __builtin_memcpy(&ca__f->seen, &seen, sizeof(ca__f->seen));
// CHECK-NEXT:      ca_yield__init(&ca__f->ca__aw2);
// CHECK-NEXT:      ca__f->ca__state = 2;
// CHECK-NEXT:      if (0) {
// CHECK-NEXT:  ca__resume2:
// CHECK-NEXT:        total = ca__f->total;
// CHECK-NEXT:        __builtin_memcpy(&seen, &ca__f->seen, sizeof(seen));
// CHECK-NEXT:      }
// CHECK-NEXT:      if (ca_yield__poll(&ca__f->ca__aw2, ca__cx, (void *)0) == CA_PENDING)
// CHECK-NEXT:        return CA_PENDING;
// CHECK-NEXT:      total = ca__f->total;
// CHECK-NEXT:      __builtin_memcpy(&seen, &ca__f->seen, sizeof(seen));
// CHECK-NEXT:      scale = 2;
// CHECK-NEXT:      {
// CHECK-NEXT:        ca__f->total = total;
// CHECK-NEXT:        __builtin_memcpy(&ca__f->seen, &seen, sizeof(ca__f->seen));
// CHECK-NEXT:        step__init(&ca__f->ca__aw3, scale);
// CHECK-NEXT:        ca__f->ca__state = 3;
// CHECK-NEXT:        if (0) {
// CHECK-NEXT:  ca__resume3:
// CHECK-NEXT:          total = ca__f->total;
// CHECK-NEXT:          __builtin_memcpy(&seen, &ca__f->seen, sizeof(seen));
// CHECK-NEXT:        }
// CHECK-NEXT:        if (step__poll(&ca__f->ca__aw3, ca__cx, &ca__r3) == CA_PENDING)
// CHECK-NEXT:          return CA_PENDING;
// CHECK-NEXT:        total = ca__f->total;
// CHECK-NEXT:        __builtin_memcpy(&seen, &ca__f->seen, sizeof(seen));
// CHECK-NEXT:        int ca__e1 CA__NODEBUG = ca__r3;
// CHECK-NEXT:        total += ca__e1 + ca__f->taken + ca__f->arr[0] + seen;

// CHECK-LABEL: ca_poll written__poll({{.*}}) {
// CHECK:           step__init(&ca__f->ca__aw1, x++);
// CHECK-NEXT:      ca__f->ca__state = 1;
// CHECK-NEXT:      ca__f->x = x;
// CHECK-NEXT:      if (0) {
// CHECK-NEXT:  ca__resume1:
// CHECK-NEXT:        k = ca__f->k;
// CHECK-NEXT:        x = ca__f->x;
// CHECK-NEXT:      }
// CHECK-NEXT:      if (step__poll(&ca__f->ca__aw1, ca__cx, &ca__r1) == CA_PENDING)
// CHECK-NEXT:        return CA_PENDING;
// CHECK-NEXT:      k = ca__f->k;
// CHECK-NEXT:      x = ca__f->x;

// CHECK-LABEL: ca_poll both__poll({{.*}}) {
// CHECK:         int a = ca__f->a;
// CHECK-NEXT:    {
// CHECK-NEXT:      int x = 0;
// CHECK-NEXT:      int y = 0;
// CHECK:         if (0) {
// CHECK-NEXT:  ca__resume1:
// CHECK-NEXT:      a = ca__f->a;
// CHECK-NEXT:    }
// CHECK:           ca_context ca__bcx CA__NODEBUG;
// CHECK:         if (ca__f->ca__aw1.ca__h.pending) {
// CHECK-NEXT:      ca__f->a = a;
// CHECK-NEXT:      return CA_PENDING;
// CHECK-NEXT:    }
// CHECK-NEXT:    ca__r1_0 = ca__f->ca__aw1.ca__res0;
// CHECK-NEXT:    ca__r1_1 = ca__f->ca__aw1.ca__res1;
// CHECK-NEXT:    x = ca__r1_0;
// CHECK-NEXT:    y = ca__r1_1;

// O2-LABEL: ca_poll written__poll({{.*}}) {
// O2:           ca__f->x = x;
// O2-NEXT:  ca__resume1:
// O2-NEXT:      if (step__poll(&ca__f->ca__aw1, ca__cx, &ca__r1) == CA_PENDING)
// O2-NEXT:        return CA_PENDING;
// O2-NEXT:      k = ca__f->k;
// O2-NEXT:      x = ca__f->x;
// O2-LABEL: ca_poll both__poll({{.*}}) {
// O2:           if (0) {
// O2-NEXT:  ca__resume1:
// O2-NEXT:        a = ca__f->a;
// O2-NEXT:      }
