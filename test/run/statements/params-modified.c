// Parameters (scalars, structs, pointers, const) modified before and after
// awaits keep their updated values.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

struct pair { int a, b; };

async int inc(int v) {
  await(ca_yield());
  return v + 1;
}

async long mix(int n, struct pair pr, const int k, int *out, double d,
               unsigned char c) {
  n *= 2;
  pr.a += k;
  n = await(inc(n));
  pr.b = await(inc(pr.b));
  d /= 4;
  c += 250; /* wraps */
  *out = n + pr.a;
  k > 2 ? (void)(n += 100) : (void)0;
  await(ca_yield());
  out[1] = await(inc(*out));
  return (long)n * 1000 + pr.a * 100 + pr.b * 10 + (long)(d * 8) + c;
}

int main(void) {
  int o[2] = {0, 0};
  struct pair p = {1, 2};
  long r = ca_block_on(mix(5, p, 3, o, 10.0, 9));
  printf("r=%ld o=%d,%d p=%d,%d\n", r, o[0], o[1], p.a, p.b);
  r = ca_block_on(mix(-4, (struct pair){7, -1}, 1, o, 1.0, 200));
  printf("r=%ld o=%d,%d\n", r, o[0], o[1]);
  return 0;
}
// CHECK: r=111453 o=15,16 p=1,2
// CHECK-NEXT: r=-6004 o=1,2
// CHECK-NEXT: exit=0
