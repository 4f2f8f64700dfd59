// One async function awaited from many different callers (chains and
// siblings, defined before and after it), and callers awaiting the same
// callee at several sites.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int calls;

async int shared(int x);

async int before_def(int x) {
  int a = await(shared(x));
  int b = await(shared(a));
  return a + b;
}

async int shared(int x) {
  int before = ++calls;
  await(ca_yield());
  return x * 3 + before % 2;
}

async int c1(int x) { return await(shared(x)); }
async int c2(int x) {
  int a = await(shared(x));
  int b = await(c1(a));
  return a * 1000 + b;
}
async int c3(int x) {
  int s = 0;
  for (int i = 0; i < 3; i++) {
    if (i & 1)
      s += await(shared(i + x));
    else
      s += await(c1(i));
  }
  s -= await(before_def(x));
  switch (x) {
  case 1:
    s += await(shared(100));
    break;
  default:
    s += await(c2(x));
  }
  return s;
}
async long top(void) {
  long r = await(c3(1));
  r *= 7;
  r += await(c3(2));
  int z = await(c2(5));
  r += z;
  r += await(before_def(2));
  return r;
}

int main(void) {
  long t = ca_block_on(top());
  printf("top=%ld calls=%d\n", t, calls);
  int c = ca_block_on(c1(9));
  printf("c1=%d calls=%d\n", c, calls);
  return 0;
}
// CHECK: top=23189 calls=17
// CHECK-NEXT: c1=27 calls=18
// CHECK-NEXT: exit=0
