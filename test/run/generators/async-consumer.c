// ca_for in async functions: with an await in the loop's body the
// generator's frame is a slot of the consumer's frame, kept across the
// await, and dropping the consumer while it is suspended there drops the
// generator (its cleanups after those of the loop's body, before the
// consumer's own); without one the frame is a local of the poll function.
// In a function that never suspends the loop is plain C (its f__sync).
// RUN: %cawait-cc -std=gnu11 -O1 -Wall -Werror %s -o %t
// RUN: %t | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.asan
// RUN: %t.asan | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
// RUN: %cawait-gcc -std=gnu11 -O2 -Wall -Werror %s -o %t.gcc
// RUN: %t.gcc | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static void release(int *p) { printf(" [release %d]", *p); }

gen int count(int n) {
  __attribute__((cleanup(release))) int guard = n;
  for (int i = 0; i < n; i++)
    yield(i);
}

async int slow_sum(int n) {
  __attribute__((cleanup(release))) int outer = 1000;
  int sum = 0;
  ca_for (int v, count(n)) {
    __attribute__((cleanup(release))) int inner = 500 + v;
    await(ca_yield()); // the frame of count is held across this
    sum += v;
  }
  return sum;
}

async int fast_sum(int n) {
  int sum = 0;
  ca_for (int v, count(n))
    sum += v;
  await(ca_yield());
  return sum;
}

async int never_suspends(int n) {
  int sum = 0;
  ca_for (int v, count(n))
    sum += 2 * v;
  return sum;
}

async int outer(int n) {
  int a = await(slow_sum(n));
  int b = await(fast_sum(n));
  int c = await(never_suspends(n));
  return a * 10000 + b * 100 + c;
}

/* The frame ABI by hand, to drop a frame suspended inside the loop. */
struct slow_sum__frame;
void slow_sum__init(struct slow_sum__frame *f, int n);
ca_poll slow_sum__poll(struct slow_sum__frame *f, ca_context *cx, int *out);
void slow_sum__drop(struct slow_sum__frame *f);

int main(void) {
  printf("run:");
  int r = ca_block_on(outer(3));
  printf(" = %d\n", r);
  // CHECK: run: [release 500] [release 501] [release 502] [release 3] [release 1000] [release 3] [release 3] = 30306

  _Alignas(16) unsigned char frame[256];
  struct slow_sum__frame *f = (struct slow_sum__frame *)frame;
  ca_context cx = {ca_noop_waker};
  int out = 0;
  printf("dropped:");
  slow_sum__init(f, 5);
  for (int i = 0; i < 3; i++)
    if (slow_sum__poll(f, &cx, &out) != CA_PENDING)
      printf(" ready?");
  slow_sum__drop(f);
  printf("\n");
  // CHECK-NEXT: dropped: [release 500] [release 501] [release 502] [release 5] [release 1000]
  return 0;
}
