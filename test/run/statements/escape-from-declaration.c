// A local whose address escapes shares frame bytes with what is dead before
// its declaration (its region starts there), and is still held where a goto
// comes back to an earlier await while a pointer to it exists. The values
// seen through the pointers are the synchronous program's.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>
#include <string.h>

static char *saved;
static void keep(char *p) { saved = p; }

async int after_await(int seed) {
  int sum = 0;
  {
    int early = seed * 3;
    await(ca_yield());
    sum += early;
    char b[32];
    memset(b, 'a' + seed, sizeof b);
    keep(b);
    await(ca_yield());
    sum += saved[5];
  }
  return sum;
}

async int label_before(void) {
  char *p = 0;
  int rounds = 0, total = 0;
again:
  await(ca_yield());
  if (p)
    total += p[0] + p[7];
  char b[8];
  memset(b, '0' + rounds, sizeof b);
  p = b;
  if (++rounds < 3)
    goto again;
  return total;
}

async int in_loop(int n) {
  int total = 0;
  for (int i = 0; i < n; i++) {
    await(ca_yield());
    char b[16];
    snprintf(b, sizeof b, "%d", i * 11);
    keep(b);
    total += (int)strlen(saved);
  }
  return total;
}

int main(void) {
  printf("%d\n", ca_block_on(after_await(2)));
  printf("%d\n", ca_block_on(label_before()));
  printf("%d\n", ca_block_on(in_loop(12)));
  return 0;
}
// CHECK: 105
// CHECK-NEXT: 194
// CHECK-NEXT: 25
