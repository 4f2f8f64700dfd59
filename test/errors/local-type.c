// A local kept across an await whose type is declared inside the function
// cannot be a frame field yet.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

async int f(void) {
  struct point { int x, y; };
  // CHECK: local-type.c:[[@LINE+1]]:16: error: 'p' is kept in the frame of 'f', but its type 'point' is declared inside the function; declare the type at file scope
  struct point p = {1, 2};
  await(ca_yield());
  return p.x + p.y;
}

async int g(void) {
  // CHECK: local-type.c:[[@LINE+1]]:21: error: 'q' is kept in the frame of 'g', but its type (an unnamed struct) is declared inside the function; declare the type at file scope
  struct { int v; } q = {3};
  await(ca_yield());
  return q.v;
}
