/* cawait_await.c - the await-overhead chain of ../shared/anchors/
 * await-overhead (outer -> middle -> inner -> yield leaf, one suspension per
 * iteration), written with cawait. Prints the same acc= line as the other
 * versions (0x7a7d8a3cc7b4fd69 for N=1000000). With -DINNER_ELSEWHERE,
 * inner is chain_inner.c's, called through its frame budget. */
#define _POSIX_C_SOURCE 199309L
#include <cawait.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#ifdef INNER_ELSEWHERE
#include "chain_inner.h"
#else
async uint64_t inner(uint64_t x) {
  uint64_t a = x * 3 + 1;
  await(ca_yield());
  return a ^ (a >> 3);
}
#endif

async uint64_t middle(uint64_t x) {
  uint64_t b = x + 7;
  uint64_t r = await(inner(b));
  return r + b;
}

async uint64_t outer(uint64_t n) {
  uint64_t acc = 0;
  for (uint64_t i = 0; i < n; i++) {
    uint64_t x = i ^ acc;
    uint64_t r = await(middle(x));
    acc = acc * 31 + r;
  }
  return acc;
}

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv) {
  uint64_t n = argc > 1 ? strtoull(argv[1], NULL, 10) : 1000000;
  double t0 = now_ns();
  uint64_t acc = ca_block_on(outer(n));
  double t1 = now_ns();
  printf("cawait N=%llu acc=0x%016llx ns/iter=%.3f\n", (unsigned long long)n,
         (unsigned long long)acc, n ? (t1 - t0) / (double)n : 0.0);
  return 0;
}
