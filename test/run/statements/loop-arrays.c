// Locals and arrays kept across awaits inside nested loops keep their values.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int next_value(int seed) {
  await(ca_yield());
  return seed * 7 % 13;
}

async int fill(int n) {
  int buf[8];
  double weights[3] = {0.5, 1.5, 2.0};
  char name[16] = "frame";
  int total = 0;
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < 8; j++)
      buf[j] = await(next_value(i * 8 + j));
    int k = 0;
    while (k < 8) {
      total += buf[k] * (int)weights[k % 3];
      k++;
    }
    printf("%s %d total=%d\n", name, i, total);
  }
  return total;
}

int main(void) {
  printf("result=%d\n", ca_block_on(fill(3)));
  return 0;
}
// CHECK: frame 0 total=
// CHECK-NEXT: frame 1 total=
// CHECK-NEXT: frame 2 total=
// CHECK-NEXT: result=
// CHECK-NEXT: exit=0
