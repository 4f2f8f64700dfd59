// A cleanup local in an async function that awaits is rejected for now
// (cleanups across awaits come with cancellation).
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

void release(int *p) { (void)p; }

async int with_cleanup(void) {
  // CHECK: cleanup-local.c:[[@LINE+1]]:41: error: __attribute__((cleanup)) on 'guard' in an async function that awaits is not supported yet
  __attribute__((cleanup(release))) int guard = 0;
  await(ca_yield());
  return guard;
}
