/* bench/generators/gen_bench.c: the cost of a generator, against the C a
 * programmer writes by hand for the same job.
 *
 *   ./gen_bench iter N    a hand-written iterator struct with a `next`
 *                         function, N items (xorshift64 numbers)
 *   ./gen_bench gen N     the same items from a generator, with ca_for
 *   ./gen_bench fused N   a loop computing sum of squares of the odd ones
 *   ./gen_bench pipe N    the same as a pipeline of three generators:
 *                         numbers -> odd ones -> squares, summed by ca_for
 *
 * Each prints the sum (the variants of a pair must agree). run.sh counts
 * instructions with callgrind at N = 0 and N = 1e6. Built by cawait-cc
 * -O2; the iterator and the loop are plain C in the same file.
 */
#include <cawait.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------- the hand-written iterator */
struct numbers_iter {
  uint64_t state; /* xorshift64 */
  long left;      /* items still to give */
};
static void numbers_iter_init(struct numbers_iter *it, uint64_t seed, long n) {
  it->state = seed;
  it->left = n;
}
/* 1 and the next number in *out, or 0 when there is none. */
static int numbers_iter_next(struct numbers_iter *it, uint64_t *out) {
  if (it->left <= 0)
    return 0;
  it->left--;
  uint64_t x = it->state;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  it->state = x;
  *out = x;
  return 1;
}

/* ---------------------------------------------------------- the generator */
gen uint64_t numbers(uint64_t seed, long n) {
  uint64_t x = seed;
  for (long i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    yield(x);
  }
}

gen uint64_t odd(uint64_t seed, long n) {
  ca_for (uint64_t x, numbers(seed, n))
    if (x & 1)
      yield(x);
}

gen uint64_t squares(uint64_t seed, long n) {
  ca_for (uint64_t x, odd(seed, n))
    yield(x * x);
}

/* Kept out of line so that both variants of a pair do the same work per
 * item around what is measured. */
__attribute__((noinline)) static uint64_t by_iter(long n) {
  uint64_t sum = 0, v;
  struct numbers_iter it;
  numbers_iter_init(&it, 88172645463325252u, n);
  while (numbers_iter_next(&it, &v))
    sum += v;
  return sum;
}

__attribute__((noinline)) static uint64_t by_gen(long n) {
  uint64_t sum = 0;
  ca_for (uint64_t v, numbers(88172645463325252u, n))
    sum += v;
  return sum;
}

__attribute__((noinline)) static uint64_t fused(long n) {
  uint64_t sum = 0, x = 88172645463325252u;
  for (long i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    if (x & 1)
      sum += x * x;
  }
  return sum;
}

__attribute__((noinline)) static uint64_t pipeline(long n) {
  uint64_t sum = 0;
  ca_for (uint64_t v, squares(88172645463325252u, n))
    sum += v;
  return sum;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: gen_bench iter|gen|fused|pipe N\n");
    return 2;
  }
  long n = atol(argv[2]);
  uint64_t sum = !strcmp(argv[1], "iter")    ? by_iter(n)
                 : !strcmp(argv[1], "gen")   ? by_gen(n)
                 : !strcmp(argv[1], "fused") ? fused(n)
                                             : pipeline(n);
  printf("%s %ld sum=%" PRIu64 "\n", argv[1], n, sum);
  return 0;
}
