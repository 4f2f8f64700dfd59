// Checks that ASan still sees a use of a task block after the task was freed: the slab of the sanitized runtime (libcawait-san) poisons a freed block, and a block never handed out, so reading a finished detached task's frame is reported.
// RUN: %clang -std=c11 -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san
// RUN: not %t.san freed 2>&1 | FileCheck %s --check-prefix=FREED
// RUN: not %t.san beyond 2>&1 | FileCheck %s --check-prefix=BEYOND
// RUN: %t.san none | FileCheck %s --check-prefix=NONE
#include <cawait.h>
#include <stdio.h>
#include <string.h>

static ca_poll once_poll(void *area, ca_context *cx, void *out) {
  (void)area;
  (void)cx;
  (void)out;
  return CA_READY;
}
static void once_drop(void *area) { (void)area; }

static const ca__task_vtable vt = {.wake = {ca__task_wake},
                                   .poll = once_poll,
                                   .drop = once_drop,
                                   .name = "once"};

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "none";
  volatile unsigned char *a = ca__task_new(&vt, 40);
  a[39] = 1; /* the whole area is usable */
  ca__task_start((void *)a);
  if (!strcmp(mode, "beyond"))
    return a[40]; /* the next block, never handed out */
  ca_run();       /* completes: detached, so freed */
  if (!strcmp(mode, "freed"))
    return a[0];
  printf("no error\n");
  return 0;
}
// FREED: ERROR: AddressSanitizer: use-after-poison
// FREED: READ of size 1
// BEYOND: ERROR: AddressSanitizer: use-after-poison
// NONE: no error
