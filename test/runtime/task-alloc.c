// Checks that task frames of 0 to 100 bytes are aligned for any type and writable to their end, and that never-polled tasks are freed at shutdown.
// RUN: %clang -std=c11 -I%cawait_include %s %cawait_lib -o %t && %t | FileCheck %s
// RUN: %clang -std=c11 -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san && %t.san | FileCheck %s

#include <cawait.h>
#include <stdalign.h>
#include <stdio.h>
#include <string.h>

static int polls, drops;

static ca_poll never__poll(void *p, ca_context *cx, void *out) {
  (void)p, (void)cx, (void)out;
  polls++;
  return CA_READY;
}
static void count__drop(void *p) {
  (void)p;
  drops++;
}

int main(void) {
  int misaligned = 0;
  for (size_t size = 0; size <= 100; size++) {
    unsigned char *f = ca__task_alloc(size, never__poll, count__drop);
    if ((uintptr_t)f % alignof(max_align_t) != 0)
      misaligned++;
    memset(f, 0xab, size);
    ca__task_start(f);
  }
  printf("misaligned: %d\n", misaligned);
  printf("shutdown dropped %d\n", ca_executor_shutdown());
  printf("polls %d, drops %d\n", polls, drops);
  return 0;
}

// CHECK:      misaligned: 0
// CHECK-NEXT: shutdown dropped 101
// CHECK-NEXT: polls 0, drops 101
// CHECK-EMPTY:
