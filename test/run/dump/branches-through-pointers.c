// ca_dump_tasks and gdb's `cawait tasks` through combinator branches that
// call through async function pointers: an in-place branch (its frame in
// the pointer's budget inside the join's storage) and a boxed one (its
// frame behind a pointer): the ops each branch keeps name its callee.
// RUN: cd %S && %cawait-cc -Wall -Werror -g -O0 branches-through-pointers.c -o %t
// RUN: %t | FileCheck %s --match-full-lines --strict-whitespace
// RUN: cd %S && %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all branches-through-pointers.c -o %t.san
// RUN: %t.san | FileCheck %s --match-full-lines --strict-whitespace
// RUN: %valgrind %t | FileCheck %s --match-full-lines --strict-whitespace
// RUN: gdb -batch -nx -iex 'set auto-load safe-path /' -ex 'break stop_here' \
// RUN:   -ex run -ex 'cawait tasks' -ex kill %t 2>&1 | FileCheck %s --check-prefix=GDB --match-full-lines
#include <cawait/dump.h>
#include <stdio.h>

typedef async_budget(128) int wait_fn(int ms);
typedef async_boxed int boxed_wait_fn(int ms);

async int slow(int ms) {
  await(ca_sleep_ms(ms));
  return ms;
}

async int both(wait_fn *f, boxed_wait_fn *g) {
  int a = 0, b = 0;
  await(ca_join(a = f(600000), b = g(600000)));
  return a + b;
}

__attribute__((noinline)) void stop_here(void) { __asm__ volatile(""); }

async void run(void) {
  ca_spawn(both(slow, slow));
  await(ca_sleep_ms(20));
  stop_here();
  ca_dump_tasks(stdout);
}

int main(void) {
  ca_block_on(run());
  return 0;
}

// CHECK:cawait tasks:
// CHECK-NEXT:ca_block_on run, running
// CHECK-NEXT:task 1 both, waiting
// CHECK-NEXT:  both at branches-through-pointers.c:25 → ca_join
// CHECK-NEXT:    [0] slow at branches-through-pointers.c:19 → ca_sleep_ms (deadline in {{5[0-9][0-9][0-9][0-9][0-9]}} ms)
// CHECK-NEXT:    [1] slow at branches-through-pointers.c:19 → ca_sleep_ms (deadline in {{5[0-9][0-9][0-9][0-9][0-9]}} ms)
// CHECK-EMPTY:
// GDB:task 1 both, waiting
// GDB-NEXT:  both at branches-through-pointers.c:25 → ca_join
// GDB-NEXT:    [0] slow at branches-through-pointers.c:19 → ca_sleep_ms (deadline in {{5[0-9][0-9][0-9][0-9][0-9]}} ms)
// GDB-NEXT:    [1] slow at branches-through-pointers.c:19 → ca_sleep_ms (deadline in {{5[0-9][0-9][0-9][0-9][0-9]}} ms)
