// KNOWN BUG (XFAIL until fixed): a goto or return that leaves a scope whose
// cleanup variable is kept in the frame (`a`, held across the await) and an
// inner scope whose cleanup variable is a plain C local of poll (`b`) runs
// the frame's cleanup first: cawait-cc prints "[release 1] [release 2]",
// plain clang "[release 2] [release 1]" (innermost first, C's order). The
// jump's lowering calls the kept cleanups before the goto, and the C
// local's cleanup attribute runs when the goto leaves its block, after
// them (passes/EmitStatements.cpp, jump lowering). `break` is right.
// XFAIL: *
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static void release(int *p) { printf(" [release %d]", *p); }

async int by_goto(int n) {
  {
    __attribute__((cleanup(release))) int a = 1;
    await(ca_yield());
    {
      __attribute__((cleanup(release))) int b = 2;
      if (n)
        goto out;
    }
  }
out:
  return 0;
}

async int by_return(int n) {
  __attribute__((cleanup(release))) int a = 3;
  await(ca_yield());
  {
    __attribute__((cleanup(release))) int b = 4;
    if (n)
      return 1;
  }
  return 0;
}

int main(void) {
  ca_block_on(by_goto(1));
  printf("\n");
  // CHECK: [release 2] [release 1]
  ca_block_on(by_return(1));
  printf("\n");
  // CHECK-NEXT: [release 4] [release 3]
  return 0;
}
