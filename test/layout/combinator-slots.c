// A combinator's storage is one sub-frame: the 16-byte ca__combinator
// head, a waker slot per branch, every branch's frame (alive together)
// and, for a join, every branch's result; a select keeps no results. The
// branch offsets are in the caller's frame.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=layout %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

async long part(long x) {
  await(ca_yield());
  return x;
}
async void quiet(void) { await(ca_yield()); }

async long both(void) {
  long a = 0;
  long c = 1;
  await(ca_join(a = part(1), quiet(), c = part(2)));
  await(ca_select(a = part(a), ca_sleep_ms(5)));
  return a + c;
}

// 16 + 3 * 8 wakers = 40, part at 40, quiet at 56, part at 64, results
// at 80 and 88: 96 bytes. The select: 16 + 2 * 8, part at 32, the sleep
// at 48: 80 bytes. a and c are held across the select only: they share
// bytes with the join's results.
// CHECK:      async 'both' at [[FILE]]:14:12: size 104, align 8, lower bound 97, without overlap 200
// CHECK-NEXT:   a: offset 80, size 8, align 8
// CHECK-NEXT:   c: offset 88, size 8, align 8
// CHECK-NEXT:   await 1 ca_join of 3: offset 0, size 96, align 8
// CHECK-NEXT:     branch 0 frame of 'part': offset 40, size 16, align 8
// CHECK-NEXT:     branch 0 result: offset 80, size 8, align 8
// CHECK-NEXT:     branch 1 frame of 'quiet': offset 56, size 2, align 1
// CHECK-NEXT:     branch 2 frame of 'part': offset 64, size 16, align 8
// CHECK-NEXT:     branch 2 result: offset 88, size 8, align 8
// CHECK-NEXT:   await 2 ca_select of 2: offset 0, size 80, align 8
// CHECK-NEXT:     branch 0 frame of 'part': offset 32, size 16, align 8
// CHECK-NEXT:     branch 1 frame of 'ca_sleep_ms': offset 48, size 32, align 8
// CHECK-NEXT:   state: offset 96, size 1, align 1
// CHECK-EMPTY:
