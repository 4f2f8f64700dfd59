// A file that names nothing of cawait is not analysed (no extra parse: it
// compiles as fast as without the plugin). Async code that reaches it
// through header macros only is then an error, never plain C.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not=error:
#include "Inputs/header-macros.h"

// CHECK: skipped-analysis.c:[[@LINE+1]]:11: error: async function 'f' reaches this file only through a header's macro; the file names nothing of cawait, so cawait did not lower it: include <cawait.h> in this file
ASYNC int f(void) { return 1; }

ASYNC int g(void) {
  // CHECK: skipped-analysis.c:[[@LINE+1]]:10: error: 'await' reaches this file only through a header's macro; the file names nothing of cawait, so cawait did not lower it: include <cawait.h> in this file
  return WAIT(f());
}
// CHECK: skipped-analysis.c:[[@LINE-4]]:11: error: async function 'g' reaches

// CHECK: skipped-analysis.c:[[@LINE+1]]:25: error: 'ca_block_on' reaches this file only through a header's macro; the file names nothing of cawait, so cawait did not lower it: include <cawait.h> in this file
int main(void) { return RUN(g()); }
