// Checks the deadlock aborts: a block_on future nothing can wake (a task pending too), and ca_run with tasks nothing can wake.
// RUN: %clang -std=c11 -I%cawait_include %s %cawait_lib -o %t
// RUN: not --crash %t block_on 2>&1 | FileCheck %s --check-prefix=BLOCK
// RUN: not --crash %t run 2>&1 | FileCheck %s --check-prefix=TASKS
// RUN: %clang -std=c11 -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san
// RUN: not --crash %t.san block_on 2>&1 | FileCheck %s --check-prefix=BLOCK
// RUN: not --crash %t.san run 2>&1 | FileCheck %s --check-prefix=TASKS

#include <cawait.h>
#include <stdio.h>
#include <string.h>

/* Pending forever, without keeping its waker. */
static ca_poll stuck__poll(void *p, ca_context *cx, void *out) {
  (void)cx, (void)out;
  printf("%s polled\n", (const char *)p);
  return CA_PENDING;
}
static void stuck__drop(void *p) { (void)p; }

static void spawn_stuck(const char *name) {
  char *f = ca__task_alloc(8, stuck__poll, stuck__drop);
  strcpy(f, name);
  ca__task_start(f);
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  spawn_stuck("t1");
  if (strcmp(argv[1], "block_on") == 0) {
    char m[] = "main";
    ca__block_on(m, stuck__poll, NULL);
  } else {
    spawn_stuck("t2");
    ca_run();
  }
  printf("unreachable\n");
  return 0;
}

// BLOCK:      t1 polled
// BLOCK-NEXT: main polled
// BLOCK-NEXT: cawait: ca_block_on: the future is pending and nothing can wake
// it BLOCK-NOT:  unreachable

// TASKS:      t1 polled
// TASKS-NEXT: t2 polled
// TASKS-NEXT: cawait: ca_run: 2 task(s) are pending and nothing can wake them
// TASKS-NOT:  unreachable
