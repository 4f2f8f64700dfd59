// An async function that can suspend and awaits itself, directly or
// through others, would have an infinite frame: the error names the cycle.
// (Recursion through functions that never suspend is plain C recursion:
// run/statements/recursion-never-suspends.c.)
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

async int fact(int n) {
  if (n <= 1)
    return 1;
  await(ca_yield());
  // CHECK: recursion.c:[[@LINE+1]]:17: error: async function 'fact' awaits itself ('fact' -> 'fact'): its frame would contain itself; use a loop, or ca_spawn for unbounded recursion
  int r = await(fact(n - 1));
  return n * r;
}

async int ping(int n);
async int pong(int n) {
  await(ca_yield());
  return await(ping(n - 1));
}
async int ping(int n) {
  if (n == 0)
    return 0;
  // CHECK: recursion.c:[[@LINE+1]]:16: error: async function 'pong' awaits itself ('pong' -> 'ping' -> 'pong')
  return await(pong(n));
}
