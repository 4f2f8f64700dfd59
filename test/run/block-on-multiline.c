// BUG: a ca_block_on(...) that spans several lines is replaced by one line
// and no #line marker follows, so every later line of the file is numbered
// too low (__LINE__ and diagnostics are off).
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
// CHECK: v=3 line=16
// CHECK-NEXT: exit=0
