// long double and _Bool locals, parameters and results across awaits,
// including long double literals written inside a macro body. (Printed
// with 9 decimals: valgrind, part of the oracle, computes long double with
// double precision.)
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

#define SCALE(x) ((x) * 1.1L)

async long double third(long double x) {
  await(ca_yield());
  return x / 3;
}

async _Bool odd(long v) {
  await(ca_yield());
  return v & 1;
}

async int mixed(int n) {
  long double acc = 1.0L;
  _Bool flags[4] = {0};
  _Bool any = 0;
  long double big = SCALE(n);
  for (int i = 0; i < 4; i++) {
    acc += await(third(acc + i));
    flags[i] = await(odd(i + n));
    any |= flags[i];
  }
  _Bool b = 7; /* converts to 1 */
  b = await(odd(n * 2));
  long double q = await(third(big));
  printf("acc=%.9Lf big=%.9Lf q=%.9Lf\n", acc, big, q);
  printf("flags=%d%d%d%d any=%d b=%d\n", flags[0], flags[1], flags[2],
         flags[3], any, b);
  return (int)(acc * 1000) + any + b;
}

int main(void) {
  printf("r=%d\n", ca_block_on(mixed(3)));
  return 0;
}
// CHECK: acc=5.641975309 big=3.300000000 q=1.100000000
// CHECK-NEXT: flags=1010 any=1 b=0
// CHECK-NEXT: r=5642
// CHECK-NEXT: exit=0
