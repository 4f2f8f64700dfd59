// Liveness of generators: what a yield holds is what is live once its item
// is handed out; a ca_for's generator frame is held at every suspend point
// of its loop (and kept in the frame only then), from after the call's
// arguments are read (pairs: n, read only there, shares its bytes; consume
// reads n again after the loop); the loop variable is written at each item,
// so it is held only across the suspend points after which it is read
// again in the same pass (x never; v across the await).
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=liveness %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

gen int count(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

gen long pairs(int n) {
  ca_for (int x, count(n)) {
    long twice = 2L * x;
    yield(twice);
    yield(twice + 1);
  }
}

async int consume(int n) {
  int s = 0;
  ca_for (long v, pairs(n)) {
    await(ca_yield());
    s += (int)v;
  }
  ca_for (int w, count(n))
    s += w;
  return s;
}

// CHECK:      === liveness
// CHECK-NEXT: gen 'count' at [[FILE]]:11:9
// CHECK-NEXT:   saved n at [[FILE]]:11:19: parameter
// CHECK-NEXT:   saved i at [[FILE]]:12:12: local
// CHECK-NEXT:   init stores: n
// CHECK-NEXT:   in locals: i n
// CHECK-NEXT:   init's copy kept: n
// CHECK-NEXT:   state 1 at [[FILE]]:13:5 holds: i n
// CHECK-NEXT:   interference: i-n
// CHECK-NEXT: gen 'pairs' at [[FILE]]:16:10
// CHECK-NEXT:   saved n at [[FILE]]:16:20: parameter
// CHECK-NEXT:   saved ca__gen1 (frame of 'count') at [[FILE]]:17:3: local
// CHECK-NEXT:   saved twice at [[FILE]]:18:10: local
// CHECK-NEXT:   init stores: n
// CHECK-NEXT:   in locals: n twice
// CHECK-NEXT:   init's copy kept: n
// CHECK-NEXT:   state 1 at [[FILE]]:19:5 holds: ca__gen1 twice
// CHECK-NEXT:   state 2 at [[FILE]]:20:5 holds: ca__gen1
// CHECK-NEXT:   interference: ca__gen1-twice
// CHECK-NEXT: async 'consume' at [[FILE]]:24:11
// CHECK-NEXT:   saved n at [[FILE]]:24:23: parameter
// CHECK-NEXT:   saved s at [[FILE]]:25:7: local
// CHECK-NEXT:   saved v at [[FILE]]:26:16: local
// CHECK-NEXT:   saved ca__gen1 (frame of 'pairs') at [[FILE]]:26:3: local
// CHECK-NEXT:   init stores: n
// CHECK-NEXT:   in locals: n s v
// CHECK-NEXT:   init's copy kept: n
// CHECK-NEXT:   state 1 at [[FILE]]:27:5 holds: ca__gen1 n s v
// CHECK-NEXT:   interference: ca__gen1-n ca__gen1-s ca__gen1-v n-s n-v s-v
// CHECK-EMPTY:
