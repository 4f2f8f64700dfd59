// f__drop at a suspend point: the awaited sub-frame first, then the
// cleanups of the locals in scope there, innermost scope first, in reverse
// declaration order; the unresumed and finished states run nothing.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-emit=%t.c %s
// RUN: grep -v -e '^//' -e '^#line' %t.c | FileCheck %s
#include <cawait.h>

static void release(int *p) { (void)p; }

async int step(int x) {
  await(ca_yield());
  return x;
}

async int work(int n) {
  __attribute__((cleanup(release))) int a = 1;
  int t = await(step(0));
  {
    __attribute__((cleanup(release))) int b = 2;
    __attribute__((cleanup(release))) int c = 3;
    for (int i = 0; i < n; i++) {
      __attribute__((cleanup(release))) int d = i;
      t += await(step(d));
    }
    t += await(step(b + c));
  }
  return t;
}
// CHECK-LABEL: void work__drop(struct work__frame *ca__f) {
// CHECK-NEXT:    switch (ca__f->ca__state) {
// CHECK-NEXT:    case 1:
// CHECK-NEXT:      step__drop(&ca__f->ca__aw1);
// CHECK-NEXT:      release(&ca__f->a);
// CHECK-NEXT:      break;
// CHECK-NEXT:    case 2:
// CHECK-NEXT:      step__drop(&ca__f->ca__aw2);
// CHECK-NEXT:      release(&ca__f->d);
// CHECK-NEXT:      release(&ca__f->c);
// CHECK-NEXT:      release(&ca__f->b);
// CHECK-NEXT:      release(&ca__f->a);
// CHECK-NEXT:      break;
// CHECK-NEXT:    case 3:
// CHECK-NEXT:      step__drop(&ca__f->ca__aw3);
// CHECK-NEXT:      release(&ca__f->c);
// CHECK-NEXT:      release(&ca__f->b);
// CHECK-NEXT:      release(&ca__f->a);
// CHECK-NEXT:      break;
// CHECK-NEXT:    default:
// CHECK-NEXT:      break;
// CHECK-NEXT:    }
// CHECK-NEXT:    ca__f->ca__state = 4;
// CHECK-NEXT:  }
