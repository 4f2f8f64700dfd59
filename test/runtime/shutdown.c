// Checks that ca_executor_shutdown drops and frees queued and waiting tasks (disarming timers), is -EBUSY inside a poll, and leaves a usable executor; a task the block_on future spawned is dropped when block_on returns, the others stay for shutdown.
// RUN: %clang -std=c11 -I%cawait_include %s %cawait_lib -o %t && %t | FileCheck %s
// RUN: %clang -std=c11 -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san && %t.san | FileCheck %s

#include <cawait.h>
#include <errno.h>
#include <stdio.h>

/* A task that sleeps `ms` (0 = waits forever without a waker). */
struct sleeper__frame {
  int state; /* 0 unresumed, 1 at the await, 2 returned or dropped */
  char name;
  uint64_t ms;
  struct ca_sleep_ms__frame sleep;
};

static ca_poll sleeper__poll(void *p, ca_context *cx, void *out) {
  struct sleeper__frame *f = p;
  (void)out;
  if (f->state == 0) {
    printf("%c first poll\n", f->name);
    ca_sleep_ms__init(&f->sleep, f->ms);
    f->state = 1;
  }
  if (f->ms == 0)
    return CA_PENDING;
  if (ca_sleep_ms__poll(&f->sleep, cx, NULL) == CA_PENDING)
    return CA_PENDING;
  printf("%c done\n", f->name);
  f->state = 2;
  return CA_READY;
}

static void sleeper__drop(void *p) {
  struct sleeper__frame *f = p;
  printf("drop %c in state %d\n", f->name, f->state);
  if (f->state == 1)
    ca_sleep_ms__drop(&f->sleep);
  f->state = 2;
}

static void spawn_sleeper(char name, uint64_t ms) {
  struct sleeper__frame *f =
      ca__task_alloc(sizeof *f, sleeper__poll, sleeper__drop);
  *f = (struct sleeper__frame){.name = name, .ms = ms};
  ca__task_start(f);
}

/* Polls 1: shutdown from inside a poll; yields. Poll 2: spawns Q, ready. */
static ca_poll main_fut__poll(void *p, ca_context *cx, void *out) {
  int *polls = p;
  (void)out;
  if (++*polls == 1) {
    printf("shutdown inside a poll: %s\n",
           ca_executor_shutdown() == -EBUSY ? "-EBUSY" : "WRONG");
    ca_waker_wake(&cx->waker);
    return CA_PENDING;
  }
  spawn_sleeper('Q', 5);
  return CA_READY;
}

int main(void) {
  spawn_sleeper('S', 10000);
  spawn_sleeper('N', 0);
  int polls = 0;
  ca__block_on(&polls, main_fut__poll, NULL);
  printf("block_on returned\n");
  printf("shutdown dropped %d\n", ca_executor_shutdown());
  printf("again: %d\n", ca_executor_shutdown());
  ca_run();
  printf("ca_run with no task returned\n");
  /* S's timer was disarmed by its drop: arming a new one must not touch
   * the freed task (ASan) and must not wait 10 s. */
  spawn_sleeper('R', 5);
  ca_run();
  printf("ca_run returned\n");
  return 0;
}

// CHECK:      S first poll
// CHECK-NEXT: N first poll
// CHECK-NEXT: shutdown inside a poll: -EBUSY
// CHECK-NEXT: drop Q in state 0
// CHECK-NEXT: block_on returned
// CHECK-NEXT: drop S in state 1
// CHECK-NEXT: drop N in state 1
// CHECK-NEXT: shutdown dropped 2
// CHECK-NEXT: again: 0
// CHECK-NEXT: ca_run with no task returned
// CHECK-NEXT: R first poll
// CHECK-NEXT: R done
// CHECK-NEXT: drop R in state 2
// CHECK-NEXT: ca_run returned
// CHECK-EMPTY:
