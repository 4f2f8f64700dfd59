// glibc names enumerators through macros of themselves (`#define SHUT_WR
// SHUT_WR`, SOCK_STREAM, IPPROTO_TCP): re-printing such a name expands it
// to itself, so an async function may use them in expressions the lowering
// re-prints. A macro that expands to something else stays an error
// (errors/expr-macro-self-reference-object.c).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

enum mode { MODE_READ, MODE_WRITE };
#define MODE_READ MODE_READ
#define MODE_WRITE MODE_WRITE

async int pick(int x) {
  await(ca_yield());
  return x;
}

async int run(void) {
  int a = MODE_WRITE + await(pick(MODE_READ));
  int b = await(pick(MODE_WRITE)) * 10 + MODE_WRITE;
  printf("%d %d\n", a, b);
  return 0;
}
// CHECK: 1 11

int main(void) { return ca_block_on(run()); }
