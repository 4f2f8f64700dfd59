/* xxhash_bench.c - the no-suspend benchmark's driver for xxHash (vendored
 * under third_party/xxhash, BSD 2-clause). run.sh appends it to xxhash.h
 * compiled as the implementation (-DXXH_IMPLEMENTATION, as xxhash.c does);
 * asyncify.py makes the whole text async (main blocks on what it calls).
 * A round hashes a generated 1 MiB buffer with XXH32, XXH64, XXH3_64bits
 * and XXH3_128bits, and once more through the streaming state in 4000-byte
 * updates (l), or 4000 keys of 1 to 240 bytes with each (s).
 *   xxhash_bench MODE ROUNDS     MODE: l (long) or s (short) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "xxhash.h" /* the code itself comes before this file */

#define DATA (1u << 20)

static unsigned char data[DATA];

static void fill(void) {
  uint32_t r = 12345;
  for (size_t i = 0; i < DATA; i++) {
    r = r * 1103515245u + 12345u;
    data[i] = (unsigned char)(r >> 16);
  }
}

static uint64_t long_round(long i) {
  size_t off = (size_t)i % 13, len = DATA - off;
  uint64_t h = XXH32(data + off, len, 1) ^ XXH64(data + off, len, 2) ^
               XXH3_64bits_withSeed(data + off, len, 3);
  XXH128_hash_t w = XXH3_128bits(data + off, len);
  XXH3_state_t *st = XXH3_createState();
  XXH3_64bits_reset(st);
  for (size_t at = off; at < DATA; at += 4000)
    XXH3_64bits_update(st, data + at, DATA - at < 4000 ? DATA - at : 4000);
  h ^= XXH3_64bits_digest(st);
  XXH3_freeState(st);
  return h ^ w.low64 ^ w.high64;
}

static uint64_t short_round(long i) {
  uint64_t h = 0;
  for (size_t k = 0; k < 4000; k++) {
    const unsigned char *key = data + k * 211;
    size_t len = 1 + (k * 37 + (size_t)i) % 240;
    h += XXH32(key, len, 0) + XXH64(key, len, k) + XXH3_64bits(key, len);
    h ^= XXH3_128bits_withSeed(key, len, k).low64;
  }
  return h;
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
