// A parameter whose address is taken is kept in the frame while the pointer can reach it (found by test/fuzz, seed 192).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async long f(long p) {
  long *v = &p;
  await(ca_yield());
  return *v;
}

int main(void) {
  printf("r=%ld\n", ca_block_on(f(8)));
  return 0;
}
// CHECK: r=8
// CHECK-NEXT: exit=0
