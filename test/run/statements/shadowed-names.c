// The same name declared in nested blocks with different types (and
// shadowing a parameter and a global), each kept across awaits.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

int v = 1000;

async int id(int x) {
  await(ca_yield());
  return x;
}

async double shadow(int v) {
  double total = v; /* the parameter */
  {
    double v = 2.5;
    await(ca_yield());
    total += v;
    {
      char v[8] = "abc";
      int w = await(id(3));
      v[w] = 'd';
      v[w + 1] = 0;
      printf("inner v=%s\n", v);
      {
        struct { int v; } s = {7};
        int v = await(id(s.v * 2));
        total += v;
      }
      total += v[0];
    }
    v *= 2;
    total += await(id((int)v));
  }
  for (int v = 0; v < 3; v++) {
    long long t = await(id(v));
    total += t * 100;
  }
  {
    extern int v;
    total += v;
  }
  total += v;
  return total;
}

int main(void) {
  printf("total=%.1f\n", ca_block_on(shadow(4)));
  return 0;
}
// CHECK: inner v=abcd
// CHECK-NEXT: total=1426.5
// CHECK-NEXT: exit=0
