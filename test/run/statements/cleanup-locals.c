// Cleanup locals in an async function, kept in the frame across awaits:
// their cleanups run when their block is left normally: end of block,
// break, continue, goto out of the block, return (after the value is
// computed), innermost first, as in C.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static void done(int *p) { printf("cleanup %d\n", *p); }

async int step(int x) { await(ca_yield()); return x; }

async int scopes(int n) {
  __attribute__((cleanup(done))) int outer = 1;
  for (int i = 0; i < 4; i++) {
    __attribute__((cleanup(done))) int in_loop = 10 + i;
    if (i == 1) continue;
    if (i == 3) break;
    {
      __attribute__((cleanup(done))) int inner = 100 + i;
      await(step(i));
      if (n == i) goto out;
    }
    printf("after block %d\n", i);
  }
out:
  printf("at out\n");
  {
    __attribute__((cleanup(done))) int last = 7;
    int r = await(step(last)) + outer;
    if (r > 0) return r;
  }
  return 0;
}

// CHECK: cleanup 100
// CHECK-NEXT: after block 0
// CHECK-NEXT: cleanup 10
// CHECK-NEXT: cleanup 11
// CHECK-NEXT: cleanup 102
// CHECK-NEXT: cleanup 12
// CHECK-NEXT: at out
// CHECK-NEXT: cleanup 7
// CHECK-NEXT: cleanup 1
// CHECK-NEXT: ret 8
// CHECK-NEXT: cleanup 100
// CHECK-NEXT: after block 0
// CHECK-NEXT: cleanup 10
// CHECK-NEXT: cleanup 11
// CHECK-NEXT: cleanup 102
// CHECK-NEXT: after block 2
// CHECK-NEXT: cleanup 12
// CHECK-NEXT: cleanup 13
// CHECK-NEXT: at out
// CHECK-NEXT: cleanup 7
// CHECK-NEXT: cleanup 1
// CHECK-NEXT: ret 8
// CHECK-NEXT: exit=0
int main(void) {
  printf("ret %d\n", ca_block_on(scopes(2)));
  printf("ret %d\n", ca_block_on(scopes(9)));
  return 0;
}
