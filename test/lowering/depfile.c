// -MD names the original source file and its headers, not a lowered copy.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/dep.c && cp %S/Inputs/helper.h %t/helper.h
// RUN: cd %t && %cawait-cc -MD -c dep.c -o dep.o
// RUN: FileCheck %s < %t/dep.d
// CHECK: dep.o: dep.c
// CHECK: cawait.h
// CHECK: helper.h
// CHECK-NOT: cawait.dep
#include <cawait.h>
#include "helper.h"

async int twice_later(int x) {
  await(ca_yield());
  return twice(x);
}

int main(void) { return ca_block_on(twice_later(0)); }
