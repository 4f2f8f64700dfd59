// Liveness follows the CFG through switch cases (a case entered by
// fallthrough reads what the previous one wrote) and goto (a backward
// jump carries its counter across the await, a label jumped to reads what
// was set before the jump).
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=liveness %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

async int cases(int k) {
  int a = 0, b = 0, c = 0;
  switch (k) {
  case 0:
    a = 1;
    await(ca_yield());
    /* fallthrough */
  case 1:
    b = a + 1;
    await(ca_yield());
    break;
  default:
    c = 7;
  }
  return b + c;
}

async int jumps(int n) {
  int i = 0, last = -1;
again:
  await(ca_yield());
  if (++i < n)
    goto again;
  last = i;
  if (n > 10)
    goto out;
  await(ca_yield());
out:
  return last;
}

// CHECK:       async 'cases' at [[FILE]]:8:11
// CHECK-NEXT:   saved k at [[FILE]]:8:21: parameter
// CHECK-NEXT:   saved a at [[FILE]]:9:7: local
// CHECK-NEXT:   saved b at [[FILE]]:9:14: local
// CHECK-NEXT:   saved c at [[FILE]]:9:21: local
// CHECK-NEXT:   init stores: k
// CHECK-NEXT:   in locals: a b c k
// CHECK-NEXT:   init's copy kept: k
// CHECK-NEXT:   state 1 at [[FILE]]:13:5 holds: a c
// CHECK-NEXT:   state 2 at [[FILE]]:17:5 holds: b c
// CHECK-NEXT:   interference: a-b a-c a-k b-c b-k c-k
// CHECK:       async 'jumps' at [[FILE]]:25:11
// CHECK-NEXT:   saved n at [[FILE]]:25:21: parameter
// CHECK-NEXT:   saved i at [[FILE]]:26:7: local
// CHECK-NEXT:   saved last at [[FILE]]:26:14: local
// CHECK-NEXT:   init stores: n
// CHECK-NEXT:   in locals: i last n
// CHECK-NEXT:   init's copy kept: n
// CHECK-NEXT:   copied as bytes: i last
// CHECK-NEXT:   state 1 at [[FILE]]:28:3 holds: i n
// CHECK-NEXT:   state 2 at [[FILE]]:34:3 holds: last
// CHECK-NEXT:   interference: i-last i-n last-n
// CHECK-EMPTY:
