// A compiler warning inside an async function names the user's file and
// line (the column is that of the lowered statement), also after the body
// was lowered.
// RUN: %cawait-cc -fsyntax-only -Wsign-compare %s 2>&1 | FileCheck %s
#include <cawait.h>

async int compare(int n) {
  unsigned limit = 10;
  await(ca_yield());
  int below = 0;
  for (int i = 0; i < n; i++) {
    await(ca_yield());
    // CHECK: warning-location.c:[[@LINE+1]]:{{[0-9]+}}: warning: comparison of integers of different signs: 'int' and 'unsigned int' [-Wsign-compare]
    below += i < limit;
  }
  return below;
}
