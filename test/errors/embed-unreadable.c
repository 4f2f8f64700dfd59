// An #embed that cawait cannot read back (written with the `%:` digraph)
// in an async function: the lowering prints #embed data as the directive
// again, so it is an error at the directive, reported by Check before
// liveness and layout (their dumps print nothing).
// RUN: not %cawait-cc -fsyntax-only -std=c23 %s \
// RUN:   -fplugin-arg-cawait-dump=liveness,layout 2>&1 | FileCheck %s
#include <cawait.h>

async int val(int x) {
  await(ca_yield());
  return x;
}

async int f(void) {
  int r = await(val(1));
  static const unsigned char t[] = {
  // CHECK: embed-unreadable.c:[[@LINE+1]]:1: error: cawait cannot read this #embed directive back to re-emit it; initialize the array outside the async function
%:embed "../run/Inputs/embed.bin"
  };
  return r + t[1];
}
// CHECK-NOT: liveness
// CHECK-NOT: layout
// CHECK: 1 error generated.
