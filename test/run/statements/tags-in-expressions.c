// A struct, union or enum defined inside an expression or a typeof of an
// async function (sizeof, a cast, a compound literal, _Alignof, typeof in
// a declaration's type) is in no declaration the lowered body prints: it
// moves to file scope (renamed, as the local types the frame needs), so
// later uses of it still name a complete type. Before, the lowered C
// printed `sizeof(struct pq)` without the definition: "invalid application
// of 'sizeof' to an incomplete type" on valid C. Differential.
// RUN: %differential %s %t | FileCheck %s
// RUN: %cawait-cc -fplugin-arg-cawait-emit=%t.lowered.c -c %s -o %t.o
// RUN: FileCheck --check-prefix=LOWERED %s < %t.lowered.c
#include <cawait.h>
#include <stdio.h>

struct pr { // a file-scope tag of the same name: not the local one
  char c;
};

// LOWERED: struct typeof_decl__ca__local_pr {
// LOWERED: struct sizeof_expr__ca__local_pq {
async int typeof_decl(int n) {
  __typeof__(struct pr { int a; }) x = {n}; /* dead at the await */
  printf("typeof: %d\n", x.a);
  await(ca_yield());
  struct pr p = {n + 1}; /* the local struct pr */
  return p.a;
}

async int sizeof_expr(int n) {
  int s = (int)sizeof(struct pq { int a, b; });
  printf("sizeof: %d\n", s);
  await(ca_yield());
  struct pq p = {n, s};
  return p.a + p.b;
}

async int literal_and_cast(int n) {
  long v = ((union pu {
             long l;
             char c[8];
           }){.l = n})
               .l;
  await(ca_yield());
  union pu u = {.l = v + 1};
  int e = (int)(enum pe{ONE = 1, TWO}) n + TWO;
  enum pe k = ONE;
  return (int)u.l + e + (int)k + (int)_Alignof(struct pa { double d; });
}

int main(void) {
  printf("%d\n", ca_block_on(typeof_decl(1)));
  printf("%d\n", ca_block_on(sizeof_expr(2)));
  printf("%d\n", ca_block_on(literal_and_cast(3)));
  struct pr outer = {'x'};
  printf("%c\n", outer.c);
  return 0;
}
// CHECK:      typeof: 1
// CHECK-NEXT: 2
// CHECK-NEXT: sizeof: 8
// CHECK-NEXT: 10
// CHECK-NEXT: 18
// CHECK-NEXT: x
// CHECK-NEXT: exit=0
