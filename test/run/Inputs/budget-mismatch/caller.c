#include <cawait.h>
#include <stdio.h>
#ifndef BUDGET
#define BUDGET 16
#endif
async_budget(BUDGET) int big(int x);
int main(void) {
  printf("%d\n", ca_block_on(big(7)));
  return 0;
}
