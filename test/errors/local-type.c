// Types declared inside an async function that its frame needs move to
// file scope with the frame (run/statements/local-types-kept.c). What cannot move is a
// located error: a variably modified type, and a local type whose
// declaration uses a local variable or parameter (at file scope it would
// name nothing).
// A type moved to file scope before a file-scope type it uses is an error
// like that of a frame field's own type (frame-needs-later-type.c).
// (Each pass stops at its errors: those cases are compiled alone.)
// RUN: not %cawait-cc -fsyntax-only -DVLA %s 2>&1 | FileCheck %s --check-prefix=VLA
// RUN: not %cawait-cc -fsyntax-only -DLATER %s 2>&1 | FileCheck %s --check-prefix=LATER
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

#ifdef VLA
async int rows(int n) {
  typedef int row[n];
  // VLA: local-type.c:[[@LINE+1]]:7: error: variable-length array 'r' in async function 'rows': a frame has a fixed size; use a fixed-size array or a buffer passed by pointer
  row r;
  r[0] = n;
  await(ca_yield());
  return r[0];
}
#elif defined LATER
async int g(void);

async int f(void) { return await(g()); }

typedef long weight_t;

async int g(void) {
  // LATER: local-type.c:[[@LINE+1]]:34: error: the frame of 'g' is needed at line 26, with the types declared inside 'g' that it keeps, before 'weight_t' is defined; move that definition up
  struct item { int id; weight_t w; } it = {1, 2};
  await(ca_yield());
  return it.id + (int)it.w;
}
#else

async int width(int n) {
  // CHECK: local-type.c:[[@LINE+1]]:25: error: 'w' is kept in the frame of 'width', so the type declared here moves to file scope, but it uses 'n', which is local to 'width'; declare the type at file scope
  enum { WIDTH = sizeof n * 2 } w = WIDTH;
  await(ca_yield());
  return w;
}

async int member(int n) {
  // CHECK: local-type.c:[[@LINE+1]]:29: error: 'x' is kept in the frame of 'member', so the type declared here moves to file scope, but it uses 'n', which is local to 'member'; declare the type at file scope
  struct boxed { __typeof__(n) v; } x = {n};
  await(ca_yield());
  return x.v;
}
#endif

// A tag defined inside an expression moves to file scope too (no printed
// declaration holds it: run/statements/tags-in-expressions.c); one that
// names a local cannot.
// RUN: not %cawait-cc -fsyntax-only -DIN_EXPR %s 2>&1 | FileCheck %s --check-prefix=IN_EXPR
#ifdef IN_EXPR
async int in_expr(int n) {
  // IN_EXPR: local-type.c:[[@LINE+1]]:49: error: the type defined in this expression moves to file scope (the lowered 'in_expr' prints no declaration to hold it), but it uses 'n', which is local to 'in_expr'; declare the type in a declaration of its own
  int s = (int)sizeof(struct sized { __typeof__(n) a; });
  await(ca_yield());
  return s;
}
#endif
