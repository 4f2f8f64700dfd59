// yield(e) outside a generator is an error at the yield, in a plain
// function and in an async one alike.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

void plain(void) {
  // CHECK: gen-yield-outside.c:[[@LINE+1]]:3: error: yield outside a generator: 'plain' is not declared gen (gen T plain(...) yields items of type T)
  yield(1);
}

async int not_gen(void) {
  // CHECK: gen-yield-outside.c:[[@LINE+1]]:3: error: yield outside a generator: 'not_gen' is not declared gen (gen T not_gen(...) yields items of type T)
  yield(2);
  return 0;
}
// CHECK-NOT: error:
