// ca_event, the wake from outside the executor: set before the wait
// (completes at once), set by another thread while the executor parks, set
// by a signal handler, a wait dropped by a timeout (the set stays for the
// next wait), and 3000 sets by a producer thread racing a consumer that
// drains a counter after each wait: no wake-up is lost (a lost one hangs
// until lit's time limit). Sets are not counted (several make one
// completion). The same output with the plugin and without it (blocking
// ca_event_wait), under ASan+UBSan, valgrind, gcc and TSan.
// RUN: %differential %s %t -pthread | FileCheck %s
// RUN: %cawait-cc %tsan_flags %s -o %t.tsan
// RUN: sh -c '%t.tsan; echo exit=$?' | FileCheck %s
#include <cawait.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>

#define N 3000

static ca_event ev;
static unsigned produced; /* written by the producer, then ev is set */

static void pause_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  nanosleep(&ts, NULL);
}

static void *set_later(void *arg) {
  pause_ms((long)(size_t)arg);
  ca_event_set(&ev);
  return NULL;
}

static void *produce(void *arg) {
  (void)arg;
  for (unsigned i = 1; i <= N; i++) {
    __atomic_store_n(&produced, i, __ATOMIC_RELEASE);
    ca_event_set(&ev);
    if (i % 500 == 0)
      pause_ms(1); /* let the consumer park now and then */
  }
  return NULL;
}

static void on_usr1(int signo) {
  (void)signo;
  ca_event_set(&ev);
}

static void *signal_later(void *arg) {
  pause_ms(5);
  pthread_kill(*(pthread_t *)arg, SIGUSR1);
  return NULL;
}

async int consume(void) {
  unsigned seen = 0;
  int waits = 0;
  while (seen < N) {
    await(ca_event_wait(&ev));
    waits++;
    seen = __atomic_load_n(&produced, __ATOMIC_ACQUIRE);
  }
  return waits;
}

async int run(void) {
  pthread_t t;
  ca_event_set(&ev);
  ca_event_set(&ev);
  await(ca_event_wait(&ev));
  printf("set twice before the wait: one completion\n");

  pthread_create(&t, NULL, set_later, (void *)(size_t)10);
  await(ca_event_wait(&ev));
  pthread_join(t, NULL);
  printf("set by another thread while parked\n");

  pthread_t self = pthread_self();
  signal(SIGUSR1, on_usr1);
  pthread_create(&t, NULL, signal_later, &self);
  await(ca_event_wait(&ev));
  pthread_join(t, NULL);
  printf("set by a signal handler\n");

  int k = await(ca_select(ca_sleep_ms(5), ca_event_wait(&ev)));
  printf("not set: the sleep wins (%d)\n", k);
  ca_event_set(&ev);
  await(ca_event_wait(&ev));
  printf("set after a dropped wait: completes\n");

  pthread_create(&t, NULL, produce, NULL);
  int waits = await(consume());
  pthread_join(t, NULL);
  printf("consumer saw %u after %s\n",
         __atomic_load_n(&produced, __ATOMIC_ACQUIRE),
         waits >= 1 && waits <= N ? "at most one wait per set" : "WRONG");
  return 0;
}

int main(void) {
  ca_event_init(&ev);
  return ca_block_on(run());
}
// CHECK:      set twice before the wait: one completion
// CHECK-NEXT: set by another thread while parked
// CHECK-NEXT: set by a signal handler
// CHECK-NEXT: not set: the sleep wins (0)
// CHECK-NEXT: set after a dropped wait: completes
// CHECK-NEXT: consumer saw 3000 after at most one wait per set
// CHECK-NEXT: exit=0
