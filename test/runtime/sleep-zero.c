// Checks that ca_sleep_ms(0) is pending exactly once (a spawned task runs meanwhile) and completes at the next round without blocking.
// RUN: %clang -std=c11 -I%cawait_include %s %cawait_lib -o %t && %t | FileCheck %s
// RUN: %clang -std=c11 -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san && %t.san | FileCheck %s

#include <cawait.h>
#include <stdio.h>

/* Hand-lowered: async void main_fut(void) {
 *   printf("M start\n"); await(ca_sleep_ms(0)); printf("M done\n"); } */
struct main_fut__frame {
  int state; /* 0 unresumed, 1 at the await, 2 returned */
  int polls;
  struct ca_sleep_ms__frame sleep;
};

/* Hand-lowered: async void other(void) { printf("T ran\n"); } */
static ca_poll other__poll(void *p, ca_context *cx, void *out) {
  (void)p, (void)cx, (void)out;
  printf("T ran\n");
  return CA_READY;
}
static void other__drop(void *p) { (void)p; }

static ca_poll main_fut__poll(void *p, ca_context *cx, void *out) {
  struct main_fut__frame *f = p;
  (void)out;
  f->polls++;
  switch (f->state) {
  case 0:
    printf("M start\n");
    /* A task queued now runs while the sleep is pending. */
    ca__task_start(ca__task_alloc(0, other__poll, other__drop));
    ca_sleep_ms__init(&f->sleep, 0);
    f->state = 1;
    /* fallthrough */
  case 1:
    if (ca_sleep_ms__poll(&f->sleep, cx, NULL) == CA_PENDING) {
      printf("M pending\n");
      return CA_PENDING;
    }
    printf("M done after %d polls\n", f->polls);
    f->state = 2;
    return CA_READY;
  default:
    ca__poll_after_done("main_fut");
  }
}

int main(void) {
  struct main_fut__frame m = {0};
  ca__block_on(&m, main_fut__poll, NULL);
  printf("sleep frame armed after completion: %d\n",
         ca__timer_is_armed(&m.sleep.timer));
  ca_run();
  return 0;
}

// CHECK:      M start
// CHECK-NEXT: M pending
// CHECK-NEXT: T ran
// CHECK-NEXT: M done after 2 polls
// CHECK-NEXT: sleep frame armed after completion: 0
// CHECK-EMPTY:
