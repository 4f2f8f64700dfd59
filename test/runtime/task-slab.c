// Checks where task blocks live (task_mem.c): a slab per size class with no per-block header (two blocks of a class are the block size apart: the 24-byte header on x86-64 plus the area, rounded to 16 up to 1 KiB, then to 4 sizes per doubling), every area aligned for any type (16) whatever its size, a freed block reused first, blocks beyond the largest class (32 KiB) on their own, and all of it freed at ca_executor_shutdown (valgrind finds no leak, ASan no error).
// RUN: %clang -std=c11 -I%cawait_include %s %cawait_lib -o %t && %t | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
// RUN: %clang -std=c11 -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san && %t.san | FileCheck %s
#include <cawait.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int polls;

static ca_poll done_poll(void *area, ca_context *cx, void *out) {
  (void)cx;
  (void)out;
  polls++;
  return ((unsigned char *)area)[0] == 0xa5 ? CA_READY : CA_PENDING;
}
static void done_drop(void *area) { (void)area; }

static const ca__task_vtable vt = {.wake = {ca__task_wake},
                                   .poll = done_poll,
                                   .drop = done_drop,
                                   .name = "slab"};

/* A task of `area` bytes, its whole area written (ASan checks the block is
 * that large); it completes at its first poll. */
static unsigned char *spawn(size_t area) {
  unsigned char *a = ca__task_new(&vt, area);
  memset(a, 0xa5, area);
  ca__task_start(a);
  return a;
}

int main(void) {
  /* Two blocks in a row: no header between them. */
  unsigned char *a = spawn(40), *b = spawn(40);
  printf("40: apart %td\n", b - a);
  a = spawn(8), b = spawn(8);
  printf("8: apart %td\n", b - a);
  a = spawn(1000), b = spawn(1000);
  printf("1000: apart %td\n", b - a);
  a = spawn(1001), b = spawn(1001);
  printf("1001: apart %td\n", b - a);
  a = spawn(5000), b = spawn(5000);
  printf("5000: apart %td\n", b - a);
  ca_run();

  /* Freed (completed and detached): the last one is handed out first. */
  unsigned char *c = spawn(5000);
  printf("5000 again: %s\n", c == b ? "last freed" : "other");
  ca_run();
  c = spawn(40);
  ca_run();
  unsigned char *d = spawn(40);
  printf("reused: %s\n", d == c ? "yes" : "no");
  ca_run();

  /* Every size up to 70000 bytes: aligned, and as large as asked. */
  int misaligned = 0;
  for (size_t n = 1; n <= 70000; n += n < 2100 ? 1 : 997)
    misaligned += ((uintptr_t)spawn(n) & 15) != 0;
  printf("misaligned %d\n", misaligned);
  ca_run();
  printf("polls %d\n", polls);

  /* Pending tasks dropped, and the chunks freed with them. */
  unsigned char *e = ca__task_new(&vt, 100);
  e[0] = 0;
  ca__task_start(e);
  printf("shutdown %d\n", ca_executor_shutdown());
  /* The executor still works afterwards. */
  spawn(40);
  ca_run();
  printf("shutdown %d\n", ca_executor_shutdown());
  return 0;
}
// CHECK:      40: apart 64
// CHECK-NEXT: 8: apart 32
// CHECK-NEXT: 1000: apart 1024
// CHECK-NEXT: 1001: apart 1280
// CHECK-NEXT: 5000: apart 5120
// CHECK-NEXT: 5000 again: last freed
// CHECK-NEXT: reused: yes
// CHECK-NEXT: misaligned 0
// CHECK-NEXT: polls [[#]]
// CHECK-NEXT: shutdown 1
// CHECK-NEXT: shutdown 0
