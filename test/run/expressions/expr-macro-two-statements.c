// A macro expanding to two statements, the first with an await inside an
// expression, used directly in the body of an async function: the body
// can no longer be copied around its statements, and the rewritten body
// must replace the original one (the original text used to follow it).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

#define TWO_STEPS(x)                                                           \
  acc += await(val(x)) * 2;                                                    \
  acc += 1

async int run(void) {
  int acc = 0;
  TWO_STEPS(3);
  printf("acc=%d\n", acc);
  return acc;
}

int main(void) {
  printf("%d\n", ca_block_on(run()));
  return 0;
}
// CHECK: acc=7
// CHECK-NEXT: 7
// CHECK-NEXT: exit=0
