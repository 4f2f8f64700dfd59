// An async function whose whole definition comes from a macro, with an
// await inside an expression in its body: the rewrite must replace the
// macro use, not put a bare body in front of it (the text came out as
// `{ ... }DEFINE_GETTER(get5, 5)`, which does not compile).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

#define DEFINE_GETTER(name, v)                                                 \
  async int name(void) { return 1 + await(val(v)); }
DEFINE_GETTER(get5, 5)

int main(void) {
  printf("%d\n", ca_block_on(get5()));
  return 0;
}
// CHECK: 6
// CHECK-NEXT: exit=0
