// Liveness of async generators (streams): a ca_for_await is a suspend
// point at the loop's condition that holds what is live there except the
// loop's variable, which the stream's poll writes with each item (v is held
// across the body's await, not across the loop's); the stream's frame is
// held at every suspend point of the loop, its own included, and shares
// its bytes with n, read only in the loop's init clause. A stream's awaits
// and yields are both suspend points.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=liveness %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

async gen int ticks(int n) {
  for (int i = 0; i < n; i++) {
    await(ca_sleep_ms(1));
    yield(i);
  }
}

async gen long evens(int n) {
  ca_for_await (int x, ticks(n))
    if (x % 2 == 0) {
      long sq = (long)x * x;
      await(ca_yield());
      yield(sq);
    }
}

async int consume(int n) {
  int s = 0;
  ca_for_await (long v, evens(n)) {
    await(ca_yield());
    s += (int)v;
  }
  return s;
}

// CHECK:      === liveness
// CHECK-NEXT: async gen 'ticks' at [[FILE]]:11:15
// CHECK-NEXT:   saved n at [[FILE]]:11:25: parameter
// CHECK-NEXT:   saved i at [[FILE]]:12:12: local
// CHECK-NEXT:   init stores: n
// CHECK-NEXT:   in locals: i n
// CHECK-NEXT:   init's copy kept: n
// CHECK-NEXT:   state 1 at [[FILE]]:13:5 holds: i n
// CHECK-NEXT:   state 2 at [[FILE]]:14:5 holds: i n
// CHECK-NEXT:   interference: i-n
// CHECK-NEXT: async gen 'evens' at [[FILE]]:18:16
// CHECK-NEXT:   saved n at [[FILE]]:18:26: parameter
// CHECK-NEXT:   saved ca__gen1 (frame of 'ticks') at [[FILE]]:19:3: local
// CHECK-NEXT:   saved sq at [[FILE]]:21:12: local
// CHECK-NEXT:   init stores: n
// CHECK-NEXT:   in locals: n sq
// CHECK-NEXT:   init's copy kept: n
// CHECK-NEXT:   state 1 at [[FILE]]:19:3 holds: ca__gen1
// CHECK-NEXT:   state 2 at [[FILE]]:22:7 holds: ca__gen1 sq
// CHECK-NEXT:   state 3 at [[FILE]]:23:7 holds: ca__gen1
// CHECK-NEXT:   interference: ca__gen1-sq
// CHECK-NEXT: async 'consume' at [[FILE]]:27:11
// CHECK-NEXT:   saved n at [[FILE]]:27:23: parameter
// CHECK-NEXT:   saved s at [[FILE]]:28:7: local
// CHECK-NEXT:   saved v at [[FILE]]:29:22: local
// CHECK-NEXT:   saved ca__gen1 (frame of 'evens') at [[FILE]]:29:3: local
// CHECK-NEXT:   init stores: n
// CHECK-NEXT:   in locals: n s v
// CHECK-NEXT:   init's copy kept: n
// CHECK-NEXT:   state 1 at [[FILE]]:29:3 holds: ca__gen1 s
// CHECK-NEXT:   state 2 at [[FILE]]:30:5 holds: ca__gen1 s v
// CHECK-NEXT:   interference: ca__gen1-s ca__gen1-v n-s s-v
