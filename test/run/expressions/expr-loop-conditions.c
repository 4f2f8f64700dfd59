// Loop conditions and increments holding lazy operators with awaits on
// their lazy sides: a while condition with && and ?: (one arm a comma
// expression), a for increment with ?: and `a ?: b`, a do-while condition
// with || and a statement expression; each loop with a continue. The
// callees count their calls, so an await run too often shows.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int calls;

async int val(int x) {
  await(ca_yield());
  calls++;
  return x;
}

async int run(int one) {
  int i = 0, s = 0;
  while (i < 6 && (i % 2 ? await(val(1)) : (s++, await(val(1)) > 0))) {
    i++;
    if (i == 3)
      continue;
    s += 10;
  }
  printf("while i=%d s=%d calls=%d\n", i, s, calls);
  for (i = 0; i < 10; i += i % 2 ? await(val(3)) : one ?: await(val(100))) {
    if (i == 1)
      continue;
    s += i;
  }
  printf("for i=%d s=%d calls=%d\n", i, s, calls);
  i = 0;
  do {
    i++;
    if (i == 2)
      continue;
    s += 1000;
  } while (i < 2 || ({
             int t = await(val(i));
             t < 4;
           }));
  printf("do i=%d s=%d calls=%d\n", i, s, calls);
  return s;
}

int main(void) {
  printf("%d\n", ca_block_on(run(1)));
  return 0;
}
// CHECK: while i=6 s=53 calls=6
// CHECK-NEXT: for i=12 s=79 calls=9
// CHECK-NEXT: do i=4 s=3079 calls=12
// CHECK-NEXT: 3079
// CHECK-NEXT: exit=0
