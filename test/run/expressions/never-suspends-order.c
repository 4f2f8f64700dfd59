// Awaits of functions that never suspend keep the order of evaluation the
// program has without the plugin when a statement also holds awaits that
// suspend (they are moved out of the expression together, in order), and
// an await that never suspends may take an argument that awaits one that
// does. Differential. (Found by review: the sync calls stayed inline while
// the suspending awaits moved ahead of them; `await(ns(await(sp(x))))`
// failed to compile.)
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int g;
async int setg(int v) { g = v; return v; }            /* never suspends */
async int readg(void) { await(ca_yield()); return g; } /* suspends */
async int ns(int x) { return x + 1; }
async int sp(int x) { await(ca_yield()); return x; }

async int f(void) {
  g = 0;
  int a = await(setg(1)) + await(readg());
  g = 0;
  int b = await(setg(2)), c = await(readg());
  g = 0;
  int d = (await(setg(3)), await(readg()));
  g = 0;
  int e = await(setg(4)) ? await(readg()) : -1;
  g = 0;
  int h = await(setg(5)) && await(readg());
  g = 0;
  int arr[2] = {await(setg(6)), await(readg())};
  g = 0;
  printf("%d %d %d %d %d %d %d\n", a, b, c, d, e, h, arr[1]);
  printf("%d %d\n", await(setg(7)), await(readg()));
  int t = await(ns(await(sp(3))));
  t += await(ns(1 + await(sp(2))));
  t += await(ns(({ int q = await(sp(4)); q; })));
  await(ns(await(sp(t))));
  return t + await(ns(await(sp(1))));
}

int main(void) {
  printf("%d\n", ca_block_on(f()));
  return 0;
}
// CHECK:      2 2 2 3 4 1 6
// CHECK-NEXT: 7 7
// CHECK-NEXT: 15
// CHECK-NEXT: exit=0
