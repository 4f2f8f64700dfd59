/* bzip2_bench.c - the no-suspend benchmark's driver for bzip2's libbz2
 * (vendored under third_party/bzip2, BSD-style). run.sh appends it to the
 * library's seven .c files; asyncify.py makes the whole text async (main
 * blocks on what it calls). A round compresses a generated 128 KiB corpus
 * with 100 kB blocks (c), or decompresses it (d), through
 * BZ2_bzBuffToBuffCompress and BZ2_bzBuffToBuffDecompress.
 *   bzip2_bench MODE ROUNDS     MODE: c (compress) or d (decompress) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bzlib.h" /* the code itself comes before this file */

#define CORPUS (1u << 17)

static char src[CORPUS], packed[CORPUS + CORPUS / 100 + 600], back[CORPUS];

/* Words from a small vocabulary with a deterministic generator, and some
 * noise: text-like data. */
static void fill(void) {
  static const char *const words[] = {
      "async ", "await ", "frame ", "poll ", "state ", "the ", "of ",
      "a ",     "bzip2 ", "block ", "\n",   "executor ", "42 ", "x = y; "};
  uint32_t r = 12345;
  size_t n = 0;
  while (n < CORPUS) {
    r = r * 1103515245u + 12345u;
    const char *w = words[(r >> 16) % (sizeof words / sizeof *words)];
    size_t len = strlen(w);
    if (n + len > CORPUS)
      len = CORPUS - n;
    memcpy(src + n, w, len);
    n += len;
    if ((r >> 8) % 7 == 0 && n < CORPUS)
      src[n++] = (char)('A' + (r >> 20) % 26);
  }
}

static unsigned compress_round(void) {
  unsigned size = sizeof packed;
  if (BZ2_bzBuffToBuffCompress(packed, &size, src, CORPUS, 1, 0, 0) != BZ_OK)
    return 0;
  return size;
}

static unsigned decompress_round(unsigned size, long i) {
  unsigned got = CORPUS;
  if (BZ2_bzBuffToBuffDecompress(back, &got, packed, size, 0, 0) != BZ_OK ||
      got != CORPUS || memcmp(back, src, CORPUS) != 0)
    return 0;
  return got + (unsigned char)back[i % CORPUS];
}

int main(int argc, char **argv) {
  char mode = argc > 1 ? argv[1][0] : 'c';
  long rounds = argc > 2 ? atol(argv[2]) : 10;
  fill();
  unsigned size = compress_round();
  uint64_t sum = size;
  for (long i = 0; i < rounds; i++) {
    unsigned got = mode == 'c' ? compress_round() : decompress_round(size, i);
    if (got == 0) {
      printf("round %ld FAILED\n", i);
      return 1;
    }
    sum += got;
  }
  printf("mode %c rounds %ld compressed %u sum %llu\n", mode, rounds, size,
         (unsigned long long)sum);
  return 0;
}
