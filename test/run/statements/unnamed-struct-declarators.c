// One declaration of an unnamed struct with several declarators of
// different types (`struct {...} s, *ps, arr[2];`) and one declaring
// several typedefs of it (`typedef struct {...} t1, t2, *pt;`), in async
// functions: kept across an await (the struct moves to file scope with the
// frame) and not kept (the declaration stays in the body, where each later
// declarator names the struct through the first one, `__typeof__(s) *ps`,
// or the first typedef, `typedef t1 t2;`: written again, `struct {...}`
// would be another type). Also a first declarator that is itself a pointer
// or an array, a function pointer, and a qualified pointer. (Hoisted, the
// typedef that names the struct comes first.)
// RUN: %differential %s %t | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -c %s -o %t.o -fplugin-arg-cawait-emit=%t.c
// RUN: grep -v '^#line' %t.c | FileCheck --check-prefix=EMIT %s
#include <cawait.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

// EMIT-LABEL: struct kept__ca__local_anon;
// EMIT: typedef struct {
// EMIT: } kept__ca__local_t1;
// EMIT-NEXT: typedef kept__ca__local_t1 kept__ca__local_t2;
// EMIT-NEXT: typedef kept__ca__local_t1 *kept__ca__local_pt;
async int kept(int n) {
  struct { int a; } s = {n}, *ps = &s, arr[2] = {{1}, {2}};
  typedef struct { int b; } t1, t2, *pt;
  t1 x = {n};
  t2 y = x;
  pt p = &y;
  await(ca_yield());
  return s.a + ps->a + arr[1].a + x.b + p->b;
}

// Nothing is kept: the body is f__sync's.
async int not_kept(int n) {
  // EMIT-LABEL: not_kept__sync(
  // EMIT: struct {
  // EMIT: } s = {n};
  // EMIT-NEXT: __typeof__(s) *ps = &s;
  // EMIT-NEXT: __typeof__(s) *const cps = ps;
  // EMIT-NEXT: __typeof__(s) arr[2] = {{[{][{]}}1}, {2}};
  struct { int a; } s = {n}, *ps = &s, *const cps = ps, arr[2] = {{1}, {2}};
  // EMIT: typedef struct {
  // EMIT: } t1;
  // EMIT-NEXT: typedef t1 t2;
  // EMIT-NEXT: typedef t1 *pt;
  typedef struct { int b; } t1, t2, *pt;
  // EMIT: struct {
  // EMIT: } *first = 0;
  // EMIT-NEXT: __typeof__(*first) second = {5};
  // EMIT-NEXT: __typeof__(*first) *third = &second;
  struct { int c; } *first = 0, second = {5}, *third = &second;
  // EMIT: struct {
  // EMIT: } grid[2][3] = {{[{][{][{]}}0}}};
  // EMIT-NEXT: __typeof__(grid[0][0]) one = {7};
  struct { int d; } grid[2][3] = {{{0}}}, one = {7};
  // EMIT: struct {
  // EMIT: } (*mk)(int) = 0;
  // EMIT-NEXT: __typeof__((*mk)(*(int *)0)) made = {9};
  struct { int e; } (*mk)(int) = 0, made = {9};
  t1 x = {n};
  t2 y = x;
  pt p = &y;
  return s.a + ps->a + cps->a + arr[1].a + x.b + p->b + (first == 0) +
         third->c + grid[1][2].d + one.d + (mk == 0) + made.e;
}

// In a block that ends before the await: nothing of it is kept.
async int block_before_await(int n) {
  int r;
  {
    // EMIT-LABEL: block_before_await__poll(
    // EMIT: } s = {n};
    // EMIT-NEXT: __typeof__(s) *ps = &s;
    struct { int a; } s = {n}, *ps = &s;
    typedef struct { int b; } t1, t2;
    t2 y = {ps->a};
    t1 z = y;
    r = z.b;
  }
  return r + await(val(1));
}

// Some declarators kept, some not: the struct and the typedefs the frame
// needs move; t2 stays, named by t1's new name.
async int some_kept(int n) {
  // EMIT-LABEL: some_kept__poll(
  // EMIT: typedef some_kept__ca__local_t1 t2;
  struct { int a; } s = {n}, *ps = &s;
  typedef struct { int b; } t1, t2, *pt;
  int r = await(val(ps->a));
  t2 y = {r};
  t1 z = y;
  pt p = &z;
  await(ca_yield());
  return p->b + s.a;
}

// Was test/errors/unnamed-struct-declarators.c, when this was an error.
async int was_an_error(int n) {
  // EMIT-LABEL: was_an_error__poll(
  // EMIT: } a = {n};
  // EMIT-NEXT: __typeof__(a) *p = 0;
  struct { int x; } a = {n}, *p = 0;
  int r = a.x + (p != 0);
  await(ca_yield());
  return r;
}

int main(void) {
  printf("kept %d\n", ca_block_on(kept(3)));
  printf("not_kept %d\n", ca_block_on(not_kept(3)));
  printf("block_before_await %d\n", ca_block_on(block_before_await(3)));
  printf("some_kept %d\n", ca_block_on(some_kept(4)));
  printf("was_an_error %d\n", ca_block_on(was_an_error(6)));
  return 0;
}
// CHECK: kept 14
// CHECK-NEXT: not_kept 40
// CHECK-NEXT: block_before_await 4
// CHECK-NEXT: some_kept 8
// CHECK-NEXT: was_an_error 6
// CHECK-NEXT: exit=0
