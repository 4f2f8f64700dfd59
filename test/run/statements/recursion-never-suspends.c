// Awaiting an async function that never suspends (it awaits only such
// functions of this file) is a call of its f__sync: no suspend point, no
// frame embedded, so recursion is plain C recursion, and the caller's
// frame holds nothing for it. Differential, and the frame report shows
// that the frames hold only parameters and the state.
// RUN: %differential %s %t | FileCheck %s
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-frame-report -Rremark-backend-plugin %s 2>&1 | FileCheck %s --check-prefix=REPORT
#include <cawait.h>
#include <stdio.h>

async long fact(int n) { return n <= 1 ? 1 : n * await(fact(n - 1)); }

async int is_odd(int n);
async int is_even(int n) { return n == 0 ? 1 : await(is_odd(n - 1)); }
async int is_odd(int n) { return n == 0 ? 0 : await(is_even(n - 1)); }

struct node {
  int value;
  struct node *left, *right;
};
async int walk(const struct node *t) {
  if (!t)
    return 0;
  return t->value + await(walk(t->left)) + await(walk(t->right));
}

async long mixed(int n) {
  long f = await(fact(n));   /* a call */
  await(ca_yield());         /* a suspend point */
  return f + await(is_even(n));
}

int main(void) {
  struct node a = {1, 0, 0}, b = {2, 0, 0}, c = {3, &a, &b};
  printf("%ld %d %d %ld\n", ca_block_on(fact(10)), ca_block_on(is_even(7)),
         ca_block_on(walk(&c)), ca_block_on(mixed(5)));
  return 0;
}
// CHECK: 3628800 0 6 120
// CHECK-NEXT: exit=0
// REPORT-DAG: remark: frame of 'fact': 8 bytes
// REPORT-DAG: remark: frame of 'walk': 16 bytes
// REPORT-DAG: remark: frame of 'mixed': 16 bytes
