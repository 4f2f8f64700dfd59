// Flow-sensitive warnings about locals kept across awaits are not lost:
// the analysis parse reads the user's body as written (issue 16, item 10).
// RUN: %clang -std=gnu11 -I %cawait_include -Wall -Wextra -Wshadow -Wsometimes-uninitialized -c %s -o %t.plain.o 2> %t.plain
// RUN: %cawait-cc -std=gnu11 -Wall -Wextra -Wshadow -Wsometimes-uninitialized -c %s -o %t.o 2> %t.ours
// RUN: diff %t.plain %t.ours
// RUN: FileCheck %s < %t.ours
#include <cawait.h>

async int tick(int v) {
  await(ca_yield());
  return v;
}

int level;

async int run(int n) {
  int r;
  int unused_but_set = 0;
  if (n)
    r = await(tick(n));
  unused_but_set = await(tick(r));
  {
    int n = 2;
    await(tick(n));
  }
  int level = await(tick(1));
  if (level)
    return r;
}

// CHECK: flow-sensitive.c:23:9: warning: declaration shadows a local variable [-Wshadow]
// CHECK: flow-sensitive.c:26:7: warning: declaration shadows a variable in the global scope [-Wshadow]
// CHECK: flow-sensitive.c:18:7: warning: variable 'unused_but_set' set but not used [-Wunused-but-set-variable]
// CHECK: flow-sensitive.c:29:1: warning: non-void function does not return a value in all control paths [-Wreturn-type]
// CHECK: flow-sensitive.c:19:7: warning: variable 'r' is used uninitialized whenever 'if' condition is false [-Wsometimes-uninitialized]
// CHECK: 5 warnings generated.
