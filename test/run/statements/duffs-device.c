// Duff's device: case labels inside a do-while inside a switch, with awaits
// between them, so resuming jumps into the middle of the interleaved loop.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int xform(int v) {
  await(ca_yield());
  return v * 3 + 1;
}

async int duff(int *to, const int *from, int count) {
  int n = (count + 3) / 4;
  int i = 0;
  if (count <= 0)
    return 0;
  switch (count % 4) {
  case 0:
    do {
      to[i] = await(xform(from[i]));
      i++;
    case 3:
      to[i] = await(xform(from[i]));
      i++;
    case 2:
      to[i] = await(xform(from[i]));
      i++;
    case 1:
      to[i] = await(xform(from[i]));
      i++;
    } while (--n > 0);
  }
  return i;
}

int main(void) {
  int from[11], to[11];
  for (int i = 0; i < 11; i++)
    from[i] = i * i - 5;
  for (int count = 0; count <= 11; count += 3) {
    for (int i = 0; i < 11; i++)
      to[i] = -1;
    int done = ca_block_on(duff(to, from, count));
    printf("count=%d done=%d:", count, done);
    for (int i = 0; i < 11; i++)
      printf(" %d", to[i]);
    printf("\n");
  }
  return 0;
}
// CHECK: count=0 done=0: -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1
// CHECK-NEXT: count=3 done=3: -14 -11 -2 -1 -1 -1 -1 -1 -1 -1 -1
// CHECK-NEXT: count=6 done=6: -14 -11 -2 13 34 61 -1 -1 -1 -1 -1
// CHECK-NEXT: count=9 done=9: -14 -11 -2 13 34 61 94 133 178 -1 -1
// CHECK-NEXT: exit=0
