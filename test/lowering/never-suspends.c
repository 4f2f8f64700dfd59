// The emitted C for functions that never suspend: each gets an f__sync,
// its body as plain C (parameters its own, returns returning), which its
// poll calls with the parameters the frame carries; awaiting it calls
// f__sync in place (no state, no resume label, no frame embedded), and
// what the function asked of inlining holds for its init, poll and
// f__sync. A static function whose address is not taken gets no pointer
// target. With a va_list parameter f__sync runs init and poll instead.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-emit=%t.c %s
// RUN: grep -v "^#line" %t.c | FileCheck %s
#include <cawait.h>
#include <stdarg.h>

static inline __attribute__((always_inline)) async int twice(int x) {
  return 2 * x;
}
// CHECK: static inline __attribute__((always_inline)) void twice__init(struct twice__frame *ca__f, int x);
// CHECK: static inline __attribute__((always_inline)) ca_poll twice__poll(
// CHECK: static inline __attribute__((always_inline)) __attribute__((unused)) int twice__sync(int x);
// CHECK-NOT: twice__ops
// CHECK: ca_poll twice__poll(struct twice__frame *ca__f, ca_context *ca__cx, int *ca__out) {
// CHECK-NEXT: {{^ *}}(void)ca__cx;
// CHECK-NEXT: {{^ *}}(void)ca__out;
// CHECK-NEXT: {{^ *}}if (ca__f->ca__state != 0)
// CHECK-NEXT: {{^ *}}ca__poll_after_done("twice");
// CHECK-NEXT: {{^ *}}int ca__tmp = twice__sync(ca__f->x);
// CHECK-NEXT: {{^ *}}*ca__out = ca__tmp;
// CHECK-NEXT: {{^ *}}ca__f->ca__state = 1;
// CHECK-NEXT: {{^ *}}return CA_READY;
// CHECK-NEXT: }
// CHECK: static inline __attribute__((always_inline)) __attribute__((unused)) int twice__sync(int x) {
// CHECK-NEXT: {{^ *}}{
// CHECK-NEXT: {{^ *}}return 2 * x;
// CHECK-NEXT: {{^ *}}}
// CHECK-NEXT: }

async int quad(int x) { return await(twice(await(twice(x)))); }
// CHECK: ca_poll quad__poll(
// CHECK-NOT: ca__resume
// CHECK: int ca__tmp = quad__sync(ca__f->x);
// CHECK: int quad(int x) {
// CHECK: static __attribute__((unused)) int quad__sync(int x) {
// CHECK-NEXT: {{^ *}}{
// CHECK-NEXT: {{^ *}}return twice__sync(twice__sync(x));

async int slow(int x) {
  int q = await(quad(x));
  await(ca_yield());
  return q;
}
// CHECK: ca_poll slow__poll(
// CHECK: q = quad__sync(ca__f->x);
// CHECK: ca_yield__init(&ca__f->ca__aw1);
// CHECK: ca__resume1:

async int first(int n, va_list ap) { return n + va_arg(ap, int); }
// CHECK: static inline __attribute__((always_inline, unused)) int first__sync(int n, va_list ap) {
// CHECK-NEXT: {{^ *}}struct first__frame ca__fr;
// CHECK-NEXT: {{^ *}}first__init(&ca__fr, n, ap);
// CHECK-NEXT: {{^ *}}int ca__r;
// CHECK-NEXT: {{^ *}}(void)first__poll(&ca__fr, (ca_context *)0, &ca__r);
// CHECK-NEXT: {{^ *}}return ca__r;
