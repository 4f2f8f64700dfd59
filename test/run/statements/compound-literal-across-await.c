// Compound literals whose block holds an await live in the frame: pointers
// to them, kept in locals or given to the awaited callee, stay valid.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

struct pt {
  int x, y;
};

async int sum(const int *v, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    await(ca_yield());
    s += v[i];
  }
  return s;
}

async int f(int n) {
  int *p = (int[]){n, n * 2, n * 3};
  struct pt *q = &(struct pt){n + 10, n + 20};
  int v = await(sum((int[]){1, 2, n}, 3));
  return p[1] * 1000 + q->y * 10 + v;
}

int main(void) {
  printf("r=%d\n", ca_block_on(f(5)));
  return 0;
}
// CHECK: r=10258
// CHECK-NEXT: exit=0
