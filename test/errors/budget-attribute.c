// Malformed frame budgets and misplaced async attributes.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not=error:
#include <cawait.h>

// CHECK: budget-attribute.c:[[@LINE+1]]:1: error: a frame budget must be an integer constant from 1 to 2^31-1 bytes
async_budget(0) int zero(int x);
static int n = 4;
// CHECK: budget-attribute.c:[[@LINE+1]]:1: error: a frame budget must be an integer constant from 1 to 2^31-1 bytes
async_budget(n) int variable(int x);
// CHECK: budget-attribute.c:[[@LINE+1]]:16: error: the argument of 'async' is a frame budget in bytes or "boxed"
__attribute__((__async__("boxy"))) int boxy(int x);
// CHECK: budget-attribute.c:[[@LINE+1]]:1: error: "boxed" is for async function pointers: an async function itself takes a frame budget
async_boxed int boxed_function(int x);
// CHECK: budget-attribute.c:[[@LINE+1]]:1: warning: '__async__' attribute only applies to functions and function pointers
async_budget(8) int not_a_pointer;
