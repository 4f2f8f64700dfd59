/* chain_inner.h - the inner step of the await chain, defined in
 * chain_inner.c: callers in other files embed its frame budget. */
#include <cawait.h>
#include <stdint.h>

async_budget(16) uint64_t inner(uint64_t x);
