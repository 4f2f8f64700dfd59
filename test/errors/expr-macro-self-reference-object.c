// An object-like macro that refers to itself (`#define base (base + 1)`,
// C keeps the inner `base` unexpanded) in an expression holding an await:
// the rewrite prints the expression already expanded, and parsing that
// text again expands the inner `base` once more: a silently wrong value
// (parentheses around the name do not stop an object-like macro). It is
// an error naming the variable; the same holds where a whole async body
// is re-printed by the lowering, without any await in an expression.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
// RUN: not %cawait-cc -fsyntax-only -DSTATEMENTS %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=STATEMENTS
// Check reports it, before liveness and layout (their dumps print nothing).
// RUN: not %cawait-cc -fsyntax-only -DSTATEMENTS %s \
// RUN:   -fplugin-arg-cawait-dump=liveness,layout 2>&1 \
// RUN:   | FileCheck %s --check-prefix=CHECKED
// CHECKED-NOT: ===
// CHECKED: error: 'base' is also the name of a macro defined here
// CHECKED-NOT: ===
#include <cawait.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

static int base = 10;
#define base (base + 1)

#ifndef STATEMENTS
async int run(void) {
  // CHECK: expr-macro-self-reference-object.c:[[@LINE+1]]:11: error: 'base' is also the name of a macro defined here; cawait re-prints this expression, already expanded, and the macro would expand again: rename one of them
  int y = base + await(val(1));
  printf("y=%d\n", y);
  return y;
}

#else
async int run(void) {
  // STATEMENTS: expr-macro-self-reference-object.c:[[@LINE+1]]:11: error: 'base' is also the name of a macro defined here
  int y = base;
  await(val(1));
  return y;
}
#endif

int main(void) {
  printf("%d\n", ca_block_on(run()));
  return 0;
}
