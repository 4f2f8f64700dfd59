// Discover: a generator's yields are its suspend points (numbered with its
// awaits, in source order); each ca_for is recorded in the function it is
// in, or at file level for a plain function, with the generator it
// iterates over and its variable.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=discover %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

gen int count(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

gen long pairs(int n) {
  ca_for (int x, count(n)) {
    yield(2L * x);
    yield(2L * x + 1);
  }
}

async int consume(int n) {
  int s = 0;
  ca_for (long v, pairs(n)) {
    await(ca_yield());
    s += (int)v;
  }
  return s;
}

int plain(int n) {
  int s = 0;
  ca_for (int v, count(n))
    s += v;
  return s;
}

// CHECK:      === discover
// CHECK-NEXT: gen 'count' at [[FILE]]:8:9: may suspend
// CHECK-NEXT:   yield 1 at [[FILE]]:10:5
// CHECK-NEXT: gen 'pairs' at [[FILE]]:13:10: may suspend
// CHECK-NEXT:   yield 1 at [[FILE]]:15:5
// CHECK-NEXT:   yield 2 at [[FILE]]:16:5
// CHECK-NEXT:   ca_for at [[FILE]]:14:3: 'count' (defined here), variable 'x' in 'pairs'
// CHECK-NEXT: async 'consume' at [[FILE]]:20:11: may suspend
// CHECK-NEXT:   await 1 at [[FILE]]:23:5: call 'ca_yield' (leaf), statement
// CHECK-NEXT:   ca_for at [[FILE]]:22:3: 'pairs' (defined here), variable 'v' in 'consume'
// CHECK-NEXT: ca_for at [[FILE]]:31:3: 'count' (defined here), variable 'v' in 'plain'
// CHECK-EMPTY:
