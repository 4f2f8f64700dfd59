// Awaiting an async function whose body is in another file, with no frame
// declaration, is an error at the call.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

async int elsewhere(int x);

async int caller(void) {
  // CHECK: missing-frame.c:[[@LINE+1]]:17: error: the frame of async function 'elsewhere' is not visible here: its body is not in this file and no 'struct elsewhere__frame' is declared (cross-file async calls are not supported yet)
  int v = await(elsewhere(1));
  return v;
}
