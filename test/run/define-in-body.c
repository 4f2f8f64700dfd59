// BUG: preprocessor directives inside the body of an async function are
// dropped when the body is re-printed: a macro #defined there is undefined
// both later in the body (the literal is printed as written, `LIMIT`) and
// in the rest of the file.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int step(int x) {
  await(ca_yield());
  return x + 1;
}

async int f(int n) {
#define LIMIT 3
  int v = await(step(n));
  return v + LIMIT;
}

int main(void) {
  printf("r=%d limit=%d\n", ca_block_on(f(5)), LIMIT);
  return 0;
}
// CHECK: r=9 limit=3
// CHECK-NEXT: exit=0
