// A variable carried around a loop is held across the await in its body
// even where the body reads it before the await: the next iteration
// reads it. A value dead after the await (t) is not held; the loop
// counter is, and the parameter n read by the condition too.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=liveness %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

async int loop(int n) {
  int acc = 0;
  for (int i = 0; i < n; i++) {
    int t = acc * 2;
    acc = t + i;
    await(ca_yield());
  }
  return acc;
}

// CHECK:      === liveness
// CHECK-NEXT: async 'loop' at [[FILE]]:8:11
// CHECK-NEXT:   saved n at [[FILE]]:8:20: parameter
// CHECK-NEXT:   saved acc at [[FILE]]:9:7: local
// CHECK-NEXT:   saved i at [[FILE]]:10:12: local
// CHECK-NEXT:   init stores: n
// CHECK-NEXT:   in locals: acc i n
// CHECK-NEXT:   init's copy kept: n
// CHECK-NEXT:   state 1 at [[FILE]]:13:5 holds: acc i n
// CHECK-NEXT:   interference: acc-i acc-n i-n
// CHECK-EMPTY:
