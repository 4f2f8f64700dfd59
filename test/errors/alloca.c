// alloca in an async function that awaits is rejected: its memory lives on
// the poll function's stack and would dangle after a suspension.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <alloca.h>
#include <cawait.h>
#include <string.h>

async int step(int x) {
  await(ca_yield());
  return x;
}

async int f(int n) {
  // CHECK: alloca.c:[[@LINE+1]]:15: error: alloca in async function 'f', which awaits: the memory is on the poll function's stack and would not survive a suspension; use a fixed-size local array
  char *buf = alloca(32);
  strcpy(buf, "hello");
  int v = await(step(n));
  return buf[1] * 100 + v;
}

// An async function without awaits may use alloca: nothing is suspended.
// CHECK-NOT: error:
async int g(int n) {
  char *buf = __builtin_alloca(n);
  buf[0] = 1;
  return buf[0];
}
