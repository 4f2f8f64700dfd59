// Buffers whose address goes only to calls that do not keep it share frame
// bytes with other slots; buffers whose address a call keeps are held at
// every later await of their block. Both give the synchronous output.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>
#include <string.h>

static unsigned weigh(const unsigned char *a, unsigned n) {
  unsigned s = 0;
  for (const unsigned char *p = a; p < a + n; p++)
    s += *p;
  return s;
}

static const char *kept;
static void keep(const char *p) { kept = p; }

async unsigned step(unsigned x) {
  await(ca_yield());
  return x * 3 + 1;
}

async unsigned borrowed(unsigned seed) {
  unsigned total = 0;
  for (unsigned round = 0; round < 4; round++) {
    unsigned char a[64];
    memset(a, (int)(seed + round), sizeof a);
    unsigned s = weigh(a, sizeof a);
    unsigned t = await(step(s));
    unsigned char b[64];
    memset(b, (int)(t & 0x7f), sizeof b);
    total += weigh(b, 8) + t;
  }
  return total;
}

async int escaped(void) {
  char name[16];
  snprintf(name, sizeof name, "task-%d", 42);
  keep(name);
  unsigned x = await(step(7));
  unsigned y = await(step(x));
  return (int)strlen(kept) + (int)y + kept[5];
}

int main(void) {
  printf("%u\n", ca_block_on(borrowed(3)));
  printf("%d\n", ca_block_on(escaped()));
  return 0;
}
// CHECK: 4516
// CHECK-NEXT: 126
