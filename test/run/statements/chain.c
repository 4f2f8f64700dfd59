// A five-deep chain of async calls with locals kept across every await
// prints what its synchronous meaning prints.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int leaf(int x) {
  int y = x * 3;
  await(ca_yield());
  return y + 1;
}

async int level3(int x) {
  int a = await(leaf(x));
  int b = await(leaf(a));
  return a + b;
}

async int level2(int x) {
  int acc = x;
  acc += await(level3(x + 1));
  return acc;
}

async long level1(int x) {
  long r = await(level2(x));
  await(ca_yield());
  return r * 2;
}

async long top(int n) {
  long sum = 0;
  for (int i = 0; i < n; i++) {
    long v = await(level1(i));
    printf("i=%d v=%ld\n", i, v);
    sum += v;
  }
  return sum;
}

int main(void) {
  long s = ca_block_on(top(4));
  printf("sum=%ld\n", s);
  return 0;
}
// CHECK: i=0 v=34
// CHECK: i=3 v=
// CHECK: sum=
// CHECK: exit=0
