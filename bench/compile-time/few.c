/* few.c - a translation unit that is mostly ordinary C (lz4's compressor,
 * included whole) with a few async functions that use it: the "a few
 * async functions" case of the compile-time benchmark. */
#include <cawait.h>
#include "third_party/lz4/lz4.c"

async int compress_chunk(const char *src, int n, char *dst, int cap) {
  await(ca_yield());
  return LZ4_compress_default(src, dst, n, cap);
}

async long compress_all(const char *src, int len, char *dst, int cap) {
  long total = 0;
  for (int off = 0; off < len; off += 4096) {
    int n = len - off < 4096 ? len - off : 4096;
    int r = await(compress_chunk(src + off, n, dst, cap));
    if (r <= 0)
      return -1;
    total += r;
  }
  return total;
}

async long both_halves(const char *src, int len, char *d1, char *d2, int cap) {
  long a = 0, b = 0;
  await(ca_join(a = compress_all(src, len / 2, d1, cap),
                b = compress_all(src + len / 2, len - len / 2, d2, cap)));
  if (await(ca_timeout_ms(1000, a = compress_all(src, len, d1, cap))))
    return -1;
  return a + b;
}
