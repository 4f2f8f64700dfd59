// clangd.test: warnings in an async body, as plain clang gives them.
#include <cawait.h>

async int step(int x) { await(ca_yield()); return x + 1; }

async int total(unsigned n) {
  int sum = 0;
  for (int i = 0; i < 3; i++) {
    int unused = await(step(i));
    sum += await(step(i));
    if (sum < n)
      sum++;
  }
  return sum;
}
