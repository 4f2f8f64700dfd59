// A frame needed before the types of its fields are declared (g's frame is
// embedded in f's, but g keeps a node_t * whose typedef follows f) is an
// error at the field's variable, with the line that needs the frame.
// RUN: not %cawait-cc -fsyntax-only %s 2>&1 | FileCheck %s
#include <cawait.h>

async int g(void);

async int f(void) { return await(g()); }

typedef struct node {
  int v;
} node_t;
static node_t N1 = {42};

async int g(void) {
  // CHECK: frame-needs-later-type.c:[[@LINE+1]]:11: error: the frame of 'g' is needed at line 9, before 'node_t' (the type of 'p') is defined; move that definition up
  node_t *p = &N1;
  await(ca_yield());
  return p->v;
}
