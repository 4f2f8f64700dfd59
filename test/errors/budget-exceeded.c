// A definition whose frame is larger than the budget its prototype
// declared (callers in other files embed only the budget) is an error at
// the definition naming both sizes; malformed budgets are errors at the
// attribute.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not=error:
#include <cawait.h>

async_budget(32) int over(int x);
async_budget(128) int under(int x);

// CHECK: budget-exceeded.c:[[@LINE+1]]:11: error: the frame of 'over' is 72 bytes, more than its budget of 32 bytes (declared at budget-exceeded.c:8); raise the budget, or hold less across its awaits (-fplugin-arg-cawait-frame-report lists what it holds)
async int over(int x) {
  char buf[64];
  buf[0] = (char)x;
  await(ca_yield());
  return buf[0];
}

async int under(int x) {
  await(ca_yield());
  return x;
}
