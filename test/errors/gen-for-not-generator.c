// ca_for iterates over a call of a generator by name: a plain function, an
// async function or a call through a pointer is an error at the call.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

int plain(int n) { return n; }
async int not_gen(int n) { return n; }
gen int count(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

void f(int (*p)(int)) {
  // CHECK: gen-for-not-generator.c:[[@LINE+1]]:18: error: ca_for iterates over a call of a generator (gen T g(...)); 'plain' is not one
  ca_for (int v, plain(3))
    (void)v;
  // CHECK: gen-for-not-generator.c:[[@LINE+1]]:18: error: ca_for iterates over a call of a generator (gen T g(...)), called by name
  ca_for (int v, p(3))
    (void)v;
}

async int g(void) {
  // CHECK: gen-for-not-generator.c:[[@LINE+1]]:18: error: ca_for iterates over a call of a generator (gen T g(...)); 'not_gen' is not one
  ca_for (int v, not_gen(3))
    (void)v;
  ca_for (int v, count(3))
    (void)v;
  return 0;
}
// CHECK-NOT: error:
