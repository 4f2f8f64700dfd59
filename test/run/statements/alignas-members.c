// _Alignas on members of structs declared in an async function: clang's
// declaration printer writes `char c _Alignas(8);`, which C does not parse
// (_Alignas is a specifier); cawait prints the member's alignment as an
// attribute after the declarator instead. Kept in the body, hoisted to file
// scope (a kept variable's type), typedef'd, with a type operand, and as
// C23's alignas.
// RUN: %differential %s %t | FileCheck %s
// RUN: %differential %s %t -std=c23 -DC23 | FileCheck %s
#include <cawait.h>
#include <stddef.h>
#include <stdio.h>

async int body(void) {
  struct al { _Alignas(8) char c; int x; } a = {'x', 5};
  _Alignas(16) char v = 'v'; // a local, not kept: printed in the body
  printf("%c %d %zu %zu %c\n", a.c, a.x, sizeof(struct al), _Alignof(struct al),
         v);
  await(ca_yield());
  return 0;
}

async int hoisted(void) {
  struct hal { char pad; _Alignas(16) char c; _Alignas(double) short s; } h = {1, 'y', 3};
  typedef struct { char p; _Alignas(32) int z; } tz;
  tz t = {0, 9};
#ifdef C23
  struct c23 { char p; alignas(64) char q; } k = {0, 'q'};
#else
  struct c23 { char p; _Alignas(64) char q; } k = {0, 'q'};
#endif
  await(ca_yield());
  printf("%c %d %zu %zu %zu\n", h.c, h.s, offsetof(struct hal, c),
         offsetof(struct hal, s), sizeof h);
  printf("%d %zu %zu\n", t.z, offsetof(tz, z), sizeof t);
  printf("%c %zu %zu\n", k.q, offsetof(struct c23, q), sizeof k);
  return 0;
}

async int one(void) {
  await(ca_yield());
  return 1;
}

// An await inside an expression: the body is re-printed by Normalize first.
async int normalized(void) {
  struct nal { char p; _Alignas(8) char c; } a = {0, 'n'};
  _Alignas(16) char v = 'w';
  int r = 1 + await(one());
  printf("%c %c %d %zu\n", a.c, v, r, sizeof a);
  return 0;
}

int main(void) {
  ca_block_on(body());
  ca_block_on(hoisted());
  ca_block_on(normalized());
  return 0;
}
// CHECK: x 5 8 8 v
// CHECK-NEXT: y 3 16 24 32
// CHECK-NEXT: 9 32 64
// CHECK-NEXT: q 64 128
// CHECK-NEXT: n w 2 16
