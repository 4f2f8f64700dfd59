// `ca_block_on(f(x));` as a statement, discarding a non-void result, compiles
// under -Wall -Werror (no "expression result unused").
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int hits;

async int sq(int x) {
  await(ca_yield());
  hits++;
  return x * x;
}

int main(void) {
  ca_block_on(sq(3));
  printf("hits=%d\n", hits);
  return 0;
}
// CHECK: hits=1
// CHECK-NEXT: exit=0
