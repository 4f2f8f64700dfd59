// A block comment inside a re-printed initializer, with a line of the
// comment starting with '#', and a string literal continued with a
// backslash onto a line starting with '#': those lines are not
// preprocessor directives, and must not be copied into the rewrite as ones
// (directives skipped by a re-print are kept for the rest of the file, see
// expr-define-in-expression.c).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

async int run(void) {
  int y = await(val(2)) * /* a comment whose second line
# starts with a hash
  */ 3;
  int z = await(val(1)) + ("a string \
# continued on a line starting with a hash"[0] == 'a');
  printf("y=%d z=%d\n", y, z);
  return y;
}

int main(void) {
  printf("%d\n", ca_block_on(run()));
  return 0;
}
// CHECK: y=6 z=2
// CHECK-NEXT: 6
// CHECK-NEXT: exit=0
