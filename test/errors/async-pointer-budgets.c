// The budget of an async function pointer must hold the frame of every
// function whose address it is given: checked once frames are laid out,
// wherever the address goes (an initializer, a member, an assignment, an
// argument, a cast, a return). The error names both sizes.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not=error:
#include <cawait.h>

typedef async_budget(16) int small_fn(int x);
struct ops {
  small_fn *small;
  async_budget(4096) int (*roomy)(int);
};

async int big(int x) {
  char buf[64];
  buf[0] = (char)x;
  await(ca_yield());
  return buf[0];
}
async int tiny(int x) { return x; }

// CHECK-DAG: async-pointer-budgets.c:[[@LINE+1]]:28: error: the frame of 'big' is 72 bytes, more than the 16-byte budget of 'small_fn' (declared at async-pointer-budgets.c:8); raise the budget or box the calls
static struct ops table = {big, big};
static struct ops fine = {.small = tiny, .roomy = &big};

static int take(small_fn *f) { return f != 0; }

static small_fn *pick(int k) {
  // CHECK-DAG: async-pointer-budgets.c:[[@LINE+1]]:21: error: the frame of 'big' is 72 bytes, more than the 16-byte budget of 'small_fn'
  return k ? tiny : big;
}

async int calls(small_fn *s) {
  // CHECK-DAG: async-pointer-budgets.c:[[@LINE+1]]:7: error: the frame of 'big' is 72 bytes, more than the 16-byte budget of 'small_fn'
  s = big;
  // CHECK-DAG: async-pointer-budgets.c:[[@LINE+1]]:17: error: the frame of 'big' is 72 bytes, more than the 16-byte budget of 'small_fn'
  int t = take(&big);
  // CHECK-DAG: async-pointer-budgets.c:[[@LINE+1]]:28: error: the frame of 'big' is 72 bytes, more than the 16-byte budget of 'small_fn'
  int u = take((small_fn *)big);
  small_fn *v = tiny;
  return await(s(1)) + await(v(2)) + t + u + await(fine.roomy(3)) +
         await(table.small(4)) + await(pick(0)(5));
}

async int through_array(void) {
  // CHECK-DAG: async-pointer-budgets.c:[[@LINE+1]]:48: error: the frame of 'big' is 72 bytes, more than the 16-byte budget of 'ops'
  async_budget(16) int (*ops[2])(int) = {tiny, big};
  return await(ops[0](1));
}
