// A variable-length array in an async function that awaits cannot live in
// a fixed-size frame.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

async int fill(int n) {
  // CHECK: vla.c:[[@LINE+1]]:7: error: variable-length array 'buf' in async function 'fill': a frame has a fixed size; use a fixed-size array or a buffer passed by pointer
  int buf[n];
  buf[0] = 1;
  await(ca_yield());
  return buf[0];
}
