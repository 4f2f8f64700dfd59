// A generator that is not async cannot await: the loop that asks for its
// items is plain code, which cannot wait (an async gen can: a stream).
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

async int value(int x) {
  await(ca_yield());
  return x;
}

gen int awaits(int n) {
  for (int i = 0; i < n; i++) {
    // CHECK: gen-await-in-generator.c:[[@LINE+1]]:13: error: await in generator 'awaits', which is not async: a generator's items are asked for by a plain loop, which cannot wait; declare it async gen (a stream, iterated by ca_for_await)
    int v = await(value(i));
    yield(v);
  }
}
// CHECK-NOT: error:
