// A typedef of a struct defined in its own declaration, inside an async
// function (lz4.c's LZ4_stream_t_alignment): the re-printed body keeps the
// struct's definition, unnamed or tagged, with or without awaits around.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int step(int x) {
  await(ca_yield());
  return x + 1;
}

async unsigned long alignment(void) {
  typedef struct { char c; long t; } t_a;
  return sizeof(t_a) - sizeof(long);
}

async int sizes(int k) {
  int a = await(step(k));
  typedef struct tagged { int a, b; } pair_t;
  pair_t p = {a, 2};
  typedef union { int i; char c[8]; } bytes_t;
  bytes_t u;
  u.i = p.a + 1;
  return (int)sizeof(bytes_t) + p.a + p.b + u.c[0];
}

int main(void) {
  printf("%lu %d\n", ca_block_on(alignment()), ca_block_on(sizes(3)));
  return 0;
}
// CHECK: 8 19
// CHECK-NEXT: exit=0
