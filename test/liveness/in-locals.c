// Which kept variables poll holds in C locals between suspends ("in
// locals", SavedVar::InLocal): those whose address is never taken, whose
// type `=` can store, and whose name means them at every await that holds
// them. Address-taken, cleanup, array, const and const-member variables
// and structs over 64 bytes stay in the frame, and so does a variable
// shadowed at an await that holds it (by a variable, a typedef name or an
// enumerator), or held where it is not in scope (a goto back into its
// block). One that a goto may reach past its declaration is copied as
// bytes (it may be indeterminate there).
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=liveness %s 2>&1 | FileCheck %s --match-full-lines -DFILE=%s
#include <cawait.h>

void keep(int *p);
void release(int *p);
struct pt { int x, y; };
struct fixed { const int id; int v; };
struct big { long w[9]; }; // 72 bytes: copied at each await, so in the frame

async int kinds(int n, const int c) {
  struct pt p = {1, 2};
  int taken = 3;
  keep(&taken);
  int arr[2] = {4, 5};
  const int k = 6;
  struct fixed f = {7, 8};
  int clean __attribute__((cleanup(release))) = 9;
  struct big b = {{10}};
  await(ca_yield());
  n += p.x + taken + arr[1] + k + f.v + clean + c + (int)b.w[0];
  return n;
}

async int shadows(int n) {
  int a = n, b = n, e = n;
  for (int i = 0; i < n; i++) {
    int a = i; // shadows a: the outer a stays in the frame
    typedef int b; // shadows b likewise
    enum { e = 2 }; // and e
    await(ca_yield());
    n += a + (b)e;
  }
  for (int i = 0; i < n; i++) // sibling loops: two i, each named
    await(ca_yield());
  return a + b + e;
}

async int reentered(int n) {
  int r = 0;
  {
    int x;
  again:
    r += x = n; // x is written before it is read
    (void)x;
  }
  {
    int y = 1;
  back:
    r += y; // reached by a goto past y's declaration: held, not in scope
  }
  await(ca_yield());
  if (n-- > 0)
    goto back;
  if (r < 0)
    goto again;
  return r;
}

// Parameters f__init stores and the body never writes keep f__init's copy:
// awaits load them and never store them back.
async int readonly(int a, int b, struct pt p, int c, int d) {
  await(ca_yield());
  c = 3; // written before it is read: f__init does not store it
  b++;
  p.y = 2;
  await(ca_yield());
  return a + b + p.x + p.y + c + d;
}

// A ca_owned parameter the body never names is kept only for f__drop's
// release: poll does not declare it.
void close_fd(int fd);
async void owned(ca_owned(close_fd) int fd, int n) {
  await(ca_yield());
  (void)n;
}

// CHECK:      async 'kinds' at [[FILE]]:19:11
// CHECK:        init stores: c n
// CHECK-NEXT:   in locals: n p
// CHECK:      async 'shadows' at [[FILE]]:33:11
// CHECK:        init stores: n
// CHECK-NEXT:   in locals: a_1 i i_1 n
// CHECK:      async 'reentered' at [[FILE]]:47:11
// CHECK:        init stores: n
// CHECK-NEXT:   in locals: n r
// CHECK-NEXT:   copied as bytes: r
// CHECK:      async 'readonly' at [[FILE]]:70:11
// CHECK:        init stores: a b d p
// CHECK-NEXT:   in locals: a b c d p
// CHECK-NEXT:   init's copy kept: a d
// CHECK:      async 'owned' at [[FILE]]:82:12
// CHECK:        init stores: fd n
// CHECK-NEXT:   in locals: n
// CHECK-NEXT:   init's copy kept: n
