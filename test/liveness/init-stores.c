// f__init stores the parameters live at entry: one written before it is
// read is kept (it is held across an await) but not stored; an unused one
// is not kept at all; one read only before the first await is stored and
// not held, and may share bytes with one written after its last read.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=liveness %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

async int params(int read, int overwritten, int unused, int early) {
  int e = early * 2;
  overwritten = read + e;
  await(ca_yield());
  return overwritten + read;
}

// CHECK:      === liveness
// CHECK-NEXT: async 'params' at [[FILE]]:8:11
// CHECK-NEXT:   saved read at [[FILE]]:8:22: parameter
// CHECK-NEXT:   saved overwritten at [[FILE]]:8:32: parameter
// CHECK-NEXT:   saved early at [[FILE]]:8:61: parameter
// CHECK-NEXT:   init stores: early read
// CHECK-NEXT:   in locals: early overwritten read
// CHECK-NEXT:   init's copy kept: early read
// CHECK-NEXT:   state 1 at [[FILE]]:11:3 holds: overwritten read
// CHECK-NEXT:   interference: early-read overwritten-read
// CHECK-EMPTY:
