// -fplugin-arg-cawait-frame-larger-than=N warns at the function's name with
// notes at the awaits; -Werror makes it fail, -w and -Wno-backend-plugin
// silence it.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-frame-larger-than=100 %s 2>&1 | FileCheck %s
// RUN: not %cawait-cc -fsyntax-only -Werror -fplugin-arg-cawait-frame-larger-than=100 %s 2>&1 | FileCheck %s --check-prefix=WERROR
// RUN: %cawait-cc -fsyntax-only -w -fplugin-arg-cawait-frame-larger-than=100 %s 2>&1 | count 0
// RUN: %cawait-cc -fsyntax-only -Wno-backend-plugin -fplugin-arg-cawait-frame-larger-than=100 %s 2>&1 | count 0
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-frame-larger-than=0 %s 2>&1 | FileCheck %s --check-prefix=ZERO
#include <cawait.h>

// ZERO: frame-larger-than.c:[[@LINE+1]]:11: warning: async frame of 'small' is 1 bytes, larger than 0 [-Wbackend-plugin]
async int small(void) { return 1; }

// CHECK-NOT: 'small'
// CHECK: frame-larger-than.c:[[@LINE+2]]:11: warning: async frame of 'big' is 4144 bytes, larger than 100 [-Wbackend-plugin]
// WERROR: frame-larger-than.c:[[@LINE+1]]:11: error: async frame of 'big' is 4144 bytes, larger than 100 [-Werror,-Wbackend-plugin]
async int big(int n) {
  char buf[4096];
  long counter = n;
  for (int i = 0; i < 4096; i++)
    buf[i] = (char)i;
  // CHECK: frame-larger-than.c:[[@LINE+1]]:3: note: 'buf' (4096 bytes) is held across this await
  await(ca_sleep_ms(1));
  counter += await(small());
  return buf[n] + (int)counter;
}
// CHECK: note: 'counter' (8 bytes) is held across this await
// CHECK-NOT: warning:
