/* Separate TU so the optimizer cannot see through these (no LTO).
 * Copied from /work/shared/anchors/layout-research/helpers.cpp (made C, so
 * both the cawait program and the C++ program link it). */
#include "helpers.h"
void consume(const void *p, size_t n) { __asm__ volatile("" ::"r"(p), "r"(n) : "memory"); }
void use_u64(uint64_t x) { __asm__ volatile("" ::"r"(x)); }
uint64_t produce(void) { uint64_t v = 42; __asm__ volatile("" : "+r"(v)); return v; }
uint64_t sum(const unsigned char *a, size_t n) { uint64_t s = 0; for (size_t i = 0; i < n; i++) s += a[i]; return s; }
