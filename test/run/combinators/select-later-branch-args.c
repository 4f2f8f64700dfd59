// The arguments of a ca_select's later branches are read when the select
// starts: a variable only they read is kept across the awaits before it.
// Those branches sit in the arm of `0 ?` that never runs without the
// plugin (cawait.h), which clang's CFG marks unreachable; liveness follows
// that edge. The synchronous meaning runs the first branch only, so this
// is checked against the expected output, not differentially.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=liveness %s 2>&1 | FileCheck %s --check-prefix=LIVE -DFILE=%s
// RUN: %cawait-cc -O1 %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -O1 -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.asan && %t.asan | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int slow(int v) {
  await(ca_sleep_ms(50));
  return v;
}

async int quick(int v) {
  await(ca_yield());
  return v;
}

async int run(int n) {
  int x = n * 3, y = n * 5;
  await(ca_yield());
  int a = 0, b = 0;
  int k = await(ca_select(a = slow(x), b = quick(y)));
  return k * 1000 + a + b;
}

// LIVE:      async 'run' at [[FILE]]:[[#@LINE-8]]:11
// LIVE:        state 1 at [[FILE]]:[[#@LINE-7]]:3 holds: x y
int main(void) {
  // CHECK: 1035
  printf("%d\n", ca_block_on(run(7)));
  return 0;
}
