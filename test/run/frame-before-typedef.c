// BUG: the frame of g is placed before f (which embeds it), but g keeps a
// pointer whose typedef is declared after f. The check that a frame does
// not need later types skips pointer types, so the lowered frame names an
// unknown type 'node_t'.
// RUN: %differential %s %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>

async int g(void);

async int f(void) { return await(g()); }

typedef struct node {
  int v;
} node_t;
static node_t N1 = {42};

async int g(void) {
  node_t *p = &N1;
  await(ca_yield());
  return p->v;
}

int main(void) {
  printf("r=%d\n", ca_block_on(f()));
  return 0;
}
// CHECK: r=42
// CHECK-NEXT: exit=0
