// Awaits inside switch cases, with fallthrough and default, resume in the
// right case.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int step(int x) {
  await(ca_yield());
  return x + 1;
}

async int dispatch(int kind) {
  int v = 10 * kind;
  switch (kind) {
  case 0:
    v = await(step(v));
    break;
  case 1:
    v += await(step(v));
    /* fallthrough */
  case 2: {
    int w = await(step(v));
    v = v * 2 + w;
    break;
  }
  default:
    await(ca_yield());
    v = -v;
  }
  return v;
}


int main(void) {
  for (int k = 0; k < 4; k++)
    printf("kind %d -> %d\n", k, ca_block_on(dispatch(k)));
  return 0;
}
// CHECK: kind 0 -> 1
// CHECK-NEXT: kind 1 -> 64
// CHECK-NEXT: kind 2 -> 61
// CHECK-NEXT: kind 3 -> -30
// CHECK-NEXT: exit=0
