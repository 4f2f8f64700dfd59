// Kept variables in C locals of poll, by name and scope: a local shadowed
// at an await that holds it (by a variable, a typedef name or an
// enumerator: it stays in the frame) and the shadowing ones (in locals),
// a parameter shadowed in a nested block, sibling loops declaring the same
// name, a goto back past declarations across an await, a switch whose
// cases jump past declarations into blocks that await, and a declaration
// group whose later initializer awaits.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

/* Suspends once when k is odd; completes at once otherwise. */
async int maybe(int k) {
  if (k & 1)
    await(ca_yield());
  return k;
}

async int shadows(int v) {
  int a = 1, b = 2, e = 3;
  for (int i = 0; i < 4; i++) {
    int a = i * 10;
    typedef long b;
    enum { e = 5 };
    await(maybe(i));
    v += a + (int)(b)e;
    {
      int v = 100; // shadows the parameter
      v += await(maybe(i + 1));
      a += v;
    }
    v += a;
  }
  for (int i = 0; i < 3; i++)
    v += await(maybe(i)) * i;
  for (int i = 5; i < 7; i++)
    v -= await(maybe(i));
  return v * 100 + a + b + e;
}

async int jumps(int n) {
  int total = 0;
  int round = 0;
again:;
  int here = round * 3;
  {
    int inner = here + 1;
    total += await(maybe(inner)) + inner;
  }
  if (++round < n)
    goto again;
  switch (n) {
    int skipped;
  case 3: {
    skipped = 4;
    int c = await(maybe(n)) + skipped;
    total += c;
  }
    /* fallthrough */
  case 4:
    skipped = 9;
    total += await(maybe(skipped)) * 2;
    break;
  default:
    total = -1;
  }
  return total;
}

async int group(int n) {
  int x = n + 1, y = await(maybe(x)) + x, z = await(maybe(y)) * 2;
  return x * 10000 + y * 100 + z;
}

int main(void) {
  printf("shadows %d\n", ca_block_on(shadows(1)));
  printf("jumps %d\n", ca_block_on(jumps(3)));
  printf("jumps %d\n", ca_block_on(jumps(4)));
  printf("jumps %d\n", ca_block_on(jumps(2)));
  printf("group %d\n", ca_block_on(group(2)));
  return 0;
}

// CHECK: shadows 54506
// CHECK-NEXT: jumps 49
// CHECK-NEXT: jumps 62
// CHECK-NEXT: jumps -1
// CHECK-NEXT: group 30612
// CHECK-NEXT: exit=0
