// An await inside sizeof or _Alignof is never evaluated, as in C: the
// callee is not called (the counter shows it), the value is the size of
// the result's type, wherever the operand sits (an initializer, an if
// condition, an argument, the right of &&).
// RUN: %differential %s %t -Wno-gnu-alignof-expression | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int calls;

async int val(int x) {
  calls++;
  await(ca_yield());
  return x;
}

async long wide(void) {
  calls++;
  await(ca_yield());
  return 1;
}

async int run(int n) {
  int a = sizeof(await(val(1)));
  if (sizeof await(wide()) == 8)
    n++;
  printf("%zu\n", 1 + sizeof(await(val(3)) + 1));
  int b = n > 1 && sizeof(await(val(4))) == (unsigned)n + 2;
  int c = _Alignof(await(wide()));
  int d = await(val(5)) + (int)sizeof(await(wide()));
  return a + b + c + d + n;
}

int main(void) {
  // CHECK: 5
  // CHECK-NEXT: total 28 calls 1
  int total = ca_block_on(run(2));
  printf("total %d calls %d\n", total, calls);
  return 0;
}
