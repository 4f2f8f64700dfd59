// The arguments of a ca_block_on outside async code are printed (a macro
// is used in them) with the type fixes of the one expression printer:
// `__typeof__(x)` in a cast and a variable-length array in sizeof keep
// C11 spellings. They used to be printed by clang's StmtPrinter alone,
// as `typeof (x)`, which -std=c11 reads as a call of an undeclared
// function.
// RUN: %differential %s %t -std=c11 | FileCheck %s
#include <cawait.h>
#include <stdio.h>

#define M(a) (a)

async int f(int x) {
  await(ca_yield());
  return x + 1;
}

int main(void) {
  int x = 3;
  // CHECK: r=15
  int r = ca_block_on(f(M((__typeof__(x))2 + (int)sizeof(int[x]))));
  printf("r=%d\n", r);
  return 0;
}
