// Calling an async function without await, ca_block_on or ca_spawn is an
// error at the call, inside and outside async functions.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

async int value(int x) { return x; }

async int caller(void) {
  // CHECK: unawaited-call.c:[[@LINE+1]]:11: error: call of async function 'value' is never awaited: write await(value(...)) inside an async function, or start it with ca_block_on(...) or ca_spawn(...)
  int v = value(1);
  return v;
}

int main(void) {
  // CHECK: unawaited-call.c:[[@LINE+1]]:3: error: call of async function 'value' is never awaited
  value(2);
  return ca_block_on(caller());
}
