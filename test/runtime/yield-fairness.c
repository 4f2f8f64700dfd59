// Checks round fairness: block_on's future is queued like a task, so it and the yielding tasks run once per round in wake (FIFO) order; a mid-round spawn waits; pending tasks outlive block_on.
// RUN: %clang -std=c11 -I%cawait_include %s %cawait_lib -o %t && %t | FileCheck %s
// RUN: %clang -std=c11 -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san && %t.san | FileCheck %s

#include <cawait.h>
#include <stdio.h>

/* Hand-lowered: async int yielder(char name) {
 *   int i;
 *   for (i = 0; i < 3; i++) {
 *     printf("%c %d\n", name, i);
 *     if (name == 'A' && i == 1) ca_spawn(yielder('D'));
 *     await(ca_yield());
 *   }
 *   printf("%c done\n", name);
 *   return 42;
 * }
 * For 'M' (the block_on future) it prints nothing at the end. */
struct yielder__frame {
  int state; /* 0 unresumed, 1 at the await, 2 returned */
  char name;
  int i;
  struct ca_yield__frame yield;
};

static ca_poll yielder__poll(struct yielder__frame *f, ca_context *cx,
                             int *out);
static void yielder__drop(struct yielder__frame *f) { f->state = 2; }

static ca_poll yielder__erased_poll(void *f, ca_context *cx, void *out) {
  int ignored;
  return yielder__poll(f, cx, out ? out : &ignored);
}
static void yielder__erased_drop(void *f) { yielder__drop(f); }

static void spawn_yielder(char name) {
  struct yielder__frame *f =
      ca__task_alloc(sizeof *f, yielder__erased_poll, yielder__erased_drop);
  *f = (struct yielder__frame){.name = name};
  ca__task_start(f);
}

static ca_poll yielder__poll(struct yielder__frame *f, ca_context *cx,
                             int *out) {
  switch (f->state) {
  case 0:
    for (f->i = 0; f->i < 3; f->i++) {
      printf("%c %d\n", f->name, f->i);
      if (f->name == 'A' && f->i == 1)
        spawn_yielder('D');
      ca_yield__init(&f->yield);
      f->state = 1;
    case 1:
      if (ca_yield__poll(&f->yield, cx, NULL) == CA_PENDING)
        return CA_PENDING;
    }
    if (f->name != 'M')
      printf("%c done\n", f->name);
    *out = 42;
    f->state = 2;
    return CA_READY;
  default:
    ca__poll_after_done("yielder");
  }
}

int main(void) {
  spawn_yielder('A');
  spawn_yielder('B');
  struct yielder__frame m = {.name = 'M'};
  int result = 0;
  ca__block_on(&m, yielder__erased_poll, &result);
  yielder__drop(&m);
  printf("block_on returned %d\n", result);
  ca_run();
  printf("ca_run returned\n");
  return 0;
}

// CHECK:      A 0
// CHECK-NEXT: B 0
// CHECK-NEXT: M 0
// CHECK-NEXT: A 1
// CHECK-NEXT: B 1
// CHECK-NEXT: M 1
// CHECK-NEXT: D 0
// CHECK-NEXT: A 2
// CHECK-NEXT: B 2
// CHECK-NEXT: M 2
// CHECK-NEXT: D 1
// CHECK-NEXT: A done
// CHECK-NEXT: B done
// CHECK-NEXT: block_on returned 42
// CHECK-NEXT: D 2
// CHECK-NEXT: D done
// CHECK-NEXT: ca_run returned
// CHECK-EMPTY:
