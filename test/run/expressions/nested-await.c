// Awaits nested inside expressions and inside the arguments of awaited
// calls (rejected before the normalize pass) run where C evaluates them.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int value(int x) {
  await(ca_yield());
  return x;
}

async int caller(int x) {
  if (await(value(x)) > 2)
    return 1;
  return await(value(1 + await(value(x))));
}

int main(void) {
  // CHECK: 1 3 1
  printf("%d %d %d\n", ca_block_on(caller(5)), ca_block_on(caller(2)),
         ca_block_on(caller(0)));
  return 0;
}
