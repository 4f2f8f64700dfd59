// Dropping a frame suspended in a call through an async function pointer
// drops the callee's frame (its cleanup runs) and, for a boxed call, frees
// the box (ASan and valgrind see no leak); calls through a pointer with a
// budget allocate nothing (malloc aborts while they run).
// RUN: %cawait-cc -Wall -Werror %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

#if defined(__has_feature) && __has_feature(address_sanitizer)
static int forbidden; /* ASan owns malloc */
#else
#include "../Inputs/forbid-malloc.h"
#endif

typedef async_budget(96) int op_fn(int x);

static void bye(const char **who) { printf("cleanup %s\n", *who); }

async int slow(int x) {
  __attribute__((cleanup(bye))) const char *who = "slow";
  await(ca_sleep_ms(10000));
  return x;
}
async int fast(int x) {
  await(ca_yield());
  return x + 1;
}

async int in_place(op_fn *f, int x) { return await(f(x)); }
async int boxed(op_fn *f, int x) { return await(ca_boxed(f(x))); }

async int run(void) {
  int r = -1;
  int timed_out = await(ca_timeout_ms(5, r = in_place(slow, 1)));
  printf("in place: timed out %d, r %d\n", timed_out, r);
  timed_out = await(ca_timeout_ms(5, r = boxed(slow, 2)));
  printf("boxed: timed out %d, r %d\n", timed_out, r);
  forbidden = 1;
  for (int i = 0; i < 3; i++)
    r = await(in_place(fast, r));
  forbidden = 0;
  printf("in place, no malloc: %d\n", r);
  r = await(boxed(fast, r));
  printf("boxed: %d\n", r);
  return 0;
}

int main(void) { return ca_block_on(run()); }
// CHECK:      cleanup slow
// CHECK-NEXT: in place: timed out 1, r -1
// CHECK-NEXT: cleanup slow
// CHECK-NEXT: boxed: timed out 1, r -1
// CHECK-NEXT: in place, no malloc: 2
// CHECK-NEXT: boxed: 3
// CHECK-EMPTY:
