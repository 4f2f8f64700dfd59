// Checks the executor under load: 680 tasks that yield, sleep, spawn and wake each other run every step and are dropped once; shutdown drops sleepers.
// RUN: %clang -std=c11 -I%cawait_include %s %cawait_lib -o %t && %t | FileCheck %s
// RUN: %clang -std=c11 -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san && %t.san | FileCheck %s

#include <cawait.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_TASKS 4096

/* Hand-lowered: a loop of `steps` random steps, each a yield or a short
 * sleep, which may first wake another task and spawn a child. */
struct worker__frame {
  int id;       /* index in wakers[] */
  int depth;    /* children are spawned up to depth 2 */
  unsigned rng; /* per task, so the totals do not depend on timing */
  int steps;    /* steps left */
  int state;    /* 0 between steps, 1 yielding, 2 sleeping, 3 done */
  struct ca_yield__frame yield;
  struct ca_sleep_ms__frame sleep;
};

static ca_waker wakers[MAX_TASKS]; /* of live tasks; CA_WAKER_NONE otherwise */
static int spawned, completed, drops, steps_given, steps_done;

static unsigned next_rand(unsigned *s) {
  *s = *s * 1103515245u + 12345u;
  return (*s >> 16) & 0x7fff;
}

static ca_poll worker__poll(void *p, ca_context *cx, void *out);

static void worker__drop(void *p) {
  struct worker__frame *f = p;
  if (f->state == 2)
    ca_sleep_ms__drop(&f->sleep);
  wakers[f->id] = CA_WAKER_NONE;
  drops++;
}

static void spawn_worker(int depth, unsigned seed, int steps) {
  if (spawned == MAX_TASKS)
    abort();
  struct worker__frame *f =
      ca__task_alloc(sizeof *f, worker__poll, worker__drop);
  *f = (struct worker__frame){
      .id = spawned++, .depth = depth, .rng = seed, .steps = steps};
  steps_given += steps;
  ca__task_start(f);
}

static ca_poll worker__poll(void *p, ca_context *cx, void *out) {
  struct worker__frame *f = p;
  (void)out;
  wakers[f->id] = cx->waker;
  for (;;) {
    if (f->state == 1 && ca_yield__poll(&f->yield, cx, NULL) == CA_PENDING)
      return CA_PENDING;
    if (f->state == 2 && ca_sleep_ms__poll(&f->sleep, cx, NULL) == CA_PENDING)
      return CA_PENDING;
    if (f->state != 0)
      steps_done++;
    if (f->steps == 0)
      break;
    f->steps--;
    unsigned r = next_rand(&f->rng);
    int other = (int)(r % (unsigned)spawned);
    if (other != f->id && ca_waker_is_set(&wakers[other]))
      ca_waker_wake(&wakers[other]);
    if (f->depth < 2 && r % 5 == 0)
      spawn_worker(f->depth + 1, next_rand(&f->rng),
                   (int)(next_rand(&f->rng) % 20));
    if (r % 2) {
      ca_yield__init(&f->yield);
      f->state = 1;
    } else {
      ca_sleep_ms__init(&f->sleep, r % 4);
      f->state = 2;
    }
  }
  f->state = 3;
  completed++;
  return CA_READY;
}

static ca_poll main_sleep__poll(void *f, ca_context *cx, void *out) {
  return ca_sleep_ms__poll(f, cx, out);
}

int main(void) {
  for (unsigned i = 0; i < 100; i++)
    spawn_worker(0, i * 7919u + 1u, (int)(i % 20));
  ca_run();
  printf("spawned %d, completed %d, dropped %d\n", spawned, completed, drops);
  printf("steps given %d, done %d\n", steps_given, steps_done);

  /* Sleeping forever at shutdown: drops disarm their timers. */
  spawned = completed = drops = steps_given = steps_done = 0;
  for (unsigned i = 0; i < 100; i++) {
    struct worker__frame *f =
        ca__task_alloc(sizeof *f, worker__poll, worker__drop);
    *f = (struct worker__frame){.id = spawned++, .depth = 2, .state = 2};
    ca_sleep_ms__init(&f->sleep, 60000 + i % 7);
    ca__task_start(f);
  }
  spawn_worker(2, 42, 5);
  struct ca_sleep_ms__frame main_sleep; /* time for the worker to finish */
  ca_sleep_ms__init(&main_sleep, 300);
  ca__block_on(&main_sleep, main_sleep__poll, NULL);
  printf("then completed %d\n", completed);
  printf("shutdown dropped %d\n", ca_executor_shutdown());
  printf("dropped %d\n", drops);
  return 0;
}

// CHECK:      spawned 680, completed 680, dropped 680
// CHECK-NEXT: steps given 6483, done 6483
// CHECK-NEXT: then completed 1
// CHECK-NEXT: shutdown dropped 100
// CHECK-NEXT: dropped 101
// CHECK-EMPTY:
