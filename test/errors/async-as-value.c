// An async function's address may only go to an async function pointer
// (declared async_budget(N) or async_boxed); a plain function pointer is
// rejected.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

async int value(void) { return 1; }

int main(void) {
  // CHECK: async-as-value.c:[[@LINE+1]]:22: error: async function 'value' used as a value; store it in an async function pointer (declared async_budget(N) or async_boxed), or call it directly inside await(...)
  int (*fp)(void) = &value;
  return fp != 0;
}
