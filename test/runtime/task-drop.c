// Checks that a completed task is dropped once, unlinked and freed, also when it woke itself in its last poll, and that tasks get out == NULL.
// RUN: %clang -std=c11 -I%cawait_include %s %cawait_lib -o %t && %t | FileCheck %s
// RUN: %clang -std=c11 -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san && %t.san | FileCheck %s

#include <cawait.h>
#include <stdio.h>

struct counted__frame {
  char name;
  int polls;
  int wake_self_then_finish; /* wakes its own waker in its last poll */
};

static int drops;

/* Hand-lowered: async long counted(...) { await(ca_yield()); return 7; },
 * with the yield inlined: poll 1 wakes itself and is pending. */
static ca_poll counted__poll(struct counted__frame *f, ca_context *cx,
                             long *out) {
  f->polls++;
  if (f->polls == 1 || f->wake_self_then_finish)
    ca_waker_wake(&cx->waker);
  if (f->polls == 1)
    return CA_PENDING;
  *out = 7;
  printf("%c ready after %d polls\n", f->name, f->polls);
  return CA_READY;
}

static ca_poll counted__erased_poll(void *f, ca_context *cx, void *out) {
  long ignored;
  printf("out is %s\n", out ? "given" : "NULL");
  return counted__poll(f, cx, out ? out : &ignored);
}

static void counted__erased_drop(void *p) {
  struct counted__frame *f = p;
  drops++;
  printf("drop %c after %d polls\n", f->name, f->polls);
}

static void spawn(char name, int wake_self_then_finish) {
  struct counted__frame *f =
      ca__task_alloc(sizeof *f, counted__erased_poll, counted__erased_drop);
  *f = (struct counted__frame){.name = name,
                               .wake_self_then_finish = wake_self_then_finish};
  ca__task_start(f);
}

int main(void) {
  spawn('A', 0);
  spawn('B', 1);
  ca_run();
  printf("drops: %d\n", drops);
  spawn('C', 0);
  ca_run();
  printf("drops: %d\n", drops);
  return 0;
}

// CHECK:      out is NULL
// CHECK-NEXT: out is NULL
// CHECK-NEXT: out is NULL
// CHECK-NEXT: A ready after 2 polls
// CHECK-NEXT: drop A after 2 polls
// CHECK-NEXT: out is NULL
// CHECK-NEXT: B ready after 2 polls
// CHECK-NEXT: drop B after 2 polls
// CHECK-NEXT: drops: 2
// CHECK-NEXT: out is NULL
// CHECK-NEXT: out is NULL
// CHECK-NEXT: C ready after 2 polls
// CHECK-NEXT: drop C after 2 polls
// CHECK-NEXT: drops: 3
// CHECK-EMPTY:
