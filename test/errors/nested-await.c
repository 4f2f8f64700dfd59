// Awaits nested inside expressions are rejected for now, with a hint.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

async int value(int x) { return x; }

async int caller(int x) {
  // CHECK: nested-await.c:[[@LINE+1]]:7: error: await inside an expression is not supported yet: use it as a statement, an initializer, the right side of an assignment or a return value (T v = await(f(...));)
  if (await(value(x)) > 2)
    return 1;
  // CHECK: nested-await.c:[[@LINE+1]]:26: error: await inside an expression is not supported yet
  return await(value(1 + await(value(x))));
}
