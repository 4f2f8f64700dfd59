// Dropping a frame suspended at an await whose variables live in C locals
// of poll: the cleanups f__drop runs read the frame, and see the values
// the body gave them before it suspended, computed from locals that poll
// stores into their fields at each await and loads back after it. The
// frame ABI is driven by hand, dropped after each number of polls.
// RUN: %cawait-cc -std=gnu11 -O1 -Wall -Werror %s -o %t
// RUN: %t | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.asan
// RUN: %t.asan | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -O0 %s -o %t.O0
// RUN: %t.O0 | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

struct guard { int sum, last; };
static void report(struct guard *g) { printf(" g%d/%d", g->sum, g->last); }

async int work(int n, int step) {
  struct guard g __attribute__((cleanup(report))) = {0, -1};
  int sum = 0; /* in a C local: held across every await below */
  for (int i = 0; i < n; i++) {
    sum += step * (i + 1);
    step += 1; /* a parameter modified between suspends */
    g.sum = sum;
    g.last = i;
    await(ca_yield());
  }
  g.sum = sum * 10;
  await(ca_yield());
  return sum;
}

struct work__frame;
void work__init(struct work__frame *f, int n, int step);
ca_poll work__poll(struct work__frame *f, ca_context *cx, int *out);
void work__drop(struct work__frame *f);

static void cancel_after(unsigned polls) {
  _Alignas(16) unsigned char frame[256];
  struct work__frame *f = (struct work__frame *)frame;
  ca_context cx = {ca_noop_waker};
  int out = -1;
  ca_poll r = CA_PENDING;
  printf("after %u polls:", polls);
  work__init(f, 3, 5);
  for (unsigned i = 0; i < polls && r == CA_PENDING; i++)
    r = work__poll(f, &cx, &out);
  printf(" |drop:");
  work__drop(f);
  printf(" |%s %d\n", r == CA_READY ? "ready" : "pending", out);
}

int main(void) {
  for (unsigned k = 0; k <= 5; k++)
    cancel_after(k);
  return 0;
}
// sum: 5, then 5 + 6*2 = 17, then 17 + 7*3 = 38.
// CHECK:      after 0 polls: |drop: |pending -1
// CHECK-NEXT: after 1 polls: |drop: g5/0 |pending -1
// CHECK-NEXT: after 2 polls: |drop: g17/1 |pending -1
// CHECK-NEXT: after 3 polls: |drop: g38/2 |pending -1
// CHECK-NEXT: after 4 polls: |drop: g380/2 |pending -1
// CHECK-NEXT: after 5 polls: g380/2 |drop: |ready 38
