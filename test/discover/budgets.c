// A definition's own budget (async_budget(N)), and a runtime function
// (CA__RUNTIME_ASYNC, as libcawait's stream functions are declared: built
// both lowered and blocking).
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=discover %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

async_budget(48) int within(int x) {
  char buf[16];
  buf[0] = (char)x;
  await(ca_yield());
  return buf[0];
}

CA__RUNTIME_ASYNC(64) int runtime_like(int x);
CA__RUNTIME_ASYNC(64) int runtime_like(int x) { return await(within(x)); }

async_budget(16) int quick(int x) { return x; }

// CHECK:      === discover
// CHECK-NEXT: async 'within' at [[FILE]]:7:22: may suspend, budget 48
// CHECK-NEXT:   await 1 at [[FILE]]:10:3: call 'ca_yield' (leaf), statement
// CHECK-NEXT: async 'runtime_like' at [[FILE]]:15:27: may suspend, budget 64, runtime async
// CHECK-NEXT:   await 1 at [[FILE]]:15:56: call 'within' (defined here), return
// CHECK-NEXT: async 'quick' at [[FILE]]:17:22: never suspends, budget 16
// CHECK-EMPTY:
