// Cancellation through ca_select: a function with nested scopes, cleanup
// locals and several awaits loses a race after k rounds, for every k in
// turn, so it is dropped at each of its suspend points: the awaited callee
// first (its own cleanups), then the locals in scope there, innermost
// scope first, in reverse declaration order. Once it wins, nothing is
// dropped. (test/run/statements/drop-cleanups.c drives the same through the ABI.)
// RUN: %cawait-cc -std=gnu11 -O1 -Wall -Werror %s -o %t
// RUN: %t | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.asan
// RUN: %t.asan | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>
#include <string.h>

static void release(int *p) { printf(" c%d", *p); }
static void release_str(char (*s)[8]) { printf(" s:%s", *s); }

async int leaf(int x) {
  __attribute__((cleanup(release))) int in_leaf = 900 + x;
  await(ca_yield());
  return x;
}

async int work(int n) {
  __attribute__((cleanup(release))) int a = 1;
  int total = await(leaf(0));
  {
    __attribute__((cleanup(release))) int b = 2;
    __attribute__((cleanup(release_str))) char s[8] = "x";
    total += await(leaf(1));
    for (int i = 0; i < n; i++) {
      __attribute__((cleanup(release))) int c = 30 + i;
      total += await(leaf(2));
      strcpy(s, "y");
    }
  }
  __attribute__((cleanup(release))) int d = 4;
  await(ca_yield());
  return total + d;
}

/* Ready at its (k+1)-th poll. */
async void rounds(int k) {
  for (int i = 0; i < k; i++)
    await(ca_yield());
}

async void race(int k) {
  int total = -1;
  printf("k=%d:", k);
  int lost = await(ca_select(total = work(2), rounds(k)));
  printf(" | %s %d\n", lost ? "lost" : "won", total);
}

async void all(void) {
  for (int k = 0; k <= 7; k++)
    await(race(k));
}

int main(void) {
  ca_block_on(all());
  return 0;
}
// CHECK:      k=0: c900 c1 | lost -1
// CHECK-NEXT: k=1: c900 c901 s:x c2 c1 | lost -1
// CHECK-NEXT: k=2: c900 c901 c902 c30 s:x c2 c1 | lost -1
// CHECK-NEXT: k=3: c900 c901 c902 c30 c902 c31 s:y c2 c1 | lost -1
// CHECK-NEXT: k=4: c900 c901 c902 c30 c902 c31 s:y c2 c4 c1 | lost -1
// CHECK-NEXT: k=5: c900 c901 c902 c30 c902 c31 s:y c2 c4 c1 | won 9
// CHECK-NEXT: k=6: c900 c901 c902 c30 c902 c31 s:y c2 c4 c1 | won 9
// CHECK-NEXT: k=7: c900 c901 c902 c30 c902 c31 s:y c2 c4 c1 | won 9
