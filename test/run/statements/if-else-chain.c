// Awaits in every branch of if / else-if / else chains, nested, with and
// without braces.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int add(int a, int b) {
  await(ca_yield());
  return a + b;
}

async int classify(int x) {
  int r = 0;
  if (x < 0)
    r = await(add(x, -100));
  else if (x == 0)
    r = await(add(1, 2));
  else if (x < 10) {
    int t = await(add(x, x));
    if (t > 10)
      r = await(add(t, 1000));
    else
      r = await(add(t, 2000));
  } else if (x < 100)
    r += await(add(x, 3000));
  else {
    await(ca_yield());
    if (x & 1) {
      r = await(add(x, 1));
    } else if (x & 2) {
      r = await(add(x, 2));
    } else
      return await(add(x, 4));
  }
  return r;
}

int main(void) {
  int xs[] = {-5, 0, 3, 7, 42, 101, 102, 104};
  for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++)
    printf("%d:%d ", xs[i], ca_block_on(classify(xs[i])));
  printf("\n");
  return 0;
}
// CHECK: -5:-105 0:3 3:2006 7:1014 42:3042 101:102 102:104 104:108
// CHECK-NEXT: exit=0
