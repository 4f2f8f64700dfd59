// Local types whose variables are not kept across an await stay in the
// body as written (only the types a frame needs move to file scope).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

async int before_and_after(int n) {
  struct acc { int sum, count; } a = {0, 0}; /* dead before the await */
  for (int i = 0; i < n; i++) {
    a.sum += i;
    a.count++;
  }
  int mean = a.sum / a.count;
  await(ca_yield());
  typedef struct { int lo, hi; } span; /* after the last await */
  enum { SMALL, LARGE } kind = mean > 1 ? LARGE : SMALL;
  span s = {mean, mean * 2};
  return s.hi - s.lo + (int)kind;
}

async int no_awaits(void) {
  struct box { int w; } b = {12};
  union { int i; float f; } u = {.i = 1};
  return b.w + u.i;
}

int main(void) {
  printf("%d\n", ca_block_on(before_and_after(5)));
  printf("%d\n", ca_block_on(no_awaits()));
  return 0;
}
// CHECK:      3
// CHECK-NEXT: 13
// CHECK-NEXT: exit=0
