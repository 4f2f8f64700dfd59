// A local enum with a fixed underlying type that is a local typedef (C23),
// and an unnamed local enum whose constant sizes an array, kept across an
// await: both move to file scope, the typedef first.
// RUN: %differential %s %t -std=c23 | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int f(void) {
  typedef unsigned char byte;
  enum small : byte { LO = 1, HI = 200 } s = HI;
  enum { K = 3 } arr[K] = {K, K, K};
  await(ca_yield());
  printf("%d %zu %d %zu\n", (int)s, sizeof s, arr[2], sizeof arr);
  return 0;
}

int main(void) { return ca_block_on(f()); }
// CHECK:      200 1 3 12
// CHECK-NEXT: exit=0
