// An await wrapped in parentheses as a whole (`x = (await(f()));`,
// `return (await(f()));`) is an await statement.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int step(int x) {
  await(ca_yield());
  return x + 1;
}

async int f(int n) {
  int v;
  v = (await(step(n)));
  return (await(step(v)));
}

int main(void) {
  printf("r=%d\n", ca_block_on(f(5)));
  return 0;
}
// CHECK: r=7
// CHECK-NEXT: exit=0
