// A parameter of variably modified type (a pointer to a variable-length
// array) cannot be a frame field: an error at the parameter, not invalid
// generated C. (Found by review.)
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not=error:
#include <cawait.h>

// CHECK: vla-parameter.c:[[@LINE+1]]:28: error: parameter 'm' of async function 'vla' has a variably modified type; its frame field cannot name the size: pass a plain pointer and the size
async int vla(int n, int (*m)[n], int r) { return m[r][n - 1]; }
