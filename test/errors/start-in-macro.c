// ca_block_on written inside another macro, outside async functions, is an
// error at the macro use (the lowering replaces the text of the call).
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

async int answer(void) { return 42; }
#define RUN(x) ca_block_on(x)

int main(void) {
  // CHECK: start-in-macro.c:[[@LINE+1]]:10: error: ca_block_on and ca_spawn outside async functions must be written in the .c file itself, not inside another macro
  return RUN(answer());
}
