// register locals, kept across awaits and not.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int sq(int x) {
  await(ca_yield());
  return x * x;
}

async int regs(register int n) {
  register int acc = 0;
  register unsigned i;
  for (i = 1; i <= (unsigned)n; i++) {
    register int t = await(sq((int)i));
    acc += t;
  }
  register char tmp = 'A';
  tmp += acc % 26;
  printf("tmp=%c\n", tmp);
  register long tail = await(sq(acc));
  return (int)(tail % 100000) + n;
}

int main(void) {
  printf("r=%d\n", ca_block_on(regs(4)));
  printf("r=%d\n", ca_block_on(regs(7)));
  return 0;
}
// CHECK: tmp=E
// CHECK-NEXT: r=904
// CHECK-NEXT: tmp=K
// CHECK-NEXT: r=19607
// CHECK-NEXT: exit=0
