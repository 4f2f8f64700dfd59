// Locals with attributes and alignment specifiers in a statement
// expression holding an await: the re-printed declarations must stay valid
// (`int v __attribute__((aligned(16)))`, `_Alignas(16) int w`), not
// `int v__attribute__((aligned(16)))` or `int w_Alignas(16)`.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdint.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

async int run(void) {
  int r = ({
    int v __attribute__((aligned(16))) = await(val(1));
    _Alignas(32) int w = await(val(2));
    printf("aligned %d %d\n", (int)((uintptr_t)&v % 16), (int)((uintptr_t)&w % 32));
    v + w;
  });
  printf("r=%d\n", r);
  return r;
}

int main(void) {
  printf("%d\n", ca_block_on(run()));
  return 0;
}
// CHECK: aligned 0 0
// CHECK-NEXT: r=3
// CHECK-NEXT: 3
// CHECK-NEXT: exit=0
