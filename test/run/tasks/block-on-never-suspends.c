// ca_block_on of a function that never suspends is a direct call of its
// f__sync (no executor round), with ca_block_on's rules kept: the result
// and the order of evaluation are the synchronous program's (differential),
// a task spawned inside it is scoped to it (dropped when it returns, its
// owned parameters released, as when the executor polls a future that completes at
// once), a task spawned from plain code before stays queued for the next
// ca_block_on, and a ca_block_on inside it aborts with ca_block_on's
// message.
// RUN: %differential %s %t | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -O1 -Wall -Werror -DSCOPED %s -o %t.scoped
// RUN: %t.scoped | FileCheck %s --check-prefix=SCOPED
// RUN: %valgrind %t.scoped | FileCheck %s --check-prefix=SCOPED
// RUN: %cawait-cc -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -DNESTED %s -o %t.nested
// RUN: not --crash %t.nested 2>&1 | FileCheck %s --check-prefix=NESTED
#include <cawait.h>
#include <stdio.h>

#if defined(SCOPED)
// Used only through ca_owned: plain clang sees no call of it.
__attribute__((unused)) static void said(const char *name) { printf("released: %s\n", name); }

async void bg(ca_owned(said) const char *name) {
  await(ca_yield());
  printf("ran: %s\n", name);
}

async int spawner(int x) {
  ca_spawn(bg("scoped"));
  return x + 1;
}

int main(void) {
  ca_spawn(bg("from plain code"));
  printf("spawner %d\n", ca_block_on(spawner(1)));
  // SCOPED: released: scoped
  // SCOPED-NEXT: spawner 2
  ca_block_on(ca_sleep_ms(1));
  // SCOPED-NEXT: ran: from plain code
  // SCOPED-NOT: scoped
  return 0;
}
#elif defined(NESTED)
async int inner(int x) { return x * 2; }
static int outer_plain(int x);
async int outer_via_plain(int x) { return outer_plain(x); }
static int outer_plain(int x) { return ca_block_on(inner(x)); }

int main(void) {
  printf("%d\n", ca_block_on(outer_via_plain(1)));
  // NESTED: cawait: ca_block_on: called while this thread's executor is running
  return 0;
}
#else
static int order;

static int note(int x) {
  printf("arg %d (order %d)\n", x, order++);
  return x;
}

async int add(int a, int b) { return a + b; }
async int add3(int a, int b, int c) { return await(add(await(add(a, b)), c)); }
async void show(const char *what, int v) { printf("%s %d\n", what, v); }

int main(void) {
  long s = 0;
  for (int i = 0; i < 1000; i++)
    s += ca_block_on(add(i, 1));
  printf("sum %ld\n", s);
  // CHECK: sum 500500
  printf("add3 %d\n", ca_block_on(add3(note(1), note(2), note(3))));
  // CHECK-NEXT: arg 1 (order 0)
  // CHECK-NEXT: arg 2 (order 1)
  // CHECK-NEXT: arg 3 (order 2)
  // CHECK-NEXT: add3 6
  int n = ca_block_on(add(ca_block_on(add(note(4), 1)), ca_block_on(add(2, 3))));
  // CHECK-NEXT: arg 4 (order 3)
  printf("nested %d\n", n);
  // CHECK-NEXT: nested 10
  ca_block_on(show("void", ca_block_on(add(20, 22))));
  // CHECK-NEXT: void 42
  return 0;
}
#endif
