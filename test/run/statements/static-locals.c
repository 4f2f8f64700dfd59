// Static locals of async functions stay static: shared by every call and
// every frame, counting calls, with shadowing statics in nested blocks.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int counted(int x) {
  static int calls;
  static const int bias = 5;
  calls++;
  int mine = calls;
  await(ca_yield());
  {
    static int calls = 100; /* a different static */
    calls += x;
    await(ca_yield());
    printf("inner calls=%d\n", calls);
  }
  return mine * 10 + calls + bias;
}

async int driver(int n) {
  static int total;
  static int *ptotal = &total;
  for (int i = 0; i < n; i++) {
    int r = await(counted(i));
    *ptotal += r;
  }
  return total;
}

int main(void) {
  printf("first=%d\n", ca_block_on(driver(3)));
  printf("second=%d\n", ca_block_on(driver(2)));
  printf("single=%d\n", ca_block_on(counted(50)));
  return 0;
}
// CHECK: inner calls=100
// CHECK-NEXT: inner calls=101
// CHECK-NEXT: inner calls=103
// CHECK-NEXT: first=81
// CHECK-NEXT: inner calls=103
// CHECK-NEXT: inner calls=104
// CHECK-NEXT: second=190
// CHECK-NEXT: inner calls=154
// CHECK-NEXT: single=71
// CHECK-NEXT: exit=0
