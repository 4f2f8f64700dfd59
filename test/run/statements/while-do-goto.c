// while, do-while, break, continue, goto and labels keep their meaning
// around awaits.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int tick(int x) {
  await(ca_yield());
  return x;
}

async int loops(int n) {
  int count = 0;
  int i = 0;
  while (i < n) {
    int t = await(tick(i));
    i++;
    if (t % 3 == 0)
      continue;
    if (t > 7)
      break;
    count += t;
  }
  printf("while: count=%d i=%d\n", count, i);
  int j = 0;
  do {
    count += await(tick(j));
    j += 2;
  } while (j < 6);
  printf("do: count=%d\n", count);
  int tries = 0;
again:
  tries++;
  count -= await(tick(tries));
  if (tries < 3)
    goto again;
  printf("goto: count=%d tries=%d\n", count, tries);
  return count;
}

int main(void) {
  printf("result=%d\n", ca_block_on(loops(20)));
  return 0;
}
// CHECK: while: count=19 i=9
// CHECK-NEXT: do: count=25
// CHECK-NEXT: goto: count=19 tries=3
// CHECK-NEXT: result=19
// CHECK-NEXT: exit=0
