// A local of an async function that no await holds is a C local of poll
// whose value no resume restores. After an await where it is dead, gdb
// and lldb must not show it with a value (before, at -O0: the bytes its
// stack slot held, here another task's q, 222222): its statements are
// closed in a block of their own (passes/DeadScopes.h), so it is out of
// scope there; optimized, at most `<optimized out>` (a copy of the
// variable the inlined poll inherits from its abstract origin). x: dead
// after the await; y: declared by an await, dead after the next, in a
// loop.
// REQUIRES: gdb
// RUN: %cawait-cc -g -O0 %s -o %t0
// RUN: %cawait-cc -g -O1 %s -o %t1
// RUN: gdb -batch -nx -iex 'set auto-load safe-path /' \
// RUN:   -ex 'break dead-locals.c:36' -ex 'break dead-locals.c:38' \
// RUN:   -ex 'break dead-locals.c:46' -ex run -ex 'print x' -ex continue \
// RUN:   -ex 'info locals' -ex 'print x' -ex continue -ex 'info locals' \
// RUN:   -ex 'print y' -ex kill %t0 2>&1 | FileCheck %s --check-prefix=O0
// RUN: gdb -batch -nx -iex 'set auto-load safe-path /' \
// RUN:   -ex 'break dead-locals.c:36' -ex 'break dead-locals.c:38' \
// RUN:   -ex 'break dead-locals.c:46' -ex run -ex 'print x' -ex continue \
// RUN:   -ex 'info locals' -ex 'print x' -ex continue -ex 'info locals' \
// RUN:   -ex 'print y' -ex kill %t1 2>&1 | FileCheck %s --check-prefix=O1
#include <cawait.h>
#include <stdio.h>

int sink;
__attribute__((noinline)) void use(int v) { sink += v; }

async int twice(int v) {
  await(ca_yield());
  return 2 * v;
}

async void f(int n) {
  int x = n * 7;
  use(x); /* line 36: x is live */
  await(ca_yield());
  use(n); /* line 38: x is dead */
}

async void g(int n) {
  for (int i = 0; i < 2; i++) {
    int y = await(twice(n + i));
    use(y);
    await(ca_yield());
    use(i); /* line 46: y is dead */
  }
}

async void other(void) {
  int p = 111111, q = 222222;
  use(p);
  await(ca_yield());
  use(p + q);
  await(ca_yield());
  use(p - q);
}

async void both(void) {
  ca_spawn(other());
  ca_spawn(f(3));
  ca_spawn(g(5));
  for (int i = 0; i < 8; i++)
    await(ca_yield());
}

int main(void) {
  ca_block_on(both());
  printf("sink %d\n", sink);
  return 0;
}

// O0:      Breakpoint 1, f__poll
// O0-NEXT: {{[0-9]+}} use(x); /* line 36: x is live */
// O0-NEXT: $1 = 21
// O0:      Breakpoint 2, f__poll
// O0-NEXT: {{[0-9]+}} use(n); /* line {{[0-9]+}}: x is dead */
// O0-NEXT: n = 3
// O0-NEXT: No symbol "x" in current context.
// O0:      Breakpoint 3, g__poll
// O0-NEXT: {{[0-9]+}} use(i); /* line {{[0-9]+}}: y is dead */
// O0-NEXT: i = 0
// O0-NEXT: n = 5
// O0-NEXT: No symbol "y" in current context.

// O1:      Breakpoint 1.{{[0-9]+}}, f__poll
// O1-NEXT: {{[0-9]+}} use(x); /* line 36: x is live */
// O1-NEXT: $1 = 21
// O1:      Breakpoint 2.{{[0-9]+}}, f__poll
// O1-NEXT: {{[0-9]+}} use(n); /* line {{[0-9]+}}: x is dead */
// O1-NEXT: n = 3
// O1-NEXT: x = <optimized out>
// O1-NEXT: $2 = <optimized out>
// O1:      Breakpoint 3, g__poll
// O1-NEXT: {{[0-9]+}} use(i); /* line {{[0-9]+}}: y is dead */
// O1-NEXT: i = 0
// O1-NEXT: n = 5
// O1-NEXT: No symbol "y" in current context.
