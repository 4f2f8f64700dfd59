// Generators: items in order, a generator iterating over another (its frame
// embedded), break / return / goto out of ca_for dropping the generator
// (its cleanups run, innermost first), items converted to the loop
// variable's type, struct items, and a frame dropped before its first poll.
// Without the plugin a generator has no synchronous meaning: this is not a
// differential test (pipeline.c is); it runs the lowered program plainly,
// under ASan+UBSan, under valgrind and built by gcc.
// RUN: %cawait-cc -std=gnu11 -O1 -Wall -Werror %s -o %t
// RUN: %t | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.asan
// RUN: %t.asan | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
// RUN: %cawait-gcc -std=gnu11 -O2 -Wall -Werror %s -o %t.gcc
// RUN: %t.gcc | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static void release(int *p) { printf(" [release %d]", *p); }

gen int count(int from, int to) {
  __attribute__((cleanup(release))) int guard = from;
  for (int i = from; i < to; i++)
    yield(i);
  printf(" [count %d done]", from);
}

// A generator over a generator: count's frame is in squares' frame.
gen long squares(int n) {
  __attribute__((cleanup(release))) int guard = 100 + n;
  ca_for (int x, count(0, n)) {
    if (x == 3)
      continue;
    yield((long)x * x);
  }
}

struct pair {
  int a;
  const char *name;
};

gen struct pair pairs(void) {
  yield(((struct pair){1, "one"}));
  struct pair p = {2, "two"};
  yield(p);
}

gen char finished_early(int stop) {
  yield('a');
  if (stop)
    return;
  yield('b');
}

static int first_over(int limit) {
  ca_for (int v, count(10, 20))
    if (v > limit)
      return v; // drops count
  return -1;
}

/* The frame ABI by hand (static: a generator's frame is its file's own),
 * to show that a frame never polled drops nothing. The analysis parse does
 * not see the lowering's definitions. */
#pragma clang diagnostic ignored "-Wundefined-internal"
struct count__frame;
static void count__init(struct count__frame *f, int from, int to);
static void count__drop(struct count__frame *f);

int main(void) {
  printf("values:");
  ca_for (int v, count(0, 4))
    printf(" %d", v);
  printf("\n");
  // CHECK: values: 0 1 2 3 [count 0 done] [release 0]

  printf("nested:");
  ca_for (long s, squares(5))
    printf(" %ld", s);
  printf("\n");
  // CHECK-NEXT: nested: 0 1 4 16 [count 0 done] [release 0] [release 105]

  printf("break:");
  ca_for (long s, squares(9)) {
    if (s > 4)
      break;
    printf(" %ld", s);
  }
  printf(" after\n");
  // CHECK-NEXT: break: 0 1 4 [release 0] [release 109] after

  printf("return:");
  int r = first_over(12);
  printf(" %d\n", r);
  // CHECK-NEXT: return: [release 10] 13

  printf("goto:");
  ca_for (int v, count(7, 9)) {
    ca_for (int w, count(20, 30)) {
      printf(" %d.%d", v, w);
      if (w == 21)
        goto out;
    }
  }
out:
  printf(" out\n");
  // CHECK-NEXT: goto: 7.20 7.21 [release 20] [release 7] out

  printf("continue:");
  ca_for (int v, count(0, 5)) {
    if (v % 2)
      continue;
    printf(" %d", v);
  }
  printf("\n");
  // CHECK-NEXT: continue: 0 2 4 [count 0 done] [release 0]

  printf("converted:");
  ca_for (double d, count(1, 3))
    printf(" %.1f", d / 2);
  ca_for (const int c, count(5, 6))
    printf(" %d", c);
  printf("\n");
  // CHECK-NEXT: converted: 0.5 1.0 [count 1 done] [release 1] 5 [count 5 done] [release 5]

  printf("structs:");
  ca_for (struct pair p, pairs())
    printf(" %d=%s", p.a, p.name);
  printf("\n");
  // CHECK-NEXT: structs: 1=one 2=two

  printf("early:");
  ca_for (char c, finished_early(1))
    printf(" %c", c);
  ca_for (char c, finished_early(0))
    printf(" %c", c);
  printf("\n");
  // CHECK-NEXT: early: a a b

  printf("unstarted:");
  {
    _Alignas(16) unsigned char frame[64];
    count__init((struct count__frame *)frame, 1, 2);
    count__drop((struct count__frame *)frame);
  }
  printf(" nothing ran\n");
  // CHECK-NEXT: unstarted: nothing ran
  return 0;
}
