// One typedef declaring an unnamed struct and, beside it, types derived
// from it (`typedef struct {...} t, *pt, ta[2];`), kept across an await:
// the hoisted derived typedefs name the struct by the owner's new name
// (clang writes the tag as `struct t` there, which at file scope names no
// tag: the lowered file did not compile). Also an unnamed union and enum.
// RUN: %differential %s %t | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -c %s -o %t.o -fplugin-arg-cawait-emit=%t.c
// RUN: grep -v '^#line' %t.c | FileCheck --check-prefix=EMIT %s
#include <cawait.h>
#include <stdio.h>

async int sum(int k) {
  typedef struct { int b; } T, *PT, TA[2];
  typedef union { int i; float f; } U, *PU;
  typedef enum { RED = 2, BLUE } E, *PE;
  T t = {k};
  PT pt = &t;
  TA two = {{1}, {2}};
  U u = {.i = 7};
  PU pu = &u;
  E e = BLUE;
  PE pe = &e;
  await(ca_yield());
  return pt->b + two[1].b + pu->i + (int)*pe;
}

int main(void) {
  printf("sum %d\n", ca_block_on(sum(3)));
  return 0;
}
// CHECK: sum 15
// CHECK-NEXT: exit=0
// EMIT: typedef struct {
// EMIT: } sum__ca__local_T;
// EMIT-NEXT: typedef sum__ca__local_T *sum__ca__local_PT;
// EMIT-NEXT: typedef sum__ca__local_T sum__ca__local_TA[2];
// EMIT: } sum__ca__local_U;
// EMIT-NEXT: typedef sum__ca__local_U *sum__ca__local_PU;
// EMIT: } sum__ca__local_E;
// EMIT-NEXT: typedef sum__ca__local_E *sum__ca__local_PE;
