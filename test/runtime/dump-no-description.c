// ca_dump_tasks with frames that have no description (the runtime alone,
// frames written by hand): a task of ca__task_alloc and the future of a
// ca__block_on called by hand are named without a chain; the future, dumping
// from its own poll, is running; a task not yet polled is runnable.
// RUN: %clang -std=c11 -I%cawait_include %s %cawait_lib -o %t && %t | FileCheck %s --match-full-lines --strict-whitespace
// RUN: %clang -std=c11 -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san && %t.san | FileCheck %s --match-full-lines --strict-whitespace

#include <cawait/dump.h>
#include <stdio.h>

static ca_poll pending__poll(void *p, ca_context *cx, void *out) {
  (void)p, (void)cx, (void)out;
  return CA_PENDING; /* never woken: dropped when ca__block_on returns */
}
static void nothing__drop(void *p) { (void)p; }

static ca_poll main__poll(void *p, ca_context *cx, void *out) {
  int *polls = p;
  (void)out;
  if ((*polls)++ == 0) {
    ca__task_start(ca__task_alloc(8, pending__poll, nothing__drop));
    ca_dump_tasks(stdout);
    ca_waker_wake(&cx->waker);
    return CA_PENDING;
  }
  ca_dump_tasks(stdout);
  return CA_READY;
}

int main(void) {
  int polls = 0;
  ca__block_on(&polls, main__poll, NULL);
  ca_dump_tasks(stdout);
  return 0;
}

// CHECK:cawait tasks:
// CHECK-NEXT:ca_block_on, running
// CHECK-NEXT:task 1 task, runnable
// CHECK-NEXT:  (no description)
// CHECK-NEXT:cawait tasks:
// CHECK-NEXT:ca_block_on, running
// CHECK-NEXT:task 1 task, waiting
// CHECK-NEXT:  (no description)
// CHECK-NEXT:cawait tasks:
// CHECK-NEXT:none
// CHECK-EMPTY:
