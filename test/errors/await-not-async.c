// await of a call of an ordinary function, and of something that is not a
// call, are errors at the operand.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

int plain(void) { return 1; }
async int value(void) { return 2; }

async int caller(void) {
  // CHECK: await-not-async.c:[[@LINE+1]]:17: error: await needs a call of an async function; 'plain' is not async (declare it with the async attribute)
  int a = await(plain());
  int b = 3;
  // CHECK: await-not-async.c:[[@LINE+1]]:9: error: await needs a call of an async function, such as await(f(x))
  await(b);
  return a + b + await(value());
}
