// A local whose address escapes is held from its declaration to the end of
// its block: an await of the block before the declaration does not hold it
// (no pointer to it can exist yet), unless a label before the declaration
// lets a goto come back to that await while a pointer is still around.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=liveness %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

void keep(char *p);
void use(int);

async void after_await(void) {
  {
    int early = 1;
    await(ca_yield());
    use(early);
    char b[64];
    keep(b);
    await(ca_yield());
  }
}

// CHECK:      async 'after_await' at [[FILE]]:11:12
// CHECK-NEXT:   saved early at [[FILE]]:13:9: local
// CHECK-NEXT:   saved b at [[FILE]]:16:10: local, address escapes
// CHECK-NEXT:   init stores: nothing
// CHECK-NEXT:   in locals: early
// CHECK-NEXT:   state 1 at [[FILE]]:14:5 holds: early
// CHECK-NEXT:   state 2 at [[FILE]]:18:5 holds: b
// CHECK-NEXT:   interference: none

async void in_loop(int n) {
  for (int i = 0; i < n; i++) {
    await(ca_yield());
    char b[64];
    keep(b);
  }
}

// A new iteration enters the block again: the first await holds no b.
// CHECK:      async 'in_loop' at [[FILE]]:31:12
// CHECK-NEXT:   saved n at [[FILE]]:31:24: parameter
// CHECK-NEXT:   saved i at [[FILE]]:32:12: local
// CHECK-NEXT:   init stores: n
// CHECK-NEXT:   in locals: i n
// CHECK-NEXT:   init's copy kept: n
// CHECK-NEXT:   state 1 at [[FILE]]:33:5 holds: i n
// CHECK-NEXT:   interference: i-n

async void label_before(void) {
  char *p = 0;
  int rounds = 0;
again:
  await(ca_yield());
  if (p)
    keep(p);
  char b[64];
  p = b;
  if (++rounds < 3)
    goto again;
}

// `goto again` comes back to the await with p pointing at b: b is held.
// CHECK:      async 'label_before' at [[FILE]]:49:12
// CHECK:        state 1 at [[FILE]]:53:3 holds: b p rounds
