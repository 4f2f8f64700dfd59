// A declaration split because a later declarator awaits inside an
// expression: the comma ending the declarator before it must be found when
// that declarator ends with a string or character literal
// (`const char *s = "ab", *t = s + await(f(1));`) or with an attribute
// (`int c[2] __attribute__((unused)), d = ...`). Both gave a false "the
// initializer comes from a macro" error.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

async int run(void) {
  const char *s = "ab", *t = s + await(val(1));
  char c = 'a', d = (char)await(val(c + 1));
  printf("%s %s %c %c\n", s, t, c, d);
  int a __attribute__((unused)) = 5, b = 1 + await(val(a));
  int arr[2] __attribute__((unused)), e = 1 + await(val(b));
  printf("%d %d\n", b, e);
  return e;
}

int main(void) {
  printf("%d\n", ca_block_on(run()));
  return 0;
}
// CHECK: ab b a b
// CHECK-NEXT: 6 7
// CHECK-NEXT: 7
// CHECK-NEXT: exit=0
