// A pipeline of three generators (numbers parsed from text -> the primes
// among them -> running sums) prints what the same computation written as
// one loop prints: the lowered build runs the generators, the reference
// (plain clang, where a generator has no synchronous meaning) the loop.
// Both are compiled in both builds; LOWERED picks the one that runs.
// A generator ends by falling off its end, which plain clang's
// -Wreturn-type (and `return;`, its -Wreturn-mismatch) would flag.
// RUN: %differential %s %t -Wno-return-type -Wno-return-mismatch | FileCheck %s
#include <cawait.h>
#include <stdio.h>

#ifdef CA_LOWERED
#define LOWERED 1
#else
#define LOWERED 0
#endif

static const char Text[] = "12 7 5 x 9 11 4 13 2 0 17 21 19 100 23";

static int is_prime(int n) {
  if (n < 2)
    return 0;
  for (int d = 2; d * d <= n; d++)
    if (n % d == 0)
      return 0;
  return 1;
}

static gen int numbers(const char *s) {
  int have = 0, n = 0;
  for (;; s++) {
    if (*s >= '0' && *s <= '9') {
      n = n * 10 + (*s - '0');
      have = 1;
      continue;
    }
    if (have)
      yield(n);
    have = 0;
    n = 0;
    if (!*s)
      break;
  }
}

static gen int primes(const char *s) {
  ca_for (int n, numbers(s))
    if (is_prime(n))
      yield(n);
}

static gen long running_sums(const char *s, int limit) {
  long sum = 0;
  int count = 0;
  ca_for (int p, primes(s)) {
    sum += p;
    yield(sum);
    if (++count == limit)
      return;
  }
}

static void by_generators(int limit) {
  ca_for (long total, running_sums(Text, limit))
    printf(" %ld", total);
}

static void by_loop(int limit) {
  long sum = 0;
  int count = 0, have = 0, n = 0;
  for (const char *s = Text;; s++) {
    if (*s >= '0' && *s <= '9') {
      n = n * 10 + (*s - '0');
      have = 1;
      continue;
    }
    if (have && is_prime(n)) {
      sum += n;
      printf(" %ld", sum);
      if (++count == limit)
        break;
    }
    have = 0;
    n = 0;
    if (!*s)
      break;
  }
}

static void run(int limit) {
  printf("limit %d:", limit);
  if (LOWERED)
    by_generators(limit);
  else
    by_loop(limit);
  printf("\n");
}

int main(void) {
  run(100);
  run(3);
  run(1);
  return 0;
}
// CHECK: limit 100: 7 12 23 36 38 55 74 97
// CHECK-NEXT: limit 3: 7 12 23
// CHECK-NEXT: limit 1: 7
// CHECK-NEXT: exit=0
