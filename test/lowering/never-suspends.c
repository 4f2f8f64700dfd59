// The emitted C for functions that never suspend: each gets an f__sync (its
// init and poll on a frame of the caller's stack), awaiting it calls
// f__sync in place (no state, no resume label, no frame embedded), and
// what the function asked of inlining holds for its init and poll. A static
// function whose address is not taken gets no pointer target.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-emit=%t.c %s
// RUN: grep -v "^#line" %t.c | FileCheck %s
#include <cawait.h>

static inline __attribute__((always_inline)) async int twice(int x) {
  return 2 * x;
}
// CHECK: static inline __attribute__((always_inline)) void twice__init(struct twice__frame *ca__f, int x);
// CHECK: static inline __attribute__((always_inline)) ca_poll twice__poll(
// CHECK: static inline __attribute__((always_inline, unused)) int twice__sync(int x);
// CHECK-NOT: twice__ops
// CHECK: static inline __attribute__((always_inline, unused)) int twice__sync(int x) {
// CHECK-NEXT: {{^ *}}struct twice__frame ca__fr;
// CHECK-NEXT: {{^ *}}twice__init(&ca__fr, x);
// CHECK-NEXT: {{^ *}}int ca__r;
// CHECK-NEXT: {{^ *}}(void)twice__poll(&ca__fr, (ca_context *)0, &ca__r);
// CHECK-NEXT: {{^ *}}return ca__r;

async int quad(int x) { return await(twice(await(twice(x)))); }
// CHECK: ca_poll quad__poll(
// CHECK-NOT: ca__resume
// CHECK: *ca__out = twice__sync(twice__sync(ca__f->x));
// CHECK: int quad(int x) {

async int slow(int x) {
  int q = await(quad(x));
  await(ca_yield());
  return q;
}
// CHECK: ca_poll slow__poll(
// CHECK: q = quad__sync(ca__f->x);
// CHECK: ca_yield__init(&ca__f->ca__aw1);
// CHECK: ca__resume1:
