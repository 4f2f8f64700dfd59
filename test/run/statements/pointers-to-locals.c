// Pointers to locals, into local arrays and into struct members, kept across
// awaits, and a callee that writes through a pointer into its caller's frame
// while it is suspended.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

struct acc { int sum; int hist[4]; };

async void fill(int *dst, int n, int base) {
  for (int i = 0; i < n; i++) {
    await(ca_yield());
    dst[i] = base + i * i;
  }
}

async int bump(int *p, int by) {
  await(ca_yield());
  *p += by;
  return *p;
}

async int run(int seed) {
  int x = seed;
  int *p = &x;
  int arr[6] = {0};
  int *mid = arr + 2;
  int *end = &arr[5];
  struct acc a = {0, {0}};
  int *h = &a.hist[1];
  int *ps = &a.sum;
  await(fill(arr, 6, seed));
  *p += 1;
  *mid *= 10;
  *end -= 1;
  int r = await(bump(&x, 5));
  *h = r;
  await(fill(a.hist + 2, 2, r));
  for (int i = 0; i < 6; i++)
    *ps += arr[i];
  int **pp = &p;
  await(ca_yield());
  **pp += *ps;
  printf("x=%d r=%d arr=%d,%d,%d,%d,%d,%d hist=%d,%d,%d,%d sum=%d\n", x, r,
         arr[0], arr[1], arr[2], arr[3], arr[4], arr[5], a.hist[0], a.hist[1],
         a.hist[2], a.hist[3], a.sum);
  return x;
}

int main(void) {
  printf("ret=%d\n", ca_block_on(run(3)));
  printf("ret=%d\n", ca_block_on(run(-2)));
  return 0;
}
// CHECK: x=144 r=9 arr=3,4,70,12,19,27 hist=0,9,9,10 sum=135
// CHECK-NEXT: ret=144
// CHECK-NEXT: x=64 r=4 arr=-2,-1,20,7,14,22 hist=0,4,4,5 sum=60
// CHECK-NEXT: ret=64
// CHECK-NEXT: exit=0
