// What ca_join and ca_select accept: each branch an async call, optionally
// assigned, awaited by the combinator itself, in an async function.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not=error:
#include <cawait.h>

async int f(int x) {
  await(ca_yield());
  return x;
}
static int plain(int x) { return x; }

async int branches(int n) {
  int a = 0, b = 0;
  // CHECK: combinators.c:[[@LINE+1]]:27: error: a branch of ca_join must be a call of an async function, optionally assigned (`v = f(x)`); 'plain' is not async
  await(ca_join(a = f(1), plain(2)));
  // CHECK: combinators.c:[[@LINE+1]]:37: error: a branch of ca_select must be a call of an async function, optionally assigned (`v = f(x)`)
  int k = await(ca_select(a = f(1), n + 1));
  // CHECK: combinators.c:[[@LINE+1]]:31: error: await inside a branch of ca_join: the combinator awaits its branches; write the call without await, and await what it needs first, before the combinator
  await(ca_join(a = f(1), b = await(f(2))));
  // CHECK: combinators.c:[[@LINE+1]]:26: error: await inside a branch of ca_select: the combinator awaits its branches; write the call without await, and await what it needs first, before the combinator
  k += await(ca_select(f(await(f(1))), f(2)));
  // CHECK: combinators.c:[[@LINE+1]]:33: error: 'a' is assigned by branch 0 of this ca_join, which may complete before or after this one starts; read it after the ca_join, or use another variable
  await(ca_join(a = f(1), b = f(a)));
  // CHECK: combinators.c:[[@LINE+1]]:24: error: a combinator cannot be a branch of ca_select directly; await it in an async function and make a call of that function the branch
  k += await(ca_select(ca_join(f(1), f(2)), f(3)));
  return a + b + k;
}

async int not_awaited(void) {
  // CHECK: combinators.c:[[@LINE+1]]:11: error: ca_select must be awaited: write await(ca_select(...)) inside an async function
  int k = ca_select(f(1), f(2));
  // CHECK: combinators.c:[[@LINE+1]]:3: error: ca_join must be awaited: write await(ca_join(...)) inside an async function
  ca_join(f(1), f(2));
  return k;
}

int main(void) {
  int a = 0;
  // CHECK: combinators.c:[[@LINE+1]]:3: error: ca_join outside an async function: its branches run concurrently only inside one; put the await in an async function and run that with ca_block_on(...)
  await(ca_join(a = f(1), f(2)));
  // CHECK: combinators.c:[[@LINE+1]]:11: error: ca_select outside an async function: its branches run concurrently only inside one; put the await in an async function and run that with ca_block_on(...)
  return (await(ca_timeout_ms(10, a = f(1))));
}
