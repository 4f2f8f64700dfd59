// Cleanup locals kept in the frame (`a`, held across the await) and plain
// locals of poll with a cleanup declared in their scope (`b`): every way
// out of the blocks runs them innermost first, in reverse declaration
// order, as C does. poll calls both itself (passes/EmitStatements.cpp,
// callsOwnCleanup); before, `b`'s cleanup attribute ran it when the block
// was left, after the calls for the kept ones: "[release 1] [release 2]".
// RUN: %differential %s %t | FileCheck %s
// RUN: %cawait-cc -fplugin-arg-cawait-emit=%t.lowered.c -c %s -o %t.o
// RUN: FileCheck --check-prefix=LOWERED %s < %t.lowered.c
#include <cawait.h>
#include <stdio.h>

static void release(int *p) { printf(" [release %d]", *p); }

// LOWERED-LABEL: by_goto__poll(
// LOWERED: int b = 2;
// LOWERED-NEXT: if (n)
// LOWERED-NEXT: {
// LOWERED-NEXT: release(&b);
// LOWERED-NEXT: release(&ca__f->a);
// LOWERED-NEXT: goto out;
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

async int by_break(int n) {
  while (1) {
    __attribute__((cleanup(release))) int a = 5;
    await(ca_yield());
    {
      __attribute__((cleanup(release))) int b = 6;
      if (n)
        break;
    }
  }
  return 0;
}

async int by_continue(int n) {
  for (int i = 0; i < 2; i++) {
    __attribute__((cleanup(release))) int a = 7;
    await(ca_yield());
    {
      __attribute__((cleanup(release))) int b = 8;
      if (n)
        continue;
    }
  }
  return 0;
}

// The same scope: the end of the block, and a return.
async int same_scope_end(int n) {
  {
    __attribute__((cleanup(release))) int a = 9;
    await(ca_yield());
    __attribute__((cleanup(release))) int b = 10;
    n += b;
  }
  return n;
}

async int same_scope_return(int n) {
  __attribute__((cleanup(release))) int a = 11;
  await(ca_yield());
  __attribute__((cleanup(release))) int b = 12, c = 13;
  return n + b + c;
}

// A local of poll whose cleanup no kept cleanup follows keeps its
// attribute: C runs it.
// LOWERED-LABEL: plain_scope__poll(
// LOWERED: int b __attribute__((cleanup(release))) = 14;
async int plain_scope(int n) {
  await(ca_yield());
  {
    __attribute__((cleanup(release))) int b = 14;
    if (n)
      return b;
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
  ca_block_on(by_break(1));
  printf("\n");
  // CHECK-NEXT: [release 6] [release 5]
  ca_block_on(by_continue(1));
  printf("\n");
  // CHECK-NEXT: [release 8] [release 7] [release 8] [release 7]
  ca_block_on(same_scope_end(1));
  printf("\n");
  // CHECK-NEXT: [release 10] [release 9]
  ca_block_on(same_scope_return(1));
  printf("\n");
  // CHECK-NEXT: [release 13] [release 12] [release 11]
  ca_block_on(plain_scope(1));
  printf("\n");
  // CHECK-NEXT: [release 14]
  return 0;
}
