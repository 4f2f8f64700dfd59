// Checks that waking a queued task does nothing: it is polled once and keeps its FIFO place (woken W, Z, W by another task, twice by itself).
// RUN: %clang -std=c11 -I%cawait_include %s %cawait_lib -o %t && %t | FileCheck %s
// RUN: %clang -std=c11 -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san && %t.san | FileCheck %s

#include <cawait.h>
#include <stdio.h>

struct waiter__frame {
  char name;
  int polls;
  ca_waker waker; /* copied at the first poll */
};

static struct waiter__frame *w, *z;

/* Poll 1 keeps its waker and waits. W's poll 2 wakes itself twice and
 * waits. Then ready. */
static ca_poll waiter__poll(void *p, ca_context *cx, void *out) {
  struct waiter__frame *f = p;
  (void)out;
  printf("%c poll %d\n", f->name, ++f->polls);
  if (f->polls == 1) {
    f->waker = cx->waker;
    return CA_PENDING;
  }
  if (f->name == 'W' && f->polls == 2) {
    ca_waker_wake(&cx->waker);
    ca_waker_wake(&cx->waker);
    return CA_PENDING;
  }
  return CA_READY;
}

static ca_poll k__poll(void *p, ca_context *cx, void *out) {
  (void)p, (void)cx, (void)out;
  ca_waker_wake(&w->waker);
  ca_waker_wake(&z->waker);
  ca_waker_wake(&w->waker);
  printf("K woke W, Z, W\n");
  return CA_READY;
}

static void waiter__drop(void *p) {
  struct waiter__frame *f = p;
  printf("drop %c after %d polls\n", f->name, f->polls);
}

static struct waiter__frame *spawn(char name, ca_poll_fn poll) {
  struct waiter__frame *f = ca__task_alloc(sizeof *f, poll, waiter__drop);
  *f = (struct waiter__frame){.name = name};
  ca__task_start(f);
  return f;
}

int main(void) {
  w = spawn('W', waiter__poll);
  z = spawn('Z', waiter__poll);
  spawn('K', k__poll);
  ca_run();
  printf("ca_run returned\n");
  return 0;
}

// CHECK:      W poll 1
// CHECK-NEXT: Z poll 1
// CHECK-NEXT: K woke W, Z, W
// CHECK-NEXT: drop K after 0 polls
// CHECK-NEXT: W poll 2
// CHECK-NEXT: Z poll 2
// CHECK-NEXT: drop Z after 2 polls
// CHECK-NEXT: W poll 3
// CHECK-NEXT: drop W after 3 polls
// CHECK-NEXT: ca_run returned
// CHECK-EMPTY:
