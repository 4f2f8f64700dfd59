// Checks that ca_block_on or ca_run called from inside a poll (the executor is running) aborts with a message.
// RUN: %clang -std=c11 -I%cawait_include %s %cawait_lib -o %t
// RUN: not --crash %t block_on 2>&1 | FileCheck %s --check-prefix=BLOCK
// RUN: not --crash %t run 2>&1 | FileCheck %s --check-prefix=TASKS
// RUN: %clang -std=c11 -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san
// RUN: not --crash %t.san block_on 2>&1 | FileCheck %s --check-prefix=BLOCK
// RUN: not --crash %t.san run 2>&1 | FileCheck %s --check-prefix=TASKS

#include <cawait.h>
#include <stdio.h>
#include <string.h>

static ca_poll ready__poll(void *p, ca_context *cx, void *out) {
  (void)p, (void)cx, (void)out;
  return CA_READY;
}
static void nothing__drop(void *p) { (void)p; }

/* Its frame is the name of what to nest. */
static ca_poll nester__poll(void *p, ca_context *cx, void *out) {
  (void)cx, (void)out;
  printf("outer polled\n");
  if (strcmp(p, "block_on") == 0) {
    int inner = 0;
    ca__block_on(&inner, ready__poll, NULL);
  } else {
    ca__task_start(ca__task_alloc(0, ready__poll, nothing__drop));
    ca_run();
  }
  printf("nested call returned\n");
  return CA_READY;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  ca__block_on(argv[1], nester__poll, NULL);
  printf("unreachable\n");
  return 0;
}

// BLOCK:      outer polled
// BLOCK-NEXT: cawait: ca_block_on: called while this thread's executor is
// running (from inside a poll or a drop) BLOCK-NOT:  returned

// TASKS:      outer polled
// TASKS-NEXT: cawait: ca_run: called while this thread's executor is running
// (from inside a poll or a drop) TASKS-NOT:  returned
