/* leaf.c - the body of leaf, checked against its budget. */
#include "leaf.h"

async int leaf(int x) {
  await(ca_yield());
  return x + 1;
}
