// -fplugin-arg-cawait-frame-usage writes one line per async function in the
// format of GCC's -fstack-usage: file:line:col:name<TAB>bytes<TAB>static.
// RUN: rm -f %t.su
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-frame-usage=%t.su %s
// RUN: FileCheck %s --strict-whitespace < %t.su
#include <cawait.h>

async int small(void) { return 1; }

async long twice(long x) {
  long y = await(small());
  await(ca_yield());
  return x + y;
}
// CHECK: {{.*}}frame-usage.c:8:11:small{{	}}1{{	}}static
// CHECK-NEXT: {{.*}}frame-usage.c:10:12:twice{{	}}24{{	}}static
// CHECK-EMPTY:
