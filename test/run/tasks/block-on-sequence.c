// ca_block_on called several times in sequence, in loops, in conditions, in
// the arguments of printf and nested in another block_on's arguments; a
// spawned task left pending by one block_on is run by the next.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int ticks;

async int square(int x) {
  await(ca_yield());
  ticks++;
  return x * x;
}

async void bg(int n) {
  for (int i = 0; i < n; i++)
    await(ca_yield());
  ticks += 100;
}


struct pair { int a, b; };
async struct pair both(int x);
async struct pair both(int x) {
  struct pair p;
  p.a = await(square(x));
  p.b = await(square(x + 1));
  return p;
}

int main(void) {
  int a = ca_block_on(square(3));
  int b = ca_block_on(square(a));
  printf("a=%d b=%d\n", a, b);
  printf("args %d %d %d\n", ca_block_on(square(2)), ca_block_on(square(5)),
         ca_block_on(square(ca_block_on(square(2)))));
  int s = 0;
  for (int i = 0; i < 4; i++)
    s += ca_block_on(square(i));
  if (ca_block_on(square(s)) > 30)
    printf("s=%d big\n", s);
  struct pair p = ca_block_on(both(4));
  printf("pair %d %d\n", p.a, ca_block_on(both(p.a % 7)).b);
  ca_spawn(bg(3));
  ca_block_on(bg(1));
  ca_block_on(bg(5));
  ca_run();
  printf("ticks=%d\n", ticks);
  return 0;
}
// CHECK: a=9 b=81
// CHECK-NEXT: args 4 25 16
// CHECK-NEXT: s=14 big
// CHECK-NEXT: pair 16 9
// CHECK-NEXT: ticks=315
// CHECK-NEXT: exit=0
