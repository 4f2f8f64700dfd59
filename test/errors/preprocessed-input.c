// A preprocessed file has lost its await() macros: lowering it is an error,
// not a silent synchronous compile.
// RUN: %clang -E -I%cawait_include -fplugin=%plugin %s -o %t.i
// RUN: not %cawait-cc -fsyntax-only %t.i 2>&1 | FileCheck %s
// CHECK: error: cawait cannot lower preprocessed input (a .i file, or -save-temps): await() is a macro and is gone after preprocessing
#include <cawait.h>

async int f(void) {
  await(ca_yield());
  return 1;
}

int main(void) { return ca_block_on(f()); }
