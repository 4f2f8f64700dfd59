// Checks that dropping sleeping frames (middle and tail of the timer list) disarms them: the rest still fire, the dropped never wake anything.
// RUN: %clang -std=c11 -I%cawait_include %s %cawait_lib -o %t && not --crash %t 2>&1 | FileCheck %s
// RUN: %clang -std=c11 -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san && not --crash %t.san 2>&1 | FileCheck %s

#include <cawait.h>
#include <stdio.h>

/* Outlive the futures that arm them, so a timer left armed by a broken
 * drop would still fire (and wake the executor) instead of crashing. */
static struct ca_sleep_ms__frame s1, s2, s3;

/* Polls three sleeps once (deadline order s1, s3, s2), drops s2 and s3,
 * then awaits s1. */
static ca_poll first__poll(void *p, ca_context *cx, void *out) {
  int *state = p;
  (void)out;
  if (*state == 0) {
    ca_sleep_ms__init(&s1, 50);
    ca_sleep_ms__init(&s2, 400);
    ca_sleep_ms__init(&s3, 100);
    ca_sleep_ms__poll(&s1, cx, NULL);
    ca_sleep_ms__poll(&s2, cx, NULL);
    ca_sleep_ms__poll(&s3, cx, NULL);
    ca_sleep_ms__drop(&s3);
    ca_sleep_ms__drop(&s2);
    printf("dropped: armed s1=%d s2=%d s3=%d\n", ca__timer_is_armed(&s1.timer),
           ca__timer_is_armed(&s2.timer), ca__timer_is_armed(&s3.timer));
    *state = 1;
  }
  if (ca_sleep_ms__poll(&s1, cx, NULL) == CA_PENDING)
    return CA_PENDING;
  printf("s1 fired\n");
  return CA_READY;
}

/* Never wakes itself: the executor must find nothing that can wake it. */
static ca_poll stuck__poll(void *p, ca_context *cx, void *out) {
  int *polls = p;
  (void)cx, (void)out;
  printf("stuck poll %d\n", ++*polls);
  return CA_PENDING;
}

int main(void) {
  int state = 0, polls = 0;
  ca__block_on(&state, first__poll, NULL);
  ca__block_on(&polls, stuck__poll, NULL);
  printf("unreachable\n");
  return 0;
}

// CHECK:      dropped: armed s1=1 s2=0 s3=0
// CHECK-NEXT: s1 fired
// CHECK-NEXT: stuck poll 1
// CHECK-NOT:  stuck poll 2
// CHECK-NEXT: cawait: ca_block_on: the future is pending and nothing can wake
// it CHECK-NOT:  unreachable
