// A compound literal of an unnamed struct type in an expression that holds
// an await: like a local of such a type (local-type.c) it is rejected with
// an error that names the unnamed type at the user's line, not with the
// internal "cawait's rewrite ... does not compile (a cawait bug)" (the
// rewrite printed the type as `struct (unnamed struct at FILE:L:C)`).
// Once, at the compound literal that writes the type (Check asks the
// rewrite what it cannot do; it was reported at every enclosing printed
// expression too).
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

async int f(void) {
  // CHECK: expr-unnamed-compound-literal.c:[[@LINE+1]]:12: error: this code names an unnamed struct, union or enum type and holds an await; cawait re-prints it and cannot name the type: give the type a tag or a typedef
  int b = ((struct { int a, b; }){await(val(1)), 2}).b;
  return b;
}
// CHECK-NOT: a cawait bug
// CHECK-NOT: error:
// CHECK: 1 error generated.
