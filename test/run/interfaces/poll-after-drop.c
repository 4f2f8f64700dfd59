// Polling a frame after it was dropped (here while suspended) is a defined
// error: it aborts with the function's name, also under ASan+UBSan.
// RUN: %cawait-cc -std=gnu11 -O1 -Wall -Werror %s -o %t
// RUN: not --crash %t 2>&1 | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.asan
// RUN: not --crash %t.asan 2>&1 | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int ticker(int n) {
  for (int i = 0; i < n; i++)
    await(ca_yield());
  return n;
}

struct ticker__frame;
void ticker__init(struct ticker__frame *f, int n);
ca_poll ticker__poll(struct ticker__frame *f, ca_context *cx, int *out);
void ticker__drop(struct ticker__frame *f);

int main(void) {
  _Alignas(16) unsigned char frame[256];
  struct ticker__frame *f = (struct ticker__frame *)frame;
  ca_context cx = {ca_noop_waker};
  int out = 0;
  ticker__init(f, 3);
  printf("first poll: %s\n",
         ticker__poll(f, &cx, &out) == CA_PENDING ? "pending" : "ready");
  ticker__drop(f);
  printf("dropped\n");
  fflush(stdout);
  ticker__poll(f, &cx, &out);
  printf("not reached\n");
  return 0;
}
// CHECK: first poll: pending
// CHECK-NEXT: dropped
// CHECK-NEXT: cawait: 'ticker' was polled after it completed or was dropped
// CHECK-NOT: not reached
