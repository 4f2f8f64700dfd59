// const, volatile and const volatile locals (scalars, arrays, structs,
// pointers) kept across awaits.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

struct pt { int x, y; };

async int twice(int x) {
  await(ca_yield());
  return x * 2;
}

async int cv(int n) {
  const int k = n + 1;
  volatile int counter = 0;
  const volatile long cvl = 77;
  const int table[4] = {k, k * 2, k * 3, k * 4};
  const struct pt origin = {n, -n};
  const char *const name = "cv";
  volatile struct pt vp = {1, 2};
  int *volatile vptr = (int *)0;
  for (int i = 0; i < 4; i++) {
    counter += await(twice(table[i]));
    vp.x += i;
  }
  int got = await(twice(k));
  vptr = &got;
  *vptr += origin.x * 100 + origin.y;
  await(ca_yield());
  printf("%s k=%d counter=%d cvl=%ld origin=%d,%d vp=%d,%d got=%d\n", name,
         k, counter, cvl, origin.x, origin.y, vp.x, vp.y, got);
  return counter + got;
}

int main(void) {
  printf("r=%d\n", ca_block_on(cv(2)));
  printf("r=%d\n", ca_block_on(cv(10)));
  return 0;
}
// CHECK: cv k=3 counter=60 cvl=77 origin=2,-2 vp=7,2 got=204
// CHECK-NEXT: r=264
// CHECK-NEXT: cv k=11 counter=220 cvl=77 origin=10,-10 vp=7,2 got=1012
// CHECK-NEXT: r=1232
// CHECK-NEXT: exit=0
