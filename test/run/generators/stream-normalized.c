// Async generators whose bodies hold awaits inside expressions are
// normalized (those awaits moved into statements) and parsed again: a
// yield whose value awaits (`yield(await(f(x)) + 1);`) becomes the awaits,
// then a yield of what is left; a yield without one is copied as written,
// and so is the head of a ca_for_await whose body awaits in an expression.
// RUN: %cawait-cc -std=gnu11 -O1 -Wall -Werror %s -o %t
// RUN: %t | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.asan
// RUN: %t.asan | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -fsyntax-only -fplugin-arg-cawait-dump=normalize %s 2>&1 | FileCheck %s --check-prefix=NORM
#include <cawait.h>
#include <stdio.h>

async int twice(int x) {
  await(ca_yield());
  return 2 * x;
}

async gen int doubled(int n) {
  yield(-1);
  for (int i = 0; i < n; i++)
    yield(await(twice(i)) + (i > 1 ? await(twice(100)) : 0));
  yield(-2);
}

async int sum(int n) {
  int s = 0;
  ca_for_await (int v, doubled(n)) {
    printf(" %d", v);
    s += v > 0 ? await(twice(v)) : v;
  }
  return s;
}

int main(void) {
  int r = ca_block_on(sum(3));
  printf(" = %d\n", r);
  return 0;
}
// CHECK: -1 0 2 204 -2 = 409
// NORM:      === normalize
// NORM-NEXT: {{.*}}stream-normalized.c:21:   { int i = 0;  for (; i < n; i++) { __auto_type ca__e1 = await(twice(i)); int ca__e2; if (i > 1) { __auto_type ca__e3 = await(twice(100)); ca__e2 = ca__e3; } else { ca__e2 = 0; } CA_YIELD(ca__e1 + (ca__e2)); } }
// NORM-NEXT: {{.*}}stream-normalized.c:22:
// NORM-NEXT: {{.*}}stream-normalized.c:30:     { int ca__e1; if (v > 0) { __auto_type ca__e2 = await(twice(v)); ca__e1 = ca__e2; } else { ca__e1 = v; } s += ca__e1; }
// NORM-EMPTY:
