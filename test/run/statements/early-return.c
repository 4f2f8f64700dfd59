// Early returns from inside loops, nested loops and switch cases, with and
// without an await in the return, and returns after partial work.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int probe(int x) {
  await(ca_yield());
  return x * 3 % 7;
}

async int search(int target, int limit) {
  int seen = 0;
  for (int i = 0; i < limit; i++) {
    for (int j = 0; j < 4; j++) {
      int v = await(probe(i * 4 + j));
      seen++;
      if (v == target)
        return i * 100 + j * 10 + seen;
      switch (v) {
      case 6:
        if (i == 2 && target == 9)
          return -seen;
        break;
      case 5:
        continue;
      default:
        if (seen > 20)
          {
            int q = await(probe(seen));
            return q + 1000;
          }
      }
    }
    while (1) {
      int w = await(probe(i));
      if (w >= 0)
        break;
      return -999;
    }
  }
  do {
    int z = await(probe(limit));
    return 5000 + z;
  } while (0);
}

int main(void) {
  printf("a=%d\n", ca_block_on(search(4, 3)));
  printf("b=%d\n", ca_block_on(search(9, 3)));
  printf("c=%d\n", ca_block_on(search(9, 8)));
  printf("d=%d\n", ca_block_on(search(0, 1)));
  printf("e=%d\n", ca_block_on(search(9, 1)));
  printf("f=%d\n", ca_block_on(search(8, 8)));
  return 0;
}
// CHECK: a=127
// CHECK-NEXT: b=-10
// CHECK-NEXT: c=-10
// CHECK-NEXT: d=1
// CHECK-NEXT: e=5003
// CHECK-NEXT: f=1000
// CHECK-NEXT: exit=0
