// A goto from outside a ca_for into its body would skip the generator's
// start; a goto inside the body, or out of it, is fine.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

gen int count(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

int plain(int n) {
  int s = 0;
  if (n > 10)
    // CHECK: gen-goto-into-for.c:[[@LINE+1]]:5: error: goto into the body of a ca_for: it would skip the start of the generator; jump to before the ca_for instead
    goto inside;
  ca_for (int v, count(n)) {
  inside:
    s += 1;
    if (s > 5)
      goto out;
  again:
    if (s < 2)
      goto again;
  }
out:
  return s;
}

async int in_async(int n) {
  int s = 0;
  // CHECK: gen-goto-into-for.c:[[@LINE+1]]:3: error: goto into the body of a ca_for: it would skip the start of the generator; jump to before the ca_for instead
  goto inside;
  ca_for (int v, count(n)) {
  inside:
    s += v;
  }
  return s;
}
// CHECK-NOT: error:
