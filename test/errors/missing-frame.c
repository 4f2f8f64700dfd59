// Awaiting an async function whose body is in another file, with neither a
// frame declaration nor a budget, is an error at the call.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

async int elsewhere(int x);

async int caller(void) {
  // CHECK: missing-frame.c:[[@LINE+1]]:17: error: the frame of async function 'elsewhere' is unknown here: its body is not in this file; declare its prototype with a frame budget, async_budget(N) (checked where it is defined), or define it in this file
  int v = await(elsewhere(1));
  return v;
}
