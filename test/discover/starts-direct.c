// A ca_block_on of a function of this file that never suspends is direct
// (its f__sync runs in place); one of a function that may suspend, or of
// one only declared here (its file may suspend), is not.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=discover %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

async int pure(int x) { return x + 1; }
async int twice(int x) { return await(pure(await(pure(x)))); }
async int waits(int x) {
  await(ca_yield());
  return x;
}
async_budget(64) int elsewhere(int x);

int main(void) {
  int a = ca_block_on(twice(1));
  ca_block_on(pure(a));
  return ca_block_on(waits(a)) + ca_block_on(elsewhere(a));
}

// CHECK:      === discover
// CHECK-NEXT: async 'pure' at [[FILE]]:7:11: never suspends
// CHECK-NEXT: async 'twice' at [[FILE]]:8:11: never suspends
// CHECK-NEXT:   sync call 'pure'
// CHECK-NEXT:   sync call 'pure'
// CHECK-NEXT: async 'waits' at [[FILE]]:9:11: may suspend
// CHECK-NEXT:   await 1 at [[FILE]]:10:3: call 'ca_yield' (leaf), statement
// CHECK-NEXT: ca_block_on at [[FILE]]:16:11: 'twice' (defined here) in 'main', direct
// CHECK-NEXT: ca_block_on at [[FILE]]:17:3: 'pure' (defined here) in 'main', discarded, direct
// CHECK-NEXT: ca_block_on at [[FILE]]:18:10: 'waits' (defined here) in 'main'
// CHECK-NEXT: ca_block_on at [[FILE]]:18:34: 'elsewhere' (budget 64, defined elsewhere) in 'main'
// CHECK-EMPTY:
