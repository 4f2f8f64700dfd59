/* chain_inner.c - inner (with its yield) for the two-file variant of the
 * chain: its frame is checked against chain_inner.h's budget. */
#include "chain_inner.h"

async uint64_t inner(uint64_t x) {
  uint64_t a = x * 3 + 1;
  await(ca_yield());
  return a ^ (a >> 3);
}
