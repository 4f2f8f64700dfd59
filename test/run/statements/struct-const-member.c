// Kept locals and parameters whose struct type has a const member are
// stored in the frame with memcpy (C forbids assigning them).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

struct cfg {
  const int id;
  int n;
};

async int step(int x) {
  await(ca_yield());
  return x + 1;
}

async int f(int n) {
  struct cfg c = {7, n};
  c.n = await(step(c.n));
  printf("%d %d\n", c.id, c.n);
  return c.n;
}

async int g(struct cfg c) {
  await(ca_yield());
  return c.id * 10 + c.n;
}

int main(void) {
  printf("r=%d\n", ca_block_on(f(5)));
  struct cfg c = {3, 4};
  printf("g=%d\n", ca_block_on(g(c)));
  return 0;
}
// CHECK: 7 6
// CHECK-NEXT: r=6
// CHECK-NEXT: g=34
// CHECK-NEXT: exit=0
