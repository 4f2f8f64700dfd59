// Warnings in the branches of ca_select, ca_timeout_ms and ca_join are
// plain clang's: one definition of each macro serves both (cawait.h), so
// clang checks the same expression. Before, the later branches of a select
// were in sizeof without the plugin and in evaluated code with it: the
// plugin gave a -Wsign-conversion plain clang did not, and the assignment
// there hid the -Wuninitialized plain clang gave.
// RUN: %clang -std=gnu11 -I %cawait_include -Wall -Wextra -Wconversion -Wsign-conversion -c %s -o %t.plain.o 2> %t.plain
// RUN: %cawait-cc -std=gnu11 -Wall -Wextra -Wconversion -Wsign-conversion -c %s -o %t.o 2> %t.ours
// RUN: diff %t.plain %t.ours
// RUN: FileCheck %s < %t.ours
// RUN: %clang -std=gnu11 -I %cawait_include -Weverything -Wno-declaration-after-statement -Wno-unsafe-buffer-usage -Wno-pre-c11-compat -Wno-missing-prototypes -Wno-gnu-zero-variadic-macro-arguments -c %s -o %t.plain.o 2> %t.plain.every
// RUN: %cawait-cc -std=gnu11 -Weverything -Wno-declaration-after-statement -Wno-unsafe-buffer-usage -Wno-pre-c11-compat -Wno-missing-prototypes -Wno-gnu-zero-variadic-macro-arguments -c %s -o %t.o 2> %t.ours.every
// RUN: diff %t.plain.every %t.ours.every
#include <cawait.h>

async unsigned g(int y) { return (unsigned)y; }
async int f(int x) { return x; }

async int run(int i) {
  unsigned u;
  int a = 0;
  int k = await(ca_select(a = f(i), u = g(i), a = g(i)));
  // CHECK: combinator-branches.c:[[#@LINE-1]]:51: warning: implicit conversion changes signedness: 'unsigned int' to 'int' [-Wsign-conversion]
  int late = await(ca_timeout_ms(10, a = g(i)));
  // CHECK: combinator-branches.c:[[#@LINE-1]]:42: warning: implicit conversion changes signedness: 'unsigned int' to 'int' [-Wsign-conversion]
  long wide = 0;
  await(ca_join(a = f(i), wide = g(i), a = g(i)));
  // CHECK: combinator-branches.c:[[#@LINE-1]]:44: warning: implicit conversion changes signedness: 'unsigned int' to 'int' [-Wsign-conversion]
  return k + late + a + (int)u + (int)wide;
  // CHECK: combinator-branches.c:[[#@LINE-1]]:30: warning: variable 'u' is uninitialized when used here [-Wuninitialized]
}
// CHECK-NOT: warning:
// CHECK: 4 warnings generated.
