// A join keeps every branch's frame alive at once; awaiting the same calls
// one after another reuses one callee's bytes. Two callees with a 1 KiB
// buffer each: the join's storage is the 16-byte ca__combinator head, a
// waker slot per branch, both frames and both int results
// (16 + 2 * 8 + 2 * 1032 + 2 * 4 = 2104 bytes);
// the sequential version is one frame. The
// bytes are reused after the join: the later await overlaps its storage.
// The report lists the combinator's storage and each branch's frame.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-frame-report %s 2>&1 | FileCheck %s
#include <cawait.h>

async int fill(int seed) {
  char buf[1024];
  for (int i = 0; i < 1024; i++)
    buf[i] = (char)(seed + i);
  await(ca_yield());
  int sum = 0;
  for (int i = 0; i < 1024; i++)
    sum += buf[i];
  return sum;
}
// CHECK: [[#@LINE-10]]:11: remark: frame of 'fill': 1032 bytes

async int together(void) {
  int a, b;
  await(ca_join(a = fill(1), b = fill(2)));
  int c = await(fill(a + b));
  return c;
}
// CHECK: [[#@LINE-6]]:11: remark: frame of 'together': 2112 bytes (lower bound 2105, without overlap 3144), align 8
// CHECK: [[#@LINE-5]]:3: note: suspend point 1 holds ca_join of 2 branches at 0 (2104 bytes), branch 0: frame of 'fill' at 32 (1032 bytes), branch 1: frame of 'fill' at 1064 (1032 bytes)
// CHECK: [[#@LINE-5]]:11: note: suspend point 2 holds frame of 'fill' at 0 (1032 bytes)

async int one_by_one(void) {
  int a = await(fill(1));
  int b = await(fill(2));
  return a + b;
}
// CHECK: [[#@LINE-5]]:11: remark: frame of 'one_by_one': 1040 bytes (lower bound 1037, without overlap 2072), align 4
