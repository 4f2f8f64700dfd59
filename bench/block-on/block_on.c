/* bench/block-on/block_on.c: plain code that blocks on an async function
 * which never suspends, N times (argv[1]), the way a synchronous main
 * drives an async library whose calls complete at once (nbody's energy,
 * a parser over a buffer already in memory). Without the plugin
 * ca_block_on(e) is e: the synchronous reference. Prints the checksum. */
#include <cawait.h>
#include <stdio.h>
#include <stdlib.h>

struct acc {
  long sum;
  unsigned mix;
};

async long step(struct acc *a, long x) {
  a->sum += x;
  a->mix = a->mix * 2654435761u + (unsigned)x;
  return a->sum ^ a->mix;
}

async long twice(struct acc *a, long x) {
  return await(step(a, x)) + await(step(a, x + 1));
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 0;
  struct acc a = {0, 1};
  long check = 0;
  for (long i = 0; i < n; i++)
    check += ca_block_on(twice(&a, i));
  printf("%ld %ld %u\n", check, a.sum, a.mix);
  return 0;
}
