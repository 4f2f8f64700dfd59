// A join's assignment targets are written when it completes: not held
// across it (here not kept in the frame at all). A select's may keep their old value (the branch may lose):
// held. What a branch's arguments read is held across the point too.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=liveness %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

async int part(int x) {
  await(ca_yield());
  return x;
}

async int join(int n) {
  int a = 5, b = 6;
  await(ca_join(a = part(n), b = part(n + 1)));
  return a + b;
}

async int select(int n) {
  int a = 5, b = 6;
  await(ca_select(a = part(n), b = part(n + 1)));
  return a + b;
}

// CHECK:       async 'join' at [[FILE]]:12:11
// CHECK-NEXT:   saved n at [[FILE]]:12:20: parameter
// CHECK-NEXT:   init stores: n
// CHECK-NEXT:   in locals: n
// CHECK-NEXT:   init's copy kept: n
// CHECK-NEXT:   state 1 at [[FILE]]:14:3 holds: n
// CHECK-NEXT:   interference: none
// CHECK:       async 'select' at [[FILE]]:18:11
// CHECK-NEXT:   saved n at [[FILE]]:18:22: parameter
// CHECK-NEXT:   saved a at [[FILE]]:19:7: local
// CHECK-NEXT:   saved b at [[FILE]]:19:14: local
// CHECK-NEXT:   init stores: n
// CHECK-NEXT:   in locals: a b n
// CHECK-NEXT:   init's copy kept: n
// CHECK-NEXT:   state 1 at [[FILE]]:20:3 holds: a b n
// CHECK-NEXT:   interference: a-b a-n b-n
// CHECK-EMPTY:
