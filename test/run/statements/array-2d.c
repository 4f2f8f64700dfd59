// Two- and three-dimensional local arrays, rows taken as pointers, kept
// across awaits, elements assigned from awaits.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int cell(int r, int c) {
  await(ca_yield());
  return r * 10 + c;
}

async long matrix(int n) {
  int m[3][4];
  long cube[2][2][2] = {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}};
  for (int r = 0; r < 3; r++)
    for (int c = 0; c < 4; c++)
      m[r][c] = await(cell(r + n, c));
  int *row1 = m[1];
  int (*rows)[4] = m;
  await(ca_yield());
  row1[3] += 1000;
  rows[2][0] = -rows[2][0];
  cube[1][0][1] = await(cell(m[0][1], 9));
  long sum = 0;
  for (int r = 0; r < 3; r++) {
    for (int c = 0; c < 4; c++)
      printf("%5d", m[r][c]);
    printf("\n");
  }
  for (int i = 0; i < 8; i++)
    sum += (&cube[0][0][0])[i] * (i + 1);
  return sum;
}

int main(void) {
  printf("sum=%ld\n", ca_block_on(matrix(1)));
  return 0;
}
// CHECK:      10   11   12   13
// CHECK-NEXT: 20   21   22 1023
// CHECK-NEXT: -30   31   32   33
// CHECK-NEXT: sum=882
// CHECK-NEXT: exit=0
