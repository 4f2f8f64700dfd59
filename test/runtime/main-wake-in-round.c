// A task that wakes the block_on future while both are in the same round
// (the future queued behind it) wakes it once: the future is polled in the
// round and not again afterwards, since nothing woke it since (found by a
// review: it was polled a second time, out of wake order). Here nothing
// wakes it after its second poll, so block_on must report that.
// RUN: %clang -std=c11 -I%cawait_include %s %cawait_lib -o %t
// RUN: not --crash %t 2>&1 | FileCheck %s
// RUN: %clang -std=c11 -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san
// RUN: not --crash %t.san 2>&1 | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static ca_waker main_waker;
static int polls, wakes;

static ca_poll waker_task_poll(void *frame, ca_context *cx, void *out) {
  (void)frame, (void)cx, (void)out;
  wakes++;
  ca_waker_wake(&main_waker); /* main is later in this round */
  return CA_READY;
}
static void nothing_drop(void *frame) { (void)frame; }

static ca_poll main_poll(void *frame, ca_context *cx, void *out) {
  (void)frame, (void)out;
  printf("poll %d after %d wakes\n", ++polls, wakes);
  wakes = 0;
  main_waker = cx->waker;
  if (polls == 1) {
    ca__task_start(ca__task_alloc(1, waker_task_poll, nothing_drop));
    wakes++;
    ca_waker_wake(&cx->waker); /* queued behind the task */
  }
  return polls < 3 ? CA_PENDING : CA_READY;
}

int main(void) {
  ca__block_on(NULL, main_poll, NULL);
  printf("not reached\n");
  return 0;
}
// CHECK:      poll 1 after 0 wakes
// CHECK-NEXT: poll 2 after 2 wakes
// CHECK-NEXT: cawait: ca_block_on: the future is pending and nothing can wake it
