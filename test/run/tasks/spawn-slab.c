// Tasks of many frame sizes and alignments from the slab: each frame at its
// alignment (16, 32, 128, and max_align_t for the others), blocks of
// finished tasks reused by the next tasks of their size class (the frames
// are written whole: ASan would see an overlap or a block too small), a
// frame beyond the largest class (40 KiB) on its own, and nothing left
// behind (valgrind's leak check, after ca_executor_shutdown).
// RUN: %cawait-cc -Wall -Werror %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int bad, done;

#define CHECK_ALIGN(p, a)                                                      \
  do {                                                                         \
    if ((uintptr_t)(p) % (a))                                                  \
      bad++;                                                                   \
  } while (0)

async void small(int id) {
  char buf[8];
  memset(buf, id, sizeof buf);
  await(ca_sleep_ms((uint64_t)(id % 3)));
  bad += buf[7] != (char)id;
  done++;
}

async void mid(int id) {
  char buf[700];
  memset(buf, id, sizeof buf);
  await(ca_sleep_ms((uint64_t)(id % 2)));
  bad += buf[699] != (char)id;
  done++;
}

async void geometric(int id) {
  char buf[3000];
  memset(buf, id, sizeof buf);
  await(ca_yield());
  bad += buf[2999] != (char)id;
  done++;
}

async void huge(int id) {
  char buf[40000];
  memset(buf, id, sizeof buf);
  await(ca_yield());
  bad += buf[39999] != (char)id;
  done++;
}

async void align16(int id) {
  long double x = id;
  CHECK_ALIGN(&x, _Alignof(max_align_t));
  await(ca_yield());
  bad += x != id;
  done++;
}

async void align32(int id) {
  _Alignas(32) char v[32];
  memset(v, id, sizeof v);
  CHECK_ALIGN(v, 32);
  await(ca_yield());
  bad += v[31] != (char)id;
  done++;
}

async void align128(int id) {
  _Alignas(128) char v[200];
  memset(v, id, sizeof v);
  CHECK_ALIGN(v, 128);
  await(ca_yield());
  bad += v[199] != (char)id;
  done++;
}

async int value(int id) {
  await(ca_yield());
  return id * 2;
}

async void forever(void) { await(ca_sleep_ms(1000000)); }

int main(void) {
  for (int round = 0; round < 3; round++) {
    for (int i = 0; i < 100; i++) {
      ca_spawn(small(i));
      ca_spawn(mid(i));
      ca_spawn(align16(i));
      ca_spawn(align32(i));
      ca_spawn(align128(i));
      if (i % 10 == 0) {
        ca_spawn(geometric(i));
        ca_spawn(huge(i));
      }
    }
    ca_run();
    printf("round %d: done %d bad %d\n", round, done, bad);
  }
  /* Joinable tasks, joined from plain code's ca_block_on. */
  ca_task *h[50];
  for (int i = 0; i < 50; i++)
    h[i] = ca_spawn(value(i));
  int sum = 0;
  for (int i = 49; i >= 0; i--) {
    int v = 0;
    ca_block_on(ca_task_join(h[i], &v));
    sum += v;
  }
  printf("joined sum %d\n", sum);
  for (int i = 0; i < 10; i++)
    ca_spawn(forever());
  printf("shutdown %d\n", ca_executor_shutdown());
  return 0;
}
// CHECK:      round 0: done 520 bad 0
// CHECK-NEXT: round 1: done 1040 bad 0
// CHECK-NEXT: round 2: done 1560 bad 0
// CHECK-NEXT: joined sum 2450
// CHECK-NEXT: shutdown 10
