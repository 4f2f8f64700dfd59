// ca_block_on inside an async function would block its executor.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

async int value(void) { return 1; }

async int caller(void) {
  // CHECK: block-on-in-async.c:[[@LINE+1]]:11: error: ca_block_on inside async function 'caller' would block its executor; use await(...)
  int v = ca_block_on(value());
  return v;
}
