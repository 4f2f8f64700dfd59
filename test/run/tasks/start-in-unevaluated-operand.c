// A ca_spawn or ca_block_on in an operand C never evaluates (sizeof,
// typeof) starts nothing: only its type counts. Discover records it as an
// unevaluated start, for which no thunks exist; Emit used to print a start
// anyway (naming g__task_vt and g__erased_poll, undeclared).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int calls;

async int g(int x) {
  ++calls;
  await(ca_yield());
  return x + 1;
}

async int f(void) {
  int y = await(g(1));
  unsigned long n = sizeof(ca_spawn(g(2)));
  unsigned long m = sizeof(ca_block_on(g(3)));
  __typeof__(ca_block_on(g(4))) k = 7;
  printf("%lu %lu %d %d\n", n, m, k, calls);
  return y;
}

int main(void) {
  // CHECK: 8 4 7 1
  // CHECK-NEXT: r=2
  printf("r=%d\n", ca_block_on(f()));
  return 0;
}
