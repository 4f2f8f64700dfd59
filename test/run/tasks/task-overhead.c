// The memory of a task beyond its frame: ca_spawn makes one allocation of
// the frame plus a 32-byte header (the frame report gives the frame's
// size; this program's malloc records the block's). A task whose result is
// larger than its frame gets an area as large as the result instead.
// RUN: %cawait-cc -fplugin-arg-cawait-frame-report -Rremark-backend-plugin %s -o %t 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: %cawait-cc -fplugin-arg-cawait-frame-report -Rremark-backend-plugin %s -o %t 2>&1 | grep remark > %t.report
// RUN: %t > %t.run
// RUN: cat %t.report %t.run | FileCheck %s
#include <cawait.h>
#include <stdio.h>
#include <stdlib.h>

extern void *__libc_malloc(size_t);
static size_t last_block;
void *malloc(size_t n) {
  last_block = n;
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
  ca_task *t = ca_spawn(sleeper(1));
  printf("sleeper task block %zu\n", last_block);
  ca_task *u = ca_spawn(widen(3));
  printf("widen task block %zu\n", last_block);
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
// CHECK: sleeper task block [[#FRAME+32]]
// CHECK: widen task block [[#128+32]]
