// A waker kept past its frame's drop (a hand-written leaf whose drop
// forgets it) and woken after its task was dropped: the task is finished
// (cancelled, its handle still held), and the wake does nothing; the join
// then gives -ECANCELED. A finished task reads as queued, so a wake of a
// cancelled one no longer follows a NULL link (found by a review).
// RUN: %cawait-cc -Wall -Werror %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <errno.h>
#include <stdio.h>

static ca_waker kept;

/* Pending for ever; keeps the waker, and its drop forgets to clear it. */
async void never(void);
struct never__frame {
  char unused;
};
static __attribute__((unused)) void never__init(struct never__frame *f) { (void)f; }
static __attribute__((unused)) ca_poll never__poll(struct never__frame *f, ca_context *cx, void *out) {
  (void)f, (void)out;
  kept = cx->waker;
  return CA_PENDING;
}
static __attribute__((unused)) void never__drop(struct never__frame *f) { (void)f; }

async void waits(void) { await(never()); }

static ca_task *handle;

async void spawner(void) {
  handle = ca_spawn(waits());
  await(ca_yield()); /* the task runs once and keeps its waker */
}

async int join(void) {
  ca_waker_wake(&kept); /* stale: the task was dropped with spawner's block_on */
  return await(ca_task_wait(handle));
}

int main(void) {
  ca_block_on(spawner());
  int rc = ca_block_on(join());
  printf("join after a stale wake: %s\n", rc == -ECANCELED ? "-ECANCELED" : "?");
  // CHECK: join after a stale wake: -ECANCELED
  return 0;
}
