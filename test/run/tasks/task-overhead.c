// The memory of a task beyond its frame: ca_spawn takes one block of the
// thread's slab, the frame plus a 24-byte header rounded up to 16 bytes,
// with no allocator header (the frame report gives the frame's size;
// ca__task_block_size the block's), and calls no malloc. A task whose
// result is larger than its frame gets an area as large as the result
// instead.
// RUN: %cawait-cc -fplugin-arg-cawait-frame-report -Rremark-backend-plugin %s -o %t 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: %cawait-cc -fplugin-arg-cawait-frame-report -Rremark-backend-plugin %s -o %t 2>&1 | grep remark > %t.report
// RUN: %t > %t.run
// RUN: cat %t.report %t.run | FileCheck %s
#include <cawait.h>
#include <stdio.h>
#include <stdlib.h>

extern void *__libc_malloc(size_t);
static size_t mallocs;
void *malloc(size_t n) {
  mallocs++;
  return __libc_malloc(n);
}

struct wide {
  long v[16];
};

async int sleeper(int ms) {
  await(ca_sleep_ms((uint64_t)ms));
  return ms;
}
async struct wide widen(long x) {
  struct wide w;
  for (int i = 0; i < 16; i++)
    w.v[i] = x + i;
  return w;
}

async int run(void) {
  size_t before = mallocs;
  ca_task *t = ca_spawn(sleeper(1));
  ca_task *u = ca_spawn(widen(3));
  size_t spawn_mallocs = mallocs - before;
  printf("sleeper task block %zu\n", ca__task_block_size(t));
  printf("widen task block %zu\n", ca__task_block_size(u));
  printf("mallocs %zu\n", spawn_mallocs);
  int r;
  struct wide w;
  await(ca_task_join(t, &r));
  await(ca_task_join(u, &w));
  return r + (int)w.v[15];
}

int main(void) { return ca_block_on(run()) == 19 ? 0 : 1; }
// REPORT: remark: frame of 'sleeper': 40 bytes
// REPORT: remark: frame of 'widen': 16 bytes
// CHECK: remark: frame of 'sleeper': [[#FRAME:]] bytes
// CHECK: sleeper task block [[#FRAME+24]]
// 128 + 24, rounded up to 16:
// CHECK: widen task block [[#128+24+8]]
// CHECK: mallocs 0
