// A variadic async function and an async main are errors at their names.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

// CHECK: variadic-and-main.c:[[@LINE+1]]:11: error: async function 'sum' cannot be variadic: its frame must have a fixed size; pass a pointer to the arguments instead
async int sum(int n, ...) { return n; }

// CHECK: variadic-and-main.c:[[@LINE+1]]:11: error: 'main' cannot be async; run an async function from it with ca_block_on(f(...))
async int main(void) { return 0; }
