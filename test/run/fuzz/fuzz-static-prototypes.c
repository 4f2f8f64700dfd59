// RUN: %differential %s %t | FileCheck %s
/* cawait fuzz repro: static async functions declared by a prototype before
 * their definition get -Wunused-function warnings at the prototypes in the
 * plugin build (the lowered file keeps the prototypes of functions that are
 * no longer called or defined under that name); the plain build has none:
 *   cawait-cc -std=gnu11 -Wall -Werror warn-unused-static-proto.c
 *   :12: error: unused function 'leaf' [-Werror,-Wunused-function]
 *   :13: error: unused function 'top' [-Werror,-Wunused-function]
 * No await inside an expression is needed (not the normalize pass).
 * Output is the same (5) in both builds. */
#include <cawait.h>
#include <stdio.h>
static async int leaf(int x);
static async int top(int n);
static async int top(int n) { return await(leaf(n)) + 1; }
static async int leaf(int x) { await(ca_yield()); return x + 1; }
int main(void) { printf("%d\n", ca_block_on(top(3))); return 0; }

// CHECK: 5
// CHECK-NEXT: exit=0
