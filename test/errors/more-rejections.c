// More constructs rejected with an error at the user's code: an await
// through a function pointer, an async function defined in a header.
// RUN: not %cawait-cc -fsyntax-only -I%S/Inputs %s 2>&1 | FileCheck %s
#include <cawait.h>
// CHECK-DAG: async-in-header.h:2:11: error: async function 'in_header' is defined in a header; define it in a .c file, and declare it in the header with a frame budget: async_budget(N)
#include "async-in-header.h"

int plain(void) { return 1; }

async int via_pointer(void) {
  int (*fp)(void) = plain;
  // CHECK-DAG: more-rejections.c:[[@LINE+1]]:17: error: await of a call through a function pointer that is not async: declare the pointer (or its typedef) async_budget(N) or async_boxed
  int v = await(fp());
  return v;
}
