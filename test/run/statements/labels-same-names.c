// Labels with the same names in different async functions (and the same
// name as a local), goto forwards and backwards across awaits, and a
// computed goto whose target is kept across an await.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int id(int x) {
  await(ca_yield());
  return x;
}

async int first(int n) {
  int again = 0;
  int acc = 0;
again:
  acc += await(id(n));
  if (++again < 3)
    goto again;
  goto out;
out:
  return acc;
}

async int second(int n) {
  int acc = 1;
  int i = 0;
again:
  if (i >= n)
    goto out;
  acc = await(id(acc * 2));
  i++;
  goto again;
out:
  await(ca_yield());
  return acc;
}

async int third(int n) {
  void *target = n > 2 ? &&big : &&small;
  int v = await(id(n));
  goto *target;
big:
  v *= 100;
  goto out;
small:
  v = -v;
out:
  return v;
}

int main(void) {
  printf("%d %d %d %d %d\n", ca_block_on(first(5)), ca_block_on(second(4)),
         ca_block_on(second(0)), ca_block_on(third(3)), ca_block_on(third(1)));
  return 0;
}
// CHECK: 15 16 1 300 -1
// CHECK-NEXT: exit=0
