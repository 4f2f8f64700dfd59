// Checks that polling a completed frame through ca__poll_after_done aborts naming the function.
// RUN: %clang -std=c11 -I%cawait_include %s %cawait_lib -o %t && not --crash %t 2>&1 | FileCheck %s
// RUN: %clang -std=c11 -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san && not --crash %t.san 2>&1 | FileCheck %s

#include <cawait.h>
#include <stdio.h>

/* Hand-lowered: async int answer(void) { return 42; } */
struct answer__frame {
  int state; /* 0 unresumed, 1 returned */
};
static ca_poll answer__poll(void *p, ca_context *cx, void *out) {
  struct answer__frame *f = p;
  (void)cx;
  switch (f->state) {
  case 0:
    *(int *)out = 42;
    f->state = 1;
    return CA_READY;
  default:
    ca__poll_after_done("answer");
  }
}

int main(void) {
  struct answer__frame f = {0};
  int result = 0;
  ca__block_on(&f, answer__poll, &result);
  printf("first: %d\n", result);
  ca__block_on(&f, answer__poll, &result);
  printf("unreachable\n");
  return 0;
}

// CHECK:      first: 42
// CHECK-NEXT: cawait: 'answer' was polled after it completed or was dropped
// CHECK-NOT:  unreachable
