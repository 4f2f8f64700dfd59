// sizeof of a variable-length array type evaluates its size: an await in
// it would run, but cawait cannot move it out of the type; an error says
// so (an await in any other sizeof is never run: run/expressions/expr-sizeof-unevaluated.c).
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

async int f(void) {
  // CHECK: expr-sizeof-vla.c:[[@LINE+1]]:19: error: await inside the operand of sizeof of a variable-length array cannot be lowered; await the call before
  return 1 + (int)sizeof(int[await(val(3))]);
}
