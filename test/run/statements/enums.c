// Enum locals, parameters and return values across awaits; enum constants
// in case labels, array sizes and arithmetic.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

enum color { RED, GREEN = 5, BLUE, NCOLORS = 3 };
typedef enum { LOW = -1, MID, HIGH } level;

async enum color next(enum color c) {
  await(ca_yield());
  switch (c) {
  case RED:
    return GREEN;
  case GREEN:
    return BLUE;
  default:
    return RED;
  }
}

async level grade(int x) {
  await(ca_yield());
  return x < 0 ? LOW : x == 0 ? MID : HIGH;
}

async int walk(enum color start, int steps) {
  enum color c = start;
  int hist[NCOLORS] = {0};
  level lv = MID;
  for (int i = 0; i < steps; i++) {
    c = await(next(c));
    hist[c == RED ? 0 : c == GREEN ? 1 : 2]++;
    lv = await(grade(i - 2));
    printf("%d:%d ", c, lv);
  }
  printf("\n");
  return hist[0] * 100 + hist[1] * 10 + hist[2] + lv * 1000;
}

int main(void) {
  printf("r=%d\n", ca_block_on(walk(GREEN, 5)));
  printf("r=%d\n", ca_block_on(walk(RED, 1)));
  return 0;
}
// CHECK: 6:-1 0:-1 5:0 6:1 0:1
// CHECK-NEXT: r=1212
// CHECK-NEXT: 5:-1
// CHECK-NEXT: r=-990
// CHECK-NEXT: exit=0
