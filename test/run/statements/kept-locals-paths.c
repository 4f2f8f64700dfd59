// Kept variables in C locals of poll (stored to the frame at each await
// that holds them, loaded back once its poll completes): every await is
// taken both ways, completing at once and suspending (a resume loads them
// too), in loops, with variables modified between suspends,
// parameters modified after an await, struct values (nested, with an
// array member), a bool and an enum set only on some paths (copied as
// bytes: UBSan checks a load of an indeterminate _Bool), a const local
// and an address-taken one (both in the frame), a long double, a parameter
// written only by an asm output, and addresses given to memset and memcpy
// (which keep no pointer: the variables stay in locals).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Suspends once when k is odd; completes at once otherwise. */
async int maybe(int k) {
  if (k & 1)
    await(ca_yield());
  return k;
}

struct inner { short s[3]; char tag; };
struct outer { int id; struct inner in; double w; };
enum colour { RED = 1, GREEN = 2, BLUE = 4 };

async long loops(int n, long acc, struct outer o) {
  const int limit = n * 2;
  int taken = 0;
  int *p = &taken;
  long double ld = 0.5L;
  for (int i = 0; i < limit; i++) {
    int got = await(maybe(i));
    acc += got * o.in.s[i % 3];
    o.in.s[i % 3] += (short)got;
    o.w += 0.25;
    *p += i;
    ld *= 1.5L;
    n -= 1; // a parameter modified between suspends
  }
  o.id = await(maybe(n + 7)) + (int)ld;
  acc += await(maybe(8));
  printf("loops n=%d acc=%ld id=%d s=%d,%d,%d tag=%c w=%.2f taken=%d\n", n,
         acc, o.id, o.in.s[0], o.in.s[1], o.in.s[2], o.in.tag, o.w, taken);
  return acc;
}

async int flags(int n) {
  bool found;
  enum colour c;
  int hits = 0;
  for (int i = 0; i < n; i++) {
    if (i == 3) {
      found = true;
      c = GREEN;
    }
    await(maybe(i));
    if (i >= 3) {
      hits += found;
      hits += c;
    }
  }
  return hits;
}

async int params(int a, int b) {
  int x = await(maybe(a));
  a = x + b; // modified after an await, read after the next
  b = await(maybe(a)) * 2;
  a += await(maybe(b + 1));
  return a * 1000 + b;
}

/* A parameter written only by an asm output: its frame copy is stale, so
 * the awaits after it store it. */
async int asm_param(int p) {
  int a = await(maybe(1));
#if defined(__x86_64__)
  __asm__("movl $7, %0" : "=r"(p));
#else
  p = 7;
#endif
  int b = await(maybe(3));
  return p * 100 + a + b;
}

/* Addresses given only to calls that keep no pointer (memset, memcpy with
 * its value unused): the variables stay in locals, and a parameter written
 * through one is stored again at the next await. */
async int addressed(int p) {
  struct pt { int x, y; } s;
  memset(&s, 0, sizeof s);
  s.x = await(maybe(3));
  memcpy(&p, &s.x, sizeof p);
  int r = await(maybe(5));
  return p * 100 + s.x + s.y + r;
}

int main(void) {
  struct outer o = {1, {{1, 2, 3}, 'q'}, 0.5};
  printf("%ld\n", ca_block_on(loops(5, 10, o)));
  printf("flags %d\n", ca_block_on(flags(7)));
  printf("params %d\n", ca_block_on(params(3, 4)));
  printf("params %d\n", ca_block_on(params(2, 6)));
  printf("asm %d\n", ca_block_on(asm_param(3)));
  printf("addressed %d\n", ca_block_on(addressed(9)));
  return 0;
}

// CHECK: loops n=-5 acc=[[ACC:309]] id=30 s=19,14,18 tag=q w=3.00 taken=45
// CHECK-NEXT: [[ACC]]
// CHECK-NEXT: flags 12
// CHECK-NEXT: params 22014
// CHECK-NEXT: params 25016
// CHECK-NEXT: asm 704
// CHECK-NEXT: addressed 308
// CHECK-NEXT: exit=0
