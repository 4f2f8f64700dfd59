// Csmith campaign (docs/fuzzing.md), class "cannot assign to lvalue with
// const-qualified data member": an async function returning a struct with a
// const member (reduced with cvise from Csmith seed 2, level pointers; issue
// 16 item 2, run/statements/const-member-values.c has the general case).
// RUN: %differential %s %t | FileCheck %s
// CHECK: 7 1
// CHECK-NEXT: exit=0
#include <cawait.h>
#include <stdio.h>

struct S1 {
  const signed char f2;
  int f3;
};

async static struct S1 func_75(void) {
  struct S1 l_94 = {7, 1};
  return l_94;
}

int main(void) {
  struct S1 s = ca_block_on(func_75());
  printf("%d %d\n", s.f2, s.f3);
  return 0;
}
