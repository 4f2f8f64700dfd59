// A ca_block_on(...) spanning several lines keeps the line numbers of the
// rest of the file (__LINE__ after it is right).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int step(int x, int y) {
  await(ca_yield());
  return x + y;
}

int main(void) {
  int v = ca_block_on(step(1,
                           2));
  printf("v=%d line=%d\n", v, __LINE__);
  return 0;
}
// CHECK: v=3 line=[[#@LINE-3]]
// CHECK-NEXT: exit=0
