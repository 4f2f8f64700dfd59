// A ca_for whose body holds awaits inside expressions: the function is
// normalized (those awaits moved into statements) and parsed again, and the
// head of the ca_for is copied as written, so it is still one.
// RUN: %cawait-cc -std=gnu11 -O1 -Wall -Werror %s -o %t
// RUN: %t | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.asan
// RUN: %t.asan | FileCheck %s
#include <cawait.h>
#include <stdio.h>

gen int count(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

async int twice(int x) {
  await(ca_yield());
  return 2 * x;
}

async int sum(int n) {
  int s = 0;
  ca_for (int v,
          count(n)) {
    s += v * await(twice(1)) + await(twice(v));
  }
  ca_for (int w, count(2)) s += w;
  return s + await(twice(1)) * 100;
}

int main(void) {
  int s = 0;
  ca_for (int v, count(3)) s += v;
  printf("%d %d\n", s, ca_block_on(sum(4)));
  return 0;
}
// CHECK: 3 225
