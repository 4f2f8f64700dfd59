// await in a function that is not async is an error at the await.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

async int value(void) { return 1; }

int sync_caller(void) {
  // CHECK: await-outside-async.c:[[@LINE+1]]:10: error: await outside an async function: mark 'sync_caller' async, or use ca_block_on(...) to run the call to completion
  return await(value());
}
// CHECK-NOT: error:
