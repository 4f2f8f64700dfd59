// An unnamed struct declared with several declarators of different types
// in an async function is an error at the declarator it cannot print.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

async int f(int n) {
  // CHECK: unnamed-struct-declarators.c:[[@LINE+1]]:31: error: a pointer or array of an unnamed struct declared with another variable is not supported in an async function yet; give the struct a tag
  struct { int x; } a = {n}, *p = 0;
  int r = a.x + (p != 0);
  await(ca_yield());
  return r;
}
