// Checks that each thread has its own slab of task blocks, freed when the thread ends with no task left: threads that spawn, run and end leave nothing behind (valgrind's leak check, definite, indirect and possible), and their blocks never mix (each thread sees its own blocks reused).
// RUN: %clang -std=c11 -pthread -I%cawait_include %s %cawait_lib -o %t && %t | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
// RUN: %clang -std=c11 -pthread -fsanitize=address,undefined -fno-sanitize-recover=all -I%cawait_include %s %cawait_san_lib -o %t.san && %t.san | FileCheck %s
#include <cawait.h>
#include <pthread.h>
#include <stdio.h>

static ca_poll once_poll(void *area, ca_context *cx, void *out) {
  (void)cx;
  (void)out;
  ((unsigned char *)area)[0]++;
  return CA_READY;
}
static void once_drop(void *area) { (void)area; }

static const ca__task_vtable vt = {.wake = {ca__task_wake},
                                   .poll = once_poll,
                                   .drop = once_drop,
                                   .name = "once"};

/* Spawns and runs tasks of several sizes; 1 when a block freed on this
 * thread is the one the next task of its size gets. */
static void *work(void *arg) {
  (void)arg;
  int reused = 1;
  for (int round = 0; round < 3; round++) {
    for (size_t n = 8; n <= 40000; n *= 3) {
      unsigned char *a = ca__task_new(&vt, n);
      a[0] = 0;
      ca__task_start(a);
      ca_run();
      unsigned char *b = ca__task_new(&vt, n);
      b[0] = 0;
      ca__task_start(b);
      ca_run();
      reused &= n > 32768 || a == b;
    }
  }
  return (void *)(long)reused;
}

int main(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++)
    pthread_create(&t[i], NULL, work, NULL);
  int reused = 1;
  for (int i = 0; i < 4; i++) {
    void *r;
    pthread_join(t[i], &r);
    reused &= (int)(long)r;
  }
  printf("threads done, reused %d\n", reused);
  return 0;
}
// CHECK: threads done, reused 1
