// Checks the plain C meaning (no plugin): ca_sleep_ms blocks, ca_yield returns, ca_spawn/ca_block_on run the call, ca_run returns at once.
// RUN: %clang -std=c11 -I%cawait_include %s %cawait_lib -o %t && %t | FileCheck %s
// RUN: %clang -std=c11 -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san && %t.san | FileCheck %s

#include <cawait.h>
#include <stdio.h>

#ifdef CA_LOWERED
#error "this test is compiled without the plugin"
#endif

async int add_slowly(int a, int b) {
  await(ca_sleep_ms(20));
  await(ca_yield());
  return a + b;
}

async void report(const char *what) { printf("%s\n", what); }

int main(void) {
  uint64_t start = ca_now_ms();
  int sum = ca_block_on(add_slowly(2, 3));
  uint64_t took = ca_now_ms() - start;
  printf("sum %d, blocked: %s\n", sum, took >= 20 ? "yes" : "NO");
  ca_spawn(report("spawned runs at once"));
  printf("after spawn\n");
  ca_run();
  ca_sleep_ms(0);
  printf("ca_run and ca_sleep_ms(0) returned\n");
  return 0;
}

// CHECK:      sum 5, blocked: yes
// CHECK-NEXT: spawned runs at once
// CHECK-NEXT: after spawn
// CHECK-NEXT: ca_run and ca_sleep_ms(0) returned
// CHECK-EMPTY:
