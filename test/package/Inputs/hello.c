/* The program the package tests build against an installed cawait. Its
 * output tells whether the plugin lowered it: two joined calls interleave
 * at their awaits only when lowered (plain C runs them one after another). */
#include <cawait.h>
#include <stdio.h>

async int count(char name, int n) {
  int sum = 0;
  for (int i = 1; i <= n; i++) {
    printf("%c%d\n", name, i);
    await(ca_yield());
    sum += i;
  }
  await(ca_sleep_ms(1));
  return sum;
}

async int both(void) {
  int a = 0, b = 0;
  await(ca_join(a = count('a', 2), b = count('b', 2)));
  return a + b;
}

int main(void) {
#ifdef CA_LOWERED
  puts("lowered");
#else
  puts("not lowered");
#endif
  printf("sum %d\n", ca_block_on(both()));
  return 0;
}
