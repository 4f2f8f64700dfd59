// The other file of multi-file.test: an async function main.c awaits
// through its budget, built by gcc in its own step.
#include <cawait.h>
#include "unit.h"

async int twice(int x) {
  await(ca_yield());
  return 2 * x;
}
