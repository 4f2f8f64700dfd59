// Awaits inside macro arguments and macro bodies: MAX(await(f()), 3)
// evaluates its argument twice (so awaits twice, as C says); a TRY(x)
// macro expanding to `do { if ((x) < 0) return -1; } while (0)`; macros
// expanding to a whole statement, a block, a declaration, an if/else and a
// loop holding awaits; a stringified argument holding an await; an await
// inside a macro body that is itself a macro argument.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int calls;

async int val(int x) {
  await(ca_yield());
  calls++;
  return x;
}
async int add(int a, int b) {
  await(ca_yield());
  calls++;
  return a + b;
}
async int next(int *it) {
  await(ca_yield());
  return --*it;
}

#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define TRY(x)                                                                 \
  do {                                                                         \
    if ((x) < 0)                                                               \
      return -1;                                                               \
  } while (0)
#define LOG_SUM(a, b) printf("sum %d\n", await(add(a, b)))
#define STEP(v)                                                                \
  {                                                                            \
    int t_ = await(val(v));                                                    \
    acc += t_ * 2;                                                             \
  }
#define SHOW(e) printf(#e " = %d\n", (e))
#define DECLARE(name, v) int name = await(val(v)) + 1
#define CHECKED(c, yes, no)                                                    \
  if (c)                                                                       \
    printf("%s %d\n", yes, await(val(1)));                                     \
  else                                                                         \
    printf("%s %d\n", no, await(val(0)))
#define DRAIN(it)                                                              \
  while (await(next(&(it))) > 0)                                               \
    printf("drain %d\n", it)
#define VAL(x) await(val(x))
#define TWICE(e) ((e) + (e))

async int checked(int v) {
  TRY(await(val(v)));
  TRY(v - 10);
  return v * 2;
}

async int run(int n) {
  int acc = 0;
  int m = MAX(await(val(5)), 3);
  printf("m=%d calls=%d\n", m, calls);
  m = MAX(1, await(val(2)));
  printf("m=%d calls=%d\n", m, calls);
  m = MAX(await(val(1)), await(val(2)));
  printf("m=%d calls=%d\n", m, calls);
  LOG_SUM(await(val(1)), 2);
  STEP(3)
  STEP(await(val(4)))
  printf("acc=%d\n", acc);
  SHOW(await(val(7)) + 1);
  int c1 = await(checked(-1));
  int c2 = await(checked(12));
  int c3 = await(checked(3));
  printf("checked %d %d %d\n", c1, c2, c3);
  DECLARE(d, n);
  printf("d=%d\n", d);
  CHECKED(d > 1, "big", "small");
  CHECKED(await(val(d)) < 1, "neg", "pos");
  int it = 3;
  DRAIN(it);
  int tw = TWICE(VAL(n)) + MAX(VAL(1), VAL(0));
  printf("tw=%d calls=%d\n", tw, calls);
  return acc;
}

int main(void) {
  printf("%d\n", ca_block_on(run(1)));
  return 0;
}
// CHECK: m=5 calls=2
// CHECK-NEXT: m=2 calls=4
// CHECK-NEXT: m=2 calls=7
// CHECK-NEXT: sum 3
// CHECK-NEXT: acc=14
// CHECK-NEXT: await(val(7)) + 1 = 8
// CHECK-NEXT: checked -1 24 -1
// CHECK-NEXT: d=2
// CHECK-NEXT: big 1
// CHECK-NEXT: pos 0
// CHECK-NEXT: drain 2
// CHECK-NEXT: drain 1
// CHECK-NEXT: tw=3 calls=25
// CHECK-NEXT: 14
// CHECK-NEXT: exit=0
