// An assert failing inside an async function reports the user's file, line
// and function name.
// RUN: %cawait-cc -g %s -o %t
// RUN: not --crash %t 2>&1 | FileCheck %s
#include <assert.h>
#include <cawait.h>
#include <stdio.h>

async int checked(int n) {
  int total = 0;
  for (int i = 0; i < n; i++) {
    await(ca_yield());
    total += i;
    // CHECK: assert-location.c:[[@LINE+1]]: {{.*}}checked{{.*}}: Assertion `total != 6' failed.
    assert(total != 6);
  }
  return total;
}

int main(void) {
  printf("%d\n", ca_block_on(checked(10)));
  return 0;
}
