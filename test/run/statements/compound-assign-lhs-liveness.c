// Variables read only by the left side of `lhs op= await(...)` are kept in
// the frame: the lowering evaluates the left side after resuming.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

struct s { int m; };

async int val(int x) {
  await(ca_yield());
  return x;
}

async int idx(int k) {
  int arr[4] = {1, 2, 3, 4};
  int i = k;
  arr[i] += await(val(10));
  return arr[0] + arr[1] * 10 + arr[2] * 100 + arr[3] * 1000;
}

async int member(void) {
  struct s st = {5};
  struct s *ps = &st;
  ps->m *= await(val(3));
  return st.m;
}

int main(void) {
  printf("idx=%d\n", ca_block_on(idx(2)));
  printf("member=%d\n", ca_block_on(member()));
  return 0;
}
// CHECK: idx=5321
// CHECK-NEXT: member=15
// CHECK-NEXT: exit=0
