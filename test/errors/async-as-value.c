// Taking the address of an async function is rejected until async function
// pointers exist.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

async int value(void) { return 1; }

int main(void) {
  // CHECK: async-as-value.c:[[@LINE+1]]:22: error: async function 'value' used as a value; async function pointers are not supported yet: call it directly inside await(...)
  int (*fp)(void) = &value;
  return fp != 0;
}
