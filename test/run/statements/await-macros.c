// Macros that wrap await in the supported forms: statement macros built with
// do { ... } while (0), an error-propagating TRY that assigns then tests, a
// macro that is just the await, and await calls whose arguments are macros.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

#define TRY(x)                                                                 \
  do {                                                                         \
    rc = await(x);                                                             \
    if (rc < 0)                                                                \
      return rc;                                                               \
  } while (0)
#define AWAIT_INTO(var, call)                                                  \
  do {                                                                         \
    var = await(call);                                                         \
  } while (0)
#define AW(call) await(call)
#define YIELD() await(ca_yield())
#define TWICE(x) ((x) * 2)
#define BASE 10

async int op(int x) {
  YIELD();
  return x < 0 ? x : x + 1;
}

async int pipeline(int a, int b) {
  int rc;
  int acc = 0;
  TRY(op(a));
  acc += rc;
  TRY(op(TWICE(b)));
  acc += rc * 100;
  AWAIT_INTO(acc, op(acc + BASE));
  int v = AW(op(acc));
  acc += AW(op(v));
  (void)AW(op(0));
  YIELD();
  return acc;
}

int main(void) {
  printf("%d %d %d\n", ca_block_on(pipeline(1, 2)), ca_block_on(pipeline(-3, 2)),
         ca_block_on(pipeline(1, -4)));
  return 0;
}
// CHECK: 1028 -3 -8
// CHECK-NEXT: exit=0
