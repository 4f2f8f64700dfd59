// ca_join and ca_select where the synchronous meaning holds: a join of 8
// branches (assigned to locals, array elements, through pointers, with
// compound assignment, and void), joins in loops and in expressions, and
// selects whose first branch completes without suspending (the other
// branches never start, as without the plugin). Branches only compute:
// their interleaving is not part of the output.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

/* n yields, then a value. */
async unsigned work(unsigned n, unsigned seed) {
  unsigned h = seed;
  for (unsigned i = 0; i < n; i++) {
    await(ca_yield());
    h = h * 31u + i;
  }
  return h;
}

async void bump(unsigned *p, unsigned n) {
  for (unsigned i = 0; i < n; i++)
    await(ca_yield());
  *p += n;
}

struct pair {
  unsigned lo, hi;
};

async struct pair split(unsigned v) {
  await(ca_yield());
  return (struct pair){v & 0xffffu, v >> 16};
}

async unsigned now(unsigned v) { return v + 1; }

static int started;
async unsigned counted(unsigned v) {
  started++;
  await(ca_yield());
  return v;
}

async unsigned all(unsigned seed) {
  unsigned a = 0, b[3] = {0, 0, 0}, c = 5, side = 0;
  unsigned *pc = &c;
  struct pair s = {0, 0};
  await(ca_join(a = work(3, seed), b[0] = work(0, seed + 1),
                b[1] = work(7, seed + 2), *pc += work(2, seed + 3),
                bump(&side, 4), s = split(seed * 77u), b[2] = work(1, 9),
                bump(&side, 2)));
  unsigned total = a ^ b[0] ^ b[1] ^ b[2] ^ c ^ side ^ s.lo ^ s.hi;
  for (unsigned i = 0; i < 3; i++) {
    unsigned x = 0, y = 0;
    await(ca_join(x = work(i, total), y = work(2 - i, total + 1)));
    total = total * 3u + x + y;
  }
  int k = await(ca_select(a = now(total), c = counted(1)));
  total += a + (unsigned)k + c;
  if (await(ca_select(c = now(c), a = work(5, 1))) == 0)
    total ^= c;
  total += (unsigned)await(ca_timeout_ms(1000, a = now(a)));
  return total + a;
}

int main(void) {
  for (unsigned seed = 0; seed < 4; seed++)
    printf("seed %u: %u\n", seed, ca_block_on(all(seed)));
  printf("counted started %d times\n", started);
  return 0;
}
// CHECK: seed 0: [[#]]
// CHECK: seed 3: [[#]]
// CHECK: counted started 0 times
// CHECK: exit=0
