/* lz4_bench.c - the no-suspend benchmark's driver for lz4 (vendored under
 * bench/compile-time/third_party/lz4, BSD 2-clause). run.sh appends it to
 * lz4.c; asyncify.py makes the whole text async (main blocks on what it
 * calls). A round compresses a generated 1 MiB corpus (c), or decompresses
 * it and checks the result (d).
 *   lz4_bench MODE ROUNDS     MODE: c (compress) or d (decompress) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lz4.h" /* the code itself comes before this file */

#define CORPUS (1u << 20)

static char src[CORPUS], packed[CORPUS + CORPUS / 255 + 16], back[CORPUS];

/* Words from a small vocabulary with a deterministic generator: text-like
 * data that lz4 compresses about 2:1. */
static void fill(void) {
  static const char *const words[] = {
      "async ", "await ", "frame ", "poll ", "state ", "the ", "of ",
      "a ",     "lz4 ",   "block ", "\n",    "executor ", "42 ", "x = y; "};
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
    if ((r >> 8) % 7 == 0 && n < CORPUS) /* some noise */
      src[n++] = (char)('A' + (r >> 20) % 26);
  }
}

int main(int argc, char **argv) {
  char mode = argc > 1 ? argv[1][0] : 'c';
  long rounds = argc > 2 ? atol(argv[2]) : 10;
  fill();
  int size = LZ4_compress_default(src, packed, CORPUS, (int)sizeof packed);
  uint64_t sum = (uint64_t)size;
  for (long i = 0; i < rounds; i++) {
    if (mode == 'c') {
      sum += (uint64_t)LZ4_compress_default(src, packed, CORPUS,
                                            (int)sizeof packed);
    } else {
      int got = LZ4_decompress_safe(packed, back, size, CORPUS);
      if (got != (int)CORPUS || memcmp(back, src, CORPUS) != 0) {
        printf("round trip FAILED\n");
        return 1;
      }
      sum += (uint64_t)got + (unsigned char)back[i % CORPUS];
    }
  }
  printf("mode %c rounds %ld compressed %d sum %llu\n", mode, rounds, size,
         (unsigned long long)sum);
  return 0;
}
