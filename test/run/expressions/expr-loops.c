// Awaits in loop conditions and clauses, with continue and break: a while
// whose condition awaits; a do-while whose condition awaits, with continue
// in its body, inside a switch in its body, and in loops nested in its body
// (those continues belong to the inner loops and must not be redirected);
// a for with awaits in init, condition and increment (and one with no
// condition); for loops rewritten inside each other, each continue going
// to its own loop; goto into and out of such loops, and labels before
// them. Every rewritten for / do-while here has a continue (see
// expr-loop-no-continue.c for ones without).
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int val(int x) {
  await(ca_yield());
  return x;
}
async int next(int *it) {
  await(ca_yield());
  return --*it;
}
async void step(int *p, int by) {
  await(ca_yield());
  *p += by;
}

async int loops(void) {
  int it = 5, sum = 0;
  while (await(next(&it)) > 0) {
    if (it == 3)
      continue;
    if (it == 1)
      break;
    printf("while it=%d\n", it);
  }
  printf("after while it=%d\n", it);

  it = 4;
  while (it > 0 && await(val(it)) != 2) {
    it--;
    if (it == 3)
      continue;
    printf("while-and it=%d\n", it);
  }

  it = 7;
  do {
    switch (it) {
    case 6:
      printf("do: switch continue it=%d\n", it);
      continue;
    case 5:
      printf("do: switch break it=%d\n", it);
      break;
    default:
      break;
    }
    for (int j = 0; j < 3; j++) {
      if (j == 1)
        continue;
      sum += j;
    }
    int k = 0;
    while (k < 3) {
      k++;
      if (k == 2)
        continue;
      sum += 10 * k;
    }
    int m = 0;
    do {
      m++;
      if (m == 1)
        continue;
      sum += 100;
    } while (m < 2);
    if (it == 4)
      continue;
    printf("do it=%d sum=%d\n", it, sum);
    if (it == 2)
      break;
  } while (await(next(&it)) > 0);
  printf("after do it=%d sum=%d\n", it, sum);

  int i;
  for (i = await(val(1)); i < await(val(9)); i += await(val(2))) {
    if (i == 3)
      continue;
    if (i == 7)
      break;
    printf("for i=%d\n", i);
  }
  printf("after for i=%d\n", i);

  for (int a = await(val(0)), b = await(val(a + 3)); a < b;
       a++, await(step(&b, -1))) {
    for (int c = 0; c < await(val(a + 1)); c += await(val(1))) {
      if (c == 1)
        continue;
      printf("a=%d b=%d c=%d\n", a, b, c);
    }
    if (a == 0)
      continue;
    printf("a=%d b=%d\n", a, b);
  }

  for (i = await(val(10));; i -= await(val(3))) {
    if (i < 3)
      break;
    if (i == 7)
      continue;
    printf("no-cond i=%d\n", i);
  }

  i = 100;
  goto into_for;
  for (i = await(val(0)); i < await(val(104)); i += await(val(1))) {
    if (i == 2)
      continue;
  into_for:
    printf("into_for i=%d\n", i);
    if (i == 102)
      goto out_of_for;
  }
  printf("not reached\n");
out_of_for:
  printf("out_of_for i=%d\n", i);

  it = 3;
  goto into_while;
  while (await(next(&it)) > 0) {
  into_while:
    printf("into_while it=%d\n", it);
  }

  it = 3;
  goto into_do;
  do {
    printf("do-top it=%d\n", it);
    if (it == 2)
      continue;
  into_do:
    printf("into_do it=%d\n", it);
    if (it == 1)
      goto out_of_do;
  } while (await(next(&it)) >= 0);
out_of_do:
  printf("out_of_do it=%d\n", it);

  int hops = 0;
again:
  hops++;
  for (int k = await(val(hops)); k < 3; k++) {
    if (k == 2)
      goto again;
    if (k == 0)
      continue;
    printf("k=%d hops=%d\n", k, hops);
  }
  printf("hops=%d\n", hops);
  return sum;
}

int main(void) {
  printf("%d\n", ca_block_on(loops()));
  return 0;
}
// CHECK: while it=4
// CHECK-NEXT: while it=2
// CHECK-NEXT: after while it=1
// CHECK-NEXT: while-and it=2
// CHECK-NEXT: do it=7 sum=142
// CHECK-NEXT: do: switch continue it=6
// CHECK-NEXT: do: switch break it=5
// CHECK-NEXT: do it=5 sum=284
// CHECK-NEXT: do it=3 sum=568
// CHECK-NEXT: do it=2 sum=710
// CHECK-NEXT: after do it=2 sum=710
// CHECK-NEXT: for i=1
// CHECK-NEXT: for i=5
// CHECK-NEXT: after for i=7
// CHECK-NEXT: a=0 b=3 c=0
// CHECK-NEXT: a=1 b=2 c=0
// CHECK-NEXT: a=1 b=2
// CHECK-NEXT: no-cond i=10
// CHECK-NEXT: no-cond i=4
// CHECK-NEXT: into_for i=100
// CHECK-NEXT: into_for i=101
// CHECK-NEXT: into_for i=102
// CHECK-NEXT: out_of_for i=102
// CHECK-NEXT: into_while it=3
// CHECK-NEXT: into_while it=2
// CHECK-NEXT: into_while it=1
// CHECK-NEXT: into_do it=3
// CHECK-NEXT: do-top it=2
// CHECK-NEXT: do-top it=1
// CHECK-NEXT: into_do it=1
// CHECK-NEXT: out_of_do it=1
// CHECK-NEXT: k=1 hops=1
// CHECK-NEXT: hops=3
// CHECK-NEXT: 710
// CHECK-NEXT: exit=0
