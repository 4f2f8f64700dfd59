// __typeof__(x) of a local kept in the frame reads the frame (GNU
// MAX/MIN macros).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

#define MAX(a, b)                                                              \
  ({                                                                           \
    __typeof__(a) _a = (a);                                                    \
    __typeof__(b) _b = (b);                                                    \
    _a > _b ? _a : _b;                                                         \
  })

async int step(int x) {
  await(ca_yield());
  return x + 1;
}

async long f(int n) {
  long x = n;
  int y = await(step(n));
  long m = MAX(x, (long)y);
  printf("%ld %d %ld\n", x, y, m);
  return m;
}

int main(void) {
  printf("r=%ld\n", ca_block_on(f(5)));
  return 0;
}
// CHECK: 5 6 6
// CHECK-NEXT: r=6
// CHECK-NEXT: exit=0
