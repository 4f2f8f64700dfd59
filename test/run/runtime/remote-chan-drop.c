// ca_remote_chan when its receiver goes with messages in flight. Messages
// own heap memory. The receiving thread (index 1) receives 40 from two
// sender threads in a task of its executor, then leaves it waiting in a
// receive and returns from ca_block_on; the senders then send 6 more, which
// may wake that waiting receive while its thread ends and drops it
// (ca_threads_run's shutdown): the drop takes the channel's lock, so no
// sender reaches the ended thread's wake port (ASan, TSan). The messages
// stay queued; after ca_threads_run returns, main sends one more (no
// receiver: nothing woken), closes the channel (a send is then -EPIPE and
// the sender frees its message), and drains the 7 with try_recv, freeing
// them: valgrind finds no leak. A receive dropped by a ca_select (a timer
// wins) before the senders start leaves no element taken. The ended
// thread's reactor leaves no descriptor open.
// With the plugin only: a receive that waits for ever blocks its thread
// without it.
// RUN: %cawait-cc -std=gnu11 -gdwarf-4 -O1 -Wall -Werror %s -o %t
// RUN: %t | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.asan
// RUN: %t.asan | FileCheck %s
// RUN: %cawait-cc %tsan_flags %s -o %t.tsan
// RUN: %t.tsan | FileCheck %s
#include <cawait.h>
#include <dirent.h>
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

#define FIRST 40 /* received by the receiver's task */
#define AFTER 3  /* each sender's, once the receiver stopped */

static int *buf[8];
static ca_remote_chan chan;
static int receiver_stopped; /* atomic */
static int received, timed_out;
static ca_notify got_first;

static int open_fds(void) {
  int n = 0;
  DIR *d = opendir("/proc/self/fd");
  while (d && readdir(d))
    n++;
  if (d)
    closedir(d);
  return n;
}

/* Receives for ever: the thread's end drops it in its last receive. */
async void receive_forever(void) {
  int *p;
  while (await(ca_remote_chan_recv(&chan, &p)) == 0) {
    free(p);
    if (++received == FIRST)
      ca_notify_one(&got_first);
  }
}

async void timed_receive(void) {
  int *p = NULL;
  /* Nothing is sent yet: the timer wins, the receive is dropped. */
  timed_out = await(ca_timeout_ms(5, ca_remote_chan_recv(&chan, &p)));
}

async void wait_first(void) { await(ca_notified(&got_first)); }

/* Sends a message owning heap memory: 0, or the send's error (the
 * message is then freed by its sender). */
static int send_owned(int value) {
  int *p = malloc(sizeof *p), rc;
  *p = value;
  while ((rc = ca_remote_chan_try_send(&chan, &p)) == -EAGAIN)
    sched_yield();
  if (rc < 0)
    free(p);
  return rc;
}

static void thread_main(int index, void *arg) {
  (void)arg;
  if (index == 1) {
    ca_block_on(timed_receive());
    __atomic_store_n(&receiver_stopped, -1, __ATOMIC_RELEASE); /* go */
    /* Spawned by plain code: a task of the program, which outlives the
     * ca_block_on below. */
    ca_spawn(receive_forever());
    ca_block_on(wait_first()); /* returns with receive_forever waiting */
    __atomic_store_n(&receiver_stopped, 1, __ATOMIC_RELEASE);
    return; /* the thread's end drops receive_forever */
  }
  while (__atomic_load_n(&receiver_stopped, __ATOMIC_ACQUIRE) == 0)
    sched_yield();
  for (int i = 0; i < FIRST / 2; i++)
    send_owned(i);
  while (__atomic_load_n(&receiver_stopped, __ATOMIC_ACQUIRE) != 1)
    sched_yield();
  for (int i = 0; i < AFTER; i++)
    send_owned(100 + i);
}

int main(void) {
  ca_remote_chan_init(&chan, buf, sizeof(int *), 8);
  int before = open_fds();
  int rc = ca_threads_run(3, thread_main, NULL);
  printf("ca_threads_run: %d\n", rc);
  printf("the receive dropped by the timeout: %s\n",
         timed_out ? "dropped" : "completed?");
  printf("received %d, queued when the receiver stopped: %zu\n", received,
         ca_remote_chan_len(&chan));
  printf("main sends with nobody receiving: %d\n", send_owned(7));
  ca_remote_chan_close(&chan);
  printf("a send after the close: %s\n",
         send_owned(8) == -EPIPE ? "-EPIPE" : "?");
  int *p, drained = 0;
  while (ca_remote_chan_try_recv(&chan, &p) == 0) {
    free(p);
    drained++;
  }
  printf("drained and freed by main: %d\n", drained);
  printf("descriptors left open: %d\n", open_fds() - before);
  return 0;
}
// CHECK:      ca_threads_run: 0
// CHECK-NEXT: the receive dropped by the timeout: dropped
// CHECK-NEXT: received 40, queued when the receiver stopped: 6
// CHECK-NEXT: main sends with nobody receiving: 0
// CHECK-NEXT: a send after the close: -EPIPE
// CHECK-NEXT: drained and freed by main: 7
// CHECK-NEXT: descriptors left open: 0
