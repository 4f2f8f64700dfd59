/* cawait side of the frame-size corpus. Each async function is preceded by a
 * "// shape:" line that run.sh copies into docs/frame-sizes.md. The same
 * functions, under the same names, are in corpus.rs and corpus.cpp.
 * P0-P8 follow /work/shared/anchors/layout-research/frames.{rs,cpp}.
 * Suspension is ca_yield() (Rust: the anchors' `Pend`, C++: an empty awaiter). */
#include <cawait.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "helpers.h"

struct arr4k { unsigned char b[4096]; };
struct a64 { _Alignas(64) unsigned char b[4096]; };

#define YIELD await(ca_yield())

// shape: P0 one await, nothing live
async void p0_empty(void) { YIELD; }

// shape: P1 4 KiB by-value argument used after an await
async void p1_arg(struct arr4k arg) { YIELD; consume(&arg, sizeof arg); }

// shape: P2 one 4 KiB local per if/else branch, each across its own await
async void p2_branches(int c) {
  if (c) { unsigned char a[4096]; memset(a, 1, sizeof a); consume(a, sizeof a); YIELD; consume(a, sizeof a); }
  else   { unsigned char b[4096]; memset(b, 2, sizeof b); consume(b, sizeof b); YIELD; consume(b, sizeof b); }
}

// shape: P3 two sequential scopes, 4 KiB each across an await
async void p3_seq(void) {
  { unsigned char a[4096]; memset(a, 1, sizeof a); consume(a, sizeof a); YIELD; consume(a, sizeof a); }
  { unsigned char b[4096]; memset(b, 2, sizeof b); consume(b, sizeof b); YIELD; consume(b, sizeof b); }
}

// shape: P4 `a` across two awaits, then `b` across a third
async void p4_prefix(void) {
  { unsigned char a[4096]; memset(a, 1, sizeof a); consume(a, sizeof a); YIELD; YIELD; consume(a, sizeof a); }
  { unsigned char b[4096]; memset(b, 2, sizeof b); consume(b, sizeof b); YIELD; consume(b, sizeof b); }
}

// shape: P5 4 KiB buffer passed by pointer before the await (block still open), 8 B needed after
async void p5_borrowed(void) {
  unsigned char a[4096]; memset(a, 1, sizeof a);
  uint64_t s = sum(a, sizeof a);
  YIELD;
  use_u64(s);
}

// shape: P5 with the buffer's block ended before the await
async void p5_scoped(void) {
  uint64_t s;
  { unsigned char a[4096]; memset(a, 1, sizeof a); s = sum(a, sizeof a); }
  YIELD;
  use_u64(s);
}

#define STEP { uint64_t x = produce(); YIELD; use_u64(x); }
// shape: P6 16 scalars, each in its own block across its own await
async void p6_scalars(void) {
  STEP STEP STEP STEP STEP STEP STEP STEP STEP STEP STEP STEP STEP STEP STEP STEP
}

#define STEPF(n) uint64_t x##n = produce(); YIELD; use_u64(x##n);
// shape: P6 flat: 16 scalars in one scope, each across its own await
async void p6_flat(void) {
  STEPF(0) STEPF(1) STEPF(2) STEPF(3) STEPF(4) STEPF(5) STEPF(6) STEPF(7)
  STEPF(8) STEPF(9) STEPF(10) STEPF(11) STEPF(12) STEPF(13) STEPF(14) STEPF(15)
}

// shape: P7 leaf: 4 KiB local across an await
async void p7_leaf(void) { unsigned char a[4096]; memset(a, 1, sizeof a); consume(a, sizeof a); YIELD; consume(a, sizeof a); }
// shape: P7 awaits p7_leaf() (1 level)
async void p7_nest1(void) { await(p7_leaf()); }
// shape: P7 awaits p7_nest1() (2 levels)
async void p7_nest2(void) { await(p7_nest1()); }
// shape: P7 awaits p7_nest2() (3 levels around the 4 KiB leaf)
async void p7_nest3(void) { await(p7_nest2()); }

// shape: P8 8 KiB (align 1) vs 4 KiB (align 64) in disjoint branches
async void p8_align(int c) {
  if (c) { unsigned char a[8192]; memset(a, 1, sizeof a); consume(a, sizeof a); YIELD; consume(a, sizeof a); }
  else   { struct a64 b; memset(&b, 2, sizeof b); consume(&b, sizeof b); YIELD; consume(&b, sizeof b); }
}

// shape: for loop, 1 KiB buffer per iteration across the iteration's await, plus the counter
async void loop_buf(int n) {
  for (int i = 0; i < n; i++) {
    unsigned char buf[1024]; memset(buf, i, sizeof buf); consume(buf, sizeof buf);
    YIELD;
    consume(buf, sizeof buf);
  }
}

// shape: value-returning callee: 8 B parameter and 8 B local across an await
async uint64_t fetch(uint64_t x) { uint64_t y = produce(); YIELD; return x + y; }

// shape: for loop, `total += await(fetch(i))`
async uint64_t loop_accum(int n) {
  uint64_t total = 0;
  for (int i = 0; i < n; i++) total += await(fetch(i));
  return total;
}

// shape: do/while, one 8 B value per iteration across the await
async void do_while(int n) {
  int i = 0;
  do { uint64_t v = produce(); YIELD; use_u64(v + i); } while (++i < n);
}

// shape: switch, cases hold 512 B / 1 KiB (align 8) / 8 B (address taken) across their awaits
async void switch_cases(int k) {
  switch (k) {
  case 0: { unsigned char a[512]; memset(a, 1, sizeof a); consume(a, sizeof a); YIELD; consume(a, sizeof a); break; }
  case 1: { uint64_t b[128]; memset(b, 2, sizeof b); consume(b, sizeof b); YIELD; consume(b, sizeof b); break; }
  case 2: { double d = (double)produce(); YIELD; consume(&d, sizeof d); break; }
  default: YIELD; break;
  }
}

// shape: goto retry loop, 256 B buffer across the await inside, counter across all
async void goto_retry(int n) {
  int tries = 0;
retry:
  { unsigned char buf[256]; memset(buf, tries, sizeof buf); consume(buf, sizeof buf); YIELD; consume(buf, sizeof buf); }
  if (++tries < n) goto retry;
  YIELD;
}

// shape: mixed alignment: char/short/double/char with staggered lifetimes
async void mixed_align(void) {
  char c = (char)produce();
  short s = (short)produce();
  YIELD;                         /* c, s */
  double d = (double)produce();
  YIELD;                         /* c, s, d */
  use_u64((uint64_t)c + (uint64_t)d);
  char e = (char)produce();
  YIELD;                         /* s, e */
  use_u64((uint64_t)s + (uint64_t)e);
}

// shape: array only subscripted (256 B), live across the await
async void arr_live(void) {
  uint32_t v[64];
  for (int i = 0; i < 64; i++) v[i] = (uint32_t)produce();
  YIELD;
  uint64_t s = 0;
  for (int i = 0; i < 64; i++) s += v[i];
  use_u64(s);
}

// shape: array only subscripted (4 KiB), same scope as the await but dead before it
async void arr_dead(void) {
  uint32_t v[1024];
  for (int i = 0; i < 1024; i++) v[i] = (uint32_t)produce();
  uint64_t s = 0;
  for (int i = 0; i < 1024; i++) s += v[i];
  YIELD;
  use_u64(s);
}

// shape: 16 KiB buffer (subscripted) used only before the first of two awaits
async void big_first(void) {
  unsigned char big[16384];
  for (int i = 0; i < 16384; i++) big[i] = (unsigned char)produce();
  uint64_t h = 0;
  for (int i = 0; i < 16384; i++) h = h * 31 + big[i];
  YIELD;
  uint64_t x = produce();
  YIELD;
  use_u64(h + x);
}

// shape: x, y, z (8 B each) each across two awaits, never live together
async void never_meet(void) {
  uint64_t x = produce(); YIELD; YIELD; use_u64(x);
  uint64_t y = produce(); YIELD; YIELD; use_u64(y);
  uint64_t z = produce(); YIELD; YIELD; use_u64(z);
}

// shape: three 2 KiB buffers, each across two awaits, never live together
async void never_meet_big(void) {
  { unsigned char a[2048]; memset(a, 1, sizeof a); consume(a, sizeof a); YIELD; YIELD; consume(a, sizeof a); }
  { unsigned char b[2048]; memset(b, 2, sizeof b); consume(b, sizeof b); YIELD; YIELD; consume(b, sizeof b); }
  { unsigned char c[2048]; memset(c, 3, sizeof c); consume(c, sizeof c); YIELD; YIELD; consume(c, sizeof c); }
}

// shape: small callee: 8 B across an await
async void small_cb(void) { uint64_t x = produce(); YIELD; use_u64(x); }

// shape: nested awaits of callees in sequence: small, 4 KiB leaf, small
async void nest_seq(void) { await(small_cb()); await(p7_leaf()); await(small_cb()); }

// shape: awaited result (8 B) kept across a 4 KiB callee's await
async void nest_live(void) {
  uint64_t r = await(fetch(1));
  await(p7_leaf());
  use_u64(r);
}

// shape: `return await(fetch(x))`
async uint64_t ret_await(uint64_t x) { return await(fetch(x)); }

// shape: if/else-if chain awaiting callees of different sizes, result assigned
async uint64_t callee_branches(int k) {
  uint64_t r = 0;
  if (k == 0) r = await(fetch(7));
  else if (k == 1) { await(p7_leaf()); r = 1; }
  else { await(never_meet_big()); r = 2; }
  return r;
}

/* Runs every function once (checks the corpus works, not measured). */
int main(void) {
  static struct arr4k big;
  ca_block_on(p0_empty()); ca_block_on(p1_arg(big));
  ca_block_on(p2_branches(1)); ca_block_on(p2_branches(0)); ca_block_on(p3_seq());
  ca_block_on(p4_prefix()); ca_block_on(p5_borrowed()); ca_block_on(p5_scoped());
  ca_block_on(p6_scalars()); ca_block_on(p6_flat()); ca_block_on(p7_leaf());
  ca_block_on(p7_nest1()); ca_block_on(p7_nest2()); ca_block_on(p7_nest3());
  ca_block_on(p8_align(1)); ca_block_on(p8_align(0)); ca_block_on(loop_buf(3));
  uint64_t t = ca_block_on(loop_accum(3));
  ca_block_on(do_while(3));
  for (int k = 0; k < 4; k++) ca_block_on(switch_cases(k));
  ca_block_on(goto_retry(3)); ca_block_on(mixed_align()); ca_block_on(arr_live());
  ca_block_on(arr_dead()); ca_block_on(big_first()); ca_block_on(never_meet());
  ca_block_on(never_meet_big()); ca_block_on(small_cb()); ca_block_on(nest_seq());
  ca_block_on(nest_live());
  uint64_t r = ca_block_on(ret_await(1));
  for (int k = 0; k < 3; k++) r += ca_block_on(callee_branches(k));
  if (t != 3 * 42 + 3 || r != 43 + 42 + 7 + 1 + 2) { fprintf(stderr, "corpus.c: wrong result\n"); return 1; }
  return 0;
}
