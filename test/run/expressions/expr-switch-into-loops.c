// case labels inside loops that are rewritten because their condition or
// increment awaits (a Duff's-device-like switch into a for and a while),
// jumping past the condition into the body; continue from such a body; a
// case whose declaration awaits, jumped over by a later case.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}
async int next(int *it) {
  await(ca_yield());
  return --*it;
}

async int duff(int start, int n) {
  int i = 0, out = 0, it = n;
  switch (start) {
  case 0:
    for (i = await(val(0)); i < await(val(n)); i += await(val(1))) {
      out += 1;
    case 1:
      out += 10;
      if (i == 1)
        continue;
    case 2:
      out += 100;
    }
    break;
  case 3:
    while (await(next(&it)) > 0) {
    case 4:
      out += 1000;
      if (it == 2)
        continue;
      out += 5;
    }
    break;
  case 5:;
    int t = await(val(7)) + 1;
    out = t;
    /* fallthrough */
  case 6:
    out += 1;
  }
  return out * 100 + i;
}

async int run(void) {
  for (int s = 0; s < 7; s++)
    printf("duff(%d)=%d\n", s, await(duff(s, 3)));
  return 0;
}

int main(void) { return ca_block_on(run()); }
// CHECK: duff(0)=23303
// CHECK-NEXT: duff(1)=23203
// CHECK-NEXT: duff(2)=22203
// CHECK-NEXT: duff(3)=200500
// CHECK-NEXT: duff(4)=301000
// CHECK-NEXT: duff(5)=900
// CHECK-NEXT: duff(6)=100
// CHECK-NEXT: exit=0
