/* kissfft_bench.c - the no-suspend benchmark's driver for KISS FFT
 * (vendored under third_party/kissfft, BSD 3-clause). run.sh appends it to
 * kiss_fft.c; asyncify.py makes the whole text async (main blocks on what
 * it calls). A round transforms 8 signals forward and back at sizes
 * 1024, 960 (2^6 3 5), 1000 (2^3 5^3) and 1001 (7 11 13: the generic
 * butterfly) and sums the round-trip error and a few bins.
 *   kissfft_bench MODE ROUNDS     MODE: f */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "kiss_fft.h" /* the code itself comes before this file */

#define MAXN 1024
#define SIGNALS 8

static const int sizes[] = {1024, 960, 1000, 1001};
static kiss_fft_cfg fwd[4], inv[4];
static kiss_fft_cpx in[SIGNALS][MAXN], spec[MAXN], back[MAXN];

/* Sums of sines with noise from a deterministic generator. */
static void fill(void) {
  unsigned r = 12345;
  for (int s = 0; s < SIGNALS; s++)
    for (int k = 0; k < MAXN; k++) {
      r = r * 1103515245u + 12345u;
      in[s][k].r = (float)(sin(0.01 * k * (s + 1)) + 0.5 * cos(0.3 * k) +
                           ((r >> 16) % 1000) / 4000.0);
      in[s][k].i = (float)(((r >> 4) % 1000) / 2000.0 - 0.25);
    }
}

static double fft_round(void) {
  double sum = 0;
  for (int z = 0; z < 4; z++) {
    int n = sizes[z];
    for (int s = 0; s < SIGNALS; s++) {
      kiss_fft(fwd[z], in[s], spec);
      kiss_fft(inv[z], spec, back);
      sum += spec[s + 1].r - spec[n - 1 - s].i;
      for (int k = 0; k < n; k += 37)
        sum += fabsf(back[k].r / n - in[s][k].r);
    }
  }
  return sum;
}

int main(int argc, char **argv) {
  char mode = argc > 1 ? argv[1][0] : 'f';
  long rounds = argc > 2 ? atol(argv[2]) : 10;
  fill();
  for (int z = 0; z < 4; z++) {
    fwd[z] = kiss_fft_alloc(sizes[z], 0, NULL, NULL);
    inv[z] = kiss_fft_alloc(sizes[z], 1, NULL, NULL);
  }
  double sum = 0;
  for (long i = 0; i < rounds; i++)
    sum += fft_round();
  for (int z = 0; z < 4; z++) {
    kiss_fft_free(fwd[z]);
    kiss_fft_free(inv[z]);
  }
  printf("mode %c rounds %ld sum %.6e\n", mode, rounds, sum);
  return 0;
}
