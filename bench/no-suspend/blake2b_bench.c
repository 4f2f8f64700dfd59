/* blake2b_bench.c - the no-suspend benchmark's driver for BLAKE2b's
 * reference implementation from libb2 (vendored under third_party/blake2b,
 * CC0). run.sh appends it to blake2b-ref.c; asyncify.py makes the whole
 * text async (main blocks on what it calls). A round hashes a generated
 * 256 KiB buffer with a key through 1000-byte updates (l), or 2000 short
 * messages of 16 to 271 bytes one-shot, half of them keyed (s).
 *   blake2b_bench MODE ROUNDS     MODE: l (long) or s (short) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blake2.h" /* the code itself comes before this file */

#define DATA (1u << 18)

static uint8_t data[DATA], key[BLAKE2B_KEYBYTES];

static void fill(void) {
  uint32_t r = 12345;
  for (size_t i = 0; i < DATA; i++) {
    r = r * 1103515245u + 12345u;
    data[i] = (uint8_t)(r >> 16);
  }
  for (size_t i = 0; i < sizeof key; i++)
    key[i] = (uint8_t)(i * 7 + 1);
}

static uint64_t long_round(long i) {
  blake2b_state S;
  uint8_t out[BLAKE2B_OUTBYTES];
  if (blake2b_init_key(&S, sizeof out, key, sizeof key) < 0)
    return 0;
  for (size_t off = (size_t)i % 7; off < DATA; off += 1000)
    blake2b_update(&S, data + off, DATA - off < 1000 ? DATA - off : 1000);
  blake2b_final(&S, out, sizeof out);
  uint64_t h;
  memcpy(&h, out, sizeof h);
  return h;
}

static uint64_t short_round(long i) {
  uint64_t sum = 0;
  uint8_t out[32];
  for (size_t m = 0; m < 2000; m++) {
    size_t len = 16 + (m * 37 + (size_t)i) % 256;
    blake2b(out, data + m * 97, m % 2 ? key : NULL, sizeof out, len,
            m % 2 ? sizeof key : 0);
    sum += out[0] | (uint64_t)out[31] << 8;
  }
  return sum;
}

int main(int argc, char **argv) {
  char mode = argc > 1 ? argv[1][0] : 'l';
  long rounds = argc > 2 ? atol(argv[2]) : 10;
  fill();
  uint64_t sum = 0;
  for (long i = 0; i < rounds; i++)
    sum += mode == 'l' ? long_round(i) : short_round(i);
  printf("mode %c rounds %ld sum %llu\n", mode, rounds,
         (unsigned long long)sum);
  return 0;
}
