// Async functions whose whole definition comes from a macro expansion, and
// an async function whose name is a macro.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

#define DEFINE_ADDER(name, k)                                                  \
  async int name(int x) {                                                      \
    int before = x;                                                            \
    await(ca_yield());                                                         \
    return before + k;                                                         \
  }
DEFINE_ADDER(add1, 1)
DEFINE_ADDER(add20, 20) DEFINE_ADDER(add300, 300)

#define WORKER worker_impl
async int WORKER(int n) {
  int a = await(add1(n));
  int b = await(add20(a));
  int c = await(add300(b));
  return a * 1000000 + b * 1000 + c;
}

int main(void) {
  printf("r=%d\n", ca_block_on(WORKER(5)));
  printf("r=%d\n", ca_block_on(worker_impl(-1)));
  return 0;
}
// CHECK: r=6026326
// CHECK-NEXT: r=20320
// CHECK-NEXT: exit=0
