// Checks that a sleep polled before its deadline stays pending and that its timer wakes the waker of the latest poll (moved from a task to block_on); the task, spawned by the block_on future, is dropped when block_on returns.
// RUN: %clang -std=c11 -I%cawait_include %s %cawait_lib -o %t && %t | FileCheck %s
// RUN: %clang -std=c11 -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san && %t.san | FileCheck %s

#include <cawait.h>
#include <stdio.h>

static struct ca_sleep_ms__frame s; /* polled first by T, then by M */
static uint64_t start;

/* T arms the sleep at its first poll; it must not be woken again. */
static ca_poll t__poll(void *p, ca_context *cx, void *out) {
  int *polls = p;
  (void)out;
  if (++*polls > 1) {
    printf("T woken (WRONG)\n");
    return CA_READY;
  }
  ca_sleep_ms__init(&s, 200);
  printf("T: %s\n", ca_sleep_ms__poll(&s, cx, NULL) == CA_PENDING
                        ? "sleep pending"
                        : "sleep ready");
  return CA_PENDING;
}
static void t__drop(void *p) { printf("drop T after %d polls\n", *(int *)p); }

/* Poll 1 spawns T and yields; later polls poll T's sleep. */
static ca_poll m__poll(void *p, ca_context *cx, void *out) {
  int *polls = p;
  (void)out;
  if (++*polls == 1) {
    int *t = ca__task_alloc(sizeof(int), t__poll, t__drop);
    *t = 0;
    ca__task_start(t);
    ca_waker_wake(&cx->waker);
    return CA_PENDING;
  }
  if (ca_sleep_ms__poll(&s, cx, NULL) == CA_PENDING) {
    printf("M poll %d: sleep pending\n", *polls);
    return CA_PENDING;
  }
  printf("M poll %d: sleep ready %s\n", *polls,
         ca_now_ms() - start >= 200 ? "after 200 ms" : "EARLY");
  return CA_READY;
}

int main(void) {
  int polls = 0;
  start = ca_now_ms();
  ca__block_on(&polls, m__poll, NULL);
  printf("block_on returned\n");
  printf("shutdown dropped %d\n", ca_executor_shutdown());
  return 0;
}

// CHECK:      T: sleep pending
// CHECK-NEXT: M poll 2: sleep pending
// CHECK-NEXT: M poll 3: sleep ready after 200 ms
// CHECK-NEXT: drop T after 1 polls
// CHECK-NEXT: block_on returned
// CHECK-NEXT: shutdown dropped 0
// CHECK-EMPTY:
