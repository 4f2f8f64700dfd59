// switch on an expression holding awaits, with default first, fallthrough
// into and out of cases whose statements await, a nested switch on an
// await, and a case block declaring a local from an await.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int calls;

async int val(int x) {
  await(ca_yield());
  calls++;
  return x;
}

async int sw(int v) {
  int r = 0;
  switch (await(val(v)) + await(val(1))) {
  default:
    r += 1000;
    /* fallthrough */
  case 1:
    r += 1;
    /* fallthrough */
  case 2:
    r += await(val(2)) * 10;
    break;
  case 3: {
    int t = await(val(3)) * 100;
    r += t;
  }
    /* fallthrough */
  case 4:
    switch (await(val(v)) * 2) {
    case 6:
      r += 5;
      break;
    default:
      r += 7 + await(val(0));
    }
    break;
  case 5:
    r = -1;
  }
  return r;
}

async int run(void) {
  for (int v = -1; v < 5; v++) {
    calls = 0;
    int r = await(sw(v));
    printf("sw(%d)=%d calls=%d\n", v, r, calls);
  }
  return 0;
}

int main(void) { return ca_block_on(run()); }
// CHECK: sw(-1)=1021 calls=3
// CHECK-NEXT: sw(0)=21 calls=3
// CHECK-NEXT: sw(1)=20 calls=3
// CHECK-NEXT: sw(2)=307 calls=5
// CHECK-NEXT: sw(3)=5 calls=3
// CHECK-NEXT: sw(4)=-1 calls=2
// CHECK-NEXT: exit=0
