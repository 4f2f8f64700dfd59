// The address of a local given only to calls that do not keep it (a
// noescape parameter, a C library function, a function of this file that
// only reads or writes through it) does not make the local escape: it is
// held for its value only. Every other call keeps it.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=liveness %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>
#include <string.h>

unsigned long sum(__attribute__((noescape)) const unsigned char *a,
                  unsigned long n);
void keep(const unsigned char *p);
void use(unsigned long);

static unsigned long weigh(const unsigned char *a, unsigned long n) {
  unsigned long s = 0;
  for (const unsigned char *p = a; p < a + n; p++)
    s += *p + a[0];
  return s + sum(a, n);
}

static const unsigned char *last;
static void remember(const unsigned char *a) { last = a + 1; }
static void forward(const unsigned char *a) { remember(a); }

async void borrowed(void) {
  unsigned char a[4096];
  memset(a, 1, sizeof a);
  unsigned long s = sum(a, sizeof a) + weigh(a, 16) + strlen((char *)a);
  await(ca_yield());
  use(s);
}

// CHECK:      async 'borrowed' at [[FILE]]:25:12
// CHECK-NEXT:   saved s at [[FILE]]:28:17: local
// CHECK-NEXT:   init stores: nothing
// CHECK-NEXT:   in locals: s
// CHECK-NEXT:   state 1 at [[FILE]]:29:3 holds: s
// CHECK-NEXT:   interference: none

async void kept(void) {
  unsigned char a[64], b[64], c[64], d[64];
  keep(a);
  forward(b);
  unsigned char *e = memset(c, 0, sizeof c);
  (void)memset(d, 0, sizeof d);
  await(ca_yield());
  use(e[0]);
}

// keep is defined elsewhere, forward stores a pointer derived from b, and
// memset's value (a pointer into c) is used; d's memset value is not.
// CHECK:      async 'kept' at [[FILE]]:40:12
// CHECK-NEXT:   saved a at [[FILE]]:41:17: local, address escapes
// CHECK-NEXT:   saved b at [[FILE]]:41:24: local, address escapes
// CHECK-NEXT:   saved c at [[FILE]]:41:31: local, address escapes
// CHECK-NEXT:   saved e at [[FILE]]:44:18: local
// CHECK-NEXT:   init stores: nothing
// CHECK-NEXT:   in locals: e
// CHECK-NEXT:   state 1 at [[FILE]]:46:3 holds: a b c e
