/* hello.c - the program of DESIGN.md: an async loop that awaits an async
 * function ten times, each sleeping 10 ms. Prints 90. */
#include <cawait.h>
#include <stdio.h>

async int add_slowly(int a, int b) {
  await(ca_sleep_ms(10)); /* suspends; the executor runs others */
  return a + b;
}

async int run(void) {
  int total = 0;
  for (int i = 0; i < 10; i++)
    total += await(add_slowly(i, i));
  return total;
}

int main(void) {
  int total = ca_block_on(run());
  printf("total = %d\n", total);
  return total == 90 ? 0 : 1;
}
