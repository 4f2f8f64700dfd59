/* Opaque helpers shared by the three corpora. Copied (declarations) from
 * /work/shared/anchors/layout-research/frames.cpp; definitions in helpers.c
 * (C, Rust side has its own #[inline(never)] versions as in frames.rs). */
#ifndef FRAME_SIZES_HELPERS_H
#define FRAME_SIZES_HELPERS_H
#include <stddef.h>
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif
void consume(const void *p, size_t n);
void use_u64(uint64_t x);
uint64_t produce(void);
/* sum reads a and keeps no pointer to it: `noescape` says so, which lets
 * cawait drop a buffer given only to it from the frame after the call
 * (shape P5), as it would for a function defined in the same file. */
uint64_t sum(__attribute__((noescape)) const unsigned char *a, size_t n);
#ifdef __cplusplus
}
#endif
#endif
