// assert() around an await: glibc's assert expands to
// `((void) sizeof ((expr) ? 1 : 0), ({ if (expr) ; else __assert_fail(...); }))`,
// so the await also sits in an unevaluated sizeof. That copy must be left
// alone (it is never run) and the assert must work; it was rejected with
// "await inside sizeof or _Alignof is never evaluated" at the assert.
// RUN: %differential %s %t | FileCheck %s
#include <assert.h>
#include <cawait.h>
#include <stdio.h>

static int calls;

async int val(int x) {
  await(ca_yield());
  calls++;
  return x;
}

async int run(int n) {
  assert(await(val(n)) == 1);
  assert(n == 0 || await(val(n)) > 0);
  printf("calls=%d\n", calls);
  return calls;
}

int main(void) {
  printf("%d\n", ca_block_on(run(1)));
  return 0;
}
// CHECK: calls=2
// CHECK-NEXT: 2
// CHECK-NEXT: exit=0
