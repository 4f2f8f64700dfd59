// RUN: %differential %s %t | FileCheck %s
/* cawait fuzz repro (seeds 150, 244, 404; new with commit 09498cf):
 * an expression statement `c ? a : b;` of void type whose condition
 * awaits does not compile with the plugin:
 *   error: cawait's rewrite of awaits inside expressions does not compile
 *   (a cawait bug)
 * The normalized text (-fplugin-arg-cawait-emit-normalized=) is
 *   { __auto_type ca__e1 = await(leafq(n)); (void)ca__e1 % 2U ? mix(1U) : mix(2U); }
 * The `(void)` cast prepended to the discarded residual binds tighter than
 * `%` and `?:`, so the condition becomes `(void)ca__e1 % 2U`: the whole
 * residual expression needs parentheses, `(void)(...)`.
 * Plain build prints 2. */
#include <cawait.h>
#include <stdio.h>
static unsigned ck;
static void mix(unsigned v) { ck = ck * 31u + v; }
async unsigned leafq(unsigned x) { await(ca_yield()); return x + 1; }
async unsigned top(unsigned n) {
  await(leafq(n)) % 2u ? mix(1u) : mix(2u);
  return ck;
}
int main(void) { printf("%u\n", ca_block_on(top(1))); return 0; }

// CHECK: 2
// CHECK-NEXT: exit=0
