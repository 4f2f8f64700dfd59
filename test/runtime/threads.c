// Checks that each thread has its own executor: two threads block_on at once, each running only its own spawned tasks and timers.
// RUN: %clang -std=c11 -pthread -I%cawait_include %s %cawait_lib -o %t && %t | FileCheck %s
// RUN: %clang -std=c11 -pthread -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san && %t.san | FileCheck %s

#include <cawait.h>
#include <pthread.h>
#include <stdio.h>

struct thread_result {
  int id;
  int task_polls; /* of the task this thread spawned */
  int main_polls;
};

/* Sleeps 20 ms, counting its polls. */
struct counted_sleep__frame {
  int *polls;
  int started;
  struct ca_sleep_ms__frame sleep;
};

static ca_poll counted_sleep__poll(void *p, ca_context *cx, void *out) {
  struct counted_sleep__frame *f = p;
  (*f->polls)++;
  if (!f->started) {
    ca_sleep_ms__init(&f->sleep, 20);
    f->started = 1;
  }
  return ca_sleep_ms__poll(&f->sleep, cx, out);
}
static void counted_sleep__drop(void *p) {
  struct counted_sleep__frame *f = p;
  if (f->started)
    ca_sleep_ms__drop(&f->sleep);
}

static void *thread_main(void *arg) {
  struct thread_result *r = arg;
  struct counted_sleep__frame *t =
      ca__task_alloc(sizeof *t, counted_sleep__poll, counted_sleep__drop);
  *t = (struct counted_sleep__frame){.polls = &r->task_polls};
  ca__task_start(t);
  struct counted_sleep__frame m = {.polls = &r->main_polls};
  ca__block_on(&m, counted_sleep__poll, NULL);
  ca_run();
  return NULL;
}

int main(void) {
  struct thread_result r[2] = {{.id = 0}, {.id = 1}};
  pthread_t th[2];
  for (int i = 0; i < 2; i++)
    pthread_create(&th[i], NULL, thread_main, &r[i]);
  for (int i = 0; i < 2; i++)
    pthread_join(th[i], NULL);
  for (int i = 0; i < 2; i++)
    printf("thread %d: main polls %d, task polls %d\n", r[i].id,
           r[i].main_polls, r[i].task_polls);
  printf("main thread: ca_run returns at once\n");
  ca_run();
  return 0;
}

// CHECK:      thread 0: main polls 2, task polls 2
// CHECK-NEXT: thread 1: main polls 2, task polls 2
// CHECK-NEXT: main thread: ca_run returns at once
// CHECK-EMPTY:
