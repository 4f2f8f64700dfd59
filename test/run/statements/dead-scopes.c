// A local that no await holds is a C local of poll that no resume
// restores: from an await where it is dead on, its statements are closed in
// a block of their own (passes/DeadScopes.h), so that a debugger shows no
// stale value for it there (test/debug/dead-locals.c). The program means
// the same. A block is closed only when nothing from the await on names
// what it declares (sizeof and typeof too) and no await there holds it; a
// typedef or tag, a cleanup variable or a label ends the run before it;
// runs nest.
// RUN: %differential %s %t | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -c %s -o %t.o -fplugin-arg-cawait-emit=%t.c
// RUN: grep -v -e '^#line' -e '^ *$' %t.c | FileCheck --check-prefix=EMIT %s
#include <cawait.h>
#include <stdio.h>

static void show(const char *what, long v) { printf("%s %ld\n", what, v); }
static void done(int *p) { printf("cleanup %d\n", *p); }

async int twice(int v) {
  await(ca_yield());
  return 2 * v;
}

// Closed before each await: x before the first, then x's block and y
// (declared by an await) before the second.
async int plain(int n) {
  int x = n * 7;
  show("x", x);
  await(ca_yield());
  int y = await(twice(n));
  show("y", y);
  await(ca_yield());
  return n;
}
// EMIT-LABEL: ca_poll plain__poll(
// EMIT:       int n = ca__f->n;
// EMIT-NEXT:  {
// EMIT-NEXT:    {
// EMIT-NEXT:      {
// EMIT-NEXT:        int x = n * 7;
// EMIT-NEXT:        show("x", x);
// EMIT-NEXT:      }
// EMIT-NEXT:      ca_yield__init(
// EMIT:           int y = ca__r2;
// EMIT-NEXT:      show("y", y);
// EMIT-NEXT:    }
// EMIT-NEXT:    ca_yield__init(

// Named after the await (sizeof, typeof), or held there: not closed.
async long named(int n) {
  int s = n;
  int t = n + 1;
  int h = n + 2;
  show("s", s);
  await(ca_yield());
  __typeof__(t) u = 3;
  show("h", h);
  return (long)sizeof s + u;
}
// EMIT-LABEL: ca_poll named__poll(
// EMIT:       int n = ca__f->n;
// EMIT-NEXT:  {
// EMIT-NEXT:    int s = n;
// EMIT-NEXT:    int t = n + 1;
// EMIT-NEXT:    int h = n + 2;
// EMIT-NEXT:    show("s", s);
// EMIT-NEXT:    ca__f->h = h;
// EMIT-NEXT:    ca_yield__init(

// A typedef used after the await ends the run before it: only v's
// statements are closed.
async int typedefs(int n) {
  typedef int I;
  I v = n;
  show("v", v);
  await(ca_yield());
  I w = 2;
  return w;
}
// EMIT-LABEL: ca_poll typedefs__poll(
// EMIT:       typedef int I;
// EMIT-NEXT:  {
// EMIT-NEXT:    I v = n;
// EMIT-NEXT:    show("v", v);
// EMIT-NEXT:  }
// EMIT-NEXT:  ca_yield__init(

// A label in the run (a goto back would enter the block anew, z
// indeterminate) ends it: z stays in scope. A cleanup variable (its block's
// end runs it) too: only d's statements are closed.
async int jumps(int n) {
  int k = 0;
  int z;
again:
  z = n + k;
  show("z", z);
  await(ca_yield());
  if (k++ < 1)
    goto again;
  {
    __attribute__((cleanup(done))) int c = n;
    int d = c + 1;
    show("d", d);
    await(ca_yield());
  }
  return k;
}
// EMIT-LABEL: ca_poll jumps__poll(
// EMIT:       int z;
// EMIT-NEXT:  again:;
// EMIT-NEXT:  z = n + k;
// EMIT-NEXT:  show("z", z);
// EMIT-NEXT:  __builtin_memcpy(&ca__f->k, &k, sizeof(ca__f->k));
// EMIT-NEXT:  ca_yield__init(
// EMIT:       ca__f->c = n;
// EMIT-NEXT:  {
// EMIT-NEXT:    int d = ca__f->c + 1;
// EMIT-NEXT:    show("d", d);
// EMIT-NEXT:  }
// EMIT-NEXT:  __builtin_memcpy(&ca__f->k, &k, sizeof(ca__f->k));
// EMIT-NEXT:  ca_yield__init(

// In a loop's body: y's statements, before the second await.
async int loop(int n) {
  int sum = 0;
  for (int i = 0; i < 2; i++) {
    int y = await(twice(n + i));
    show("y", y);
    await(ca_yield());
    sum += i;
  }
  return sum;
}
// EMIT-LABEL: ca_poll loop__poll(
// EMIT:       for (; i < 2; i++)
// EMIT-NEXT:  {
// EMIT-NEXT:    {
// EMIT-NEXT:      ca__f->sum = sum;
// EMIT-NEXT:      ca__f->i = i;
// EMIT-NEXT:      twice__init(
// EMIT:           int y = ca__r1;
// EMIT-NEXT:      show("y", y);
// EMIT-NEXT:    }
// EMIT-NEXT:    ca__f->sum = sum;

int main(void) {
  show("plain", ca_block_on(plain(3)));
  show("named", ca_block_on(named(3)));
  show("typedefs", ca_block_on(typedefs(3)));
  show("jumps", ca_block_on(jumps(3)));
  show("loop", ca_block_on(loop(3)));
  return 0;
}

// CHECK:      x 21
// CHECK-NEXT: y 6
// CHECK-NEXT: plain 3
// CHECK-NEXT: s 3
// CHECK-NEXT: h 5
// CHECK-NEXT: named 7
// CHECK-NEXT: v 3
// CHECK-NEXT: typedefs 2
// CHECK-NEXT: z 3
// CHECK-NEXT: z 4
// CHECK-NEXT: d 4
// CHECK-NEXT: cleanup 3
// CHECK-NEXT: jumps 2
// CHECK-NEXT: y 6
// CHECK-NEXT: y 8
// CHECK-NEXT: loop 1
// CHECK-NEXT: exit=0
