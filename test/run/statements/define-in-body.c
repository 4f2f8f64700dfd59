// #define and #undef inside the body of an async function keep their effect
// on the rest of the body and of the file after the body is re-printed
// (they used to be dropped).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int step(int x) {
  await(ca_yield());
  return x + 1;
}

#define GONE 1
async int f(int n) {
#define LIMIT 3
#define TWICE(x) \
  ((x) * 2)
#undef GONE
  int v = await(step(n));
  return v + LIMIT;
}
#ifdef GONE
#error GONE should be undefined here
#endif

int main(void) {
  printf("r=%d limit=%d\n", ca_block_on(f(5)), TWICE(LIMIT) / 2);
  return 0;
}
// CHECK: r=9 limit=3
// CHECK-NEXT: exit=0
