// A compound literal of an unnamed struct type in an expression that holds
// an await: like a local of such a type (local-type.c) it is rejected with
// an error that names the unnamed type at the user's line, not with the
// internal "cawait's rewrite ... does not compile (a cawait bug)" (the
// rewrite printed the type as `struct (unnamed struct at FILE:L:C)`).
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

async int f(void) {
  // CHECK: expr-unnamed-compound-literal.c:[[@LINE+1]]:{{[0-9]+}}: error: {{.*}}unnamed struct
  int b = ((struct { int a, b; }){await(val(1)), 2}).b;
  return b;
}
// CHECK-NOT: a cawait bug
