// Without the plugin a program with streams compiles (with any C compiler;
// `async gen` is empty), but a stream has no synchronous meaning:
// ca_for_await aborts before it runs any of it, naming the stream, like
// ca_for. With the plugin the same program runs (PLUGIN).
// RUN: %clang -std=gnu11 -Wall -Werror -Wno-return-type -I%cawait_include %s %cawait_lib -o %t
// RUN: not --crash %t 2>&1 | FileCheck %s
// RUN: gcc -std=gnu11 -Wall -Werror -Wno-return-type -I%cawait_include %s %cawait_lib -o %t.gcc
// RUN: not --crash %t.gcc 2>&1 | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -Wall -Werror %s -o %t.plugin
// RUN: %t.plugin | FileCheck %s --check-prefix=PLUGIN
#include <cawait.h>
#include <stdio.h>

async gen int ticks(int n) {
  printf("ticks runs\n");
  for (int i = 0; i < n; i++) {
    await(ca_sleep_ms(1));
    yield(i);
  }
}

async int sum(int n) {
  int s = 0;
  ca_for_await (int v, ticks(n))
    s += v;
  return s;
}

int main(void) {
  printf("before\n");
  printf("%d\n", ca_block_on(sum(3)));
  printf("after\n");
  return 0;
}
// CHECK: before
// CHECK-NEXT: cawait: generator 'ticks' run without the cawait plugin: a generator has no synchronous meaning; build with cawait-cc (or -fplugin=cawait.so)
// CHECK-NOT: {{^[0-9]|after|runs}}
// PLUGIN: before
// PLUGIN-NEXT: ticks runs
// PLUGIN-NEXT: 3
// PLUGIN-NEXT: after
