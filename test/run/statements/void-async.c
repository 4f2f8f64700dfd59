// void async functions: awaited as statements and through (void), with bare
// and early `return;`, `return await(void_call());`, started by block_on.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static int log_[32];
static int nlog;

async void note(int v) {
  await(ca_yield());
  if (v < 0)
    return;
  log_[nlog++] = v;
}

async void twice(int v) {
  await(note(v));
  (void)await(note(v + 1));
  return await(note(-1));
}

async void walk(int n) {
  for (int i = 0; i < n; i++) {
    if (i == 3)
      return;
    await(twice(i * 10));
  }
  await(note(999));
}

int main(void) {
  ca_block_on(walk(2));
  ca_block_on(walk(5));
  (void)ca_block_on(note(7));
  for (int i = 0; i < nlog; i++)
    printf("%d ", log_[i]);
  printf("n=%d\n", nlog);
  return 0;
}
// CHECK: 0 1 10 11 999 0 1 10 11 20 21 7 n=12
// CHECK-NEXT: exit=0
