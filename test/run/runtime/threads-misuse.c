// ca_threads_run and ca_remote_chan misused abort with a message naming
// the call: n < 1 (0, -3), a NULL function, ca_threads_run from inside a
// poll; a channel received on a thread other than the one of its first
// receive (with the plugin: awaited; without: the blocking receive), two
// frames of one executor receiving at once, an element of the wrong size.
// RUN: %cawait-cc -std=gnu11 -O1 -Wall -Werror %s -o %t
// RUN: %clang -std=gnu11 -O1 -Wall -Werror -I%cawait_include %s %cawait_lib -o %t.sync
// RUN: not --crash %t zero 2>&1 | FileCheck %s --check-prefix=ZERO
// RUN: not --crash %t.sync zero 2>&1 | FileCheck %s --check-prefix=ZERO
// RUN: not --crash %t negative 2>&1 | FileCheck %s --check-prefix=NEG
// RUN: not --crash %t null 2>&1 | FileCheck %s --check-prefix=NULL
// RUN: not --crash %t in-poll 2>&1 | FileCheck %s --check-prefix=POLL
// RUN: not --crash %t owner 2>&1 | FileCheck %s --check-prefix=OWNER
// RUN: not --crash %t.sync owner 2>&1 | FileCheck %s --check-prefix=OWNER
// RUN: not --crash %t two 2>&1 | FileCheck %s --check-prefix=TWO
// RUN: not --crash %t size 2>&1 | FileCheck %s --check-prefix=SIZE
// RUN: not --crash %t.sync size 2>&1 | FileCheck %s --check-prefix=SIZE
#include <cawait.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>

static int buf[4];
static ca_remote_chan chan;

static void nothing(int index, void *arg) {
  (void)index;
  (void)arg;
}

async int start_threads(void) { return ca_threads_run(2, nothing, NULL); }

async int receive_one(void) {
  int v = 0;
  await(ca_remote_chan_recv(&chan, &v));
  return v;
}

async int receive_two(void) {
  int a = 0, b = 0;
  await(ca_join(a = receive_one(), b = receive_one()));
  return a + b;
}

/* Index 0 sends one value and then receives (binding the channel); index 1
 * waits for that receive, then receives: not its channel. */
static int bound; /* atomic */
static void two_receivers(int index, void *arg) {
  (void)arg;
  if (index == 0) {
    int v = 1;
    ca_remote_chan_try_send(&chan, &v);
    printf("index 0 received %d\n", ca_block_on(receive_one()));
    fflush(stdout);
    __atomic_store_n(&bound, 1, __ATOMIC_RELEASE);
    return;
  }
  while (!__atomic_load_n(&bound, __ATOMIC_ACQUIRE))
    sched_yield();
  ca_block_on(receive_one());
}

int main(int argc, char **argv) {
  const char *what = argc > 1 ? argv[1] : "";
  ca_remote_chan_init(&chan, buf, sizeof(int), 4);
  printf("%s\n", what);
  fflush(stdout);
  if (!strcmp(what, "zero"))
    ca_threads_run(0, nothing, NULL);
  else if (!strcmp(what, "negative"))
    ca_threads_run(-3, nothing, NULL);
  else if (!strcmp(what, "null"))
    ca_threads_run(2, NULL, NULL);
  else if (!strcmp(what, "in-poll"))
    ca_block_on(start_threads());
  else if (!strcmp(what, "owner"))
    ca_threads_run(2, two_receivers, NULL);
  else if (!strcmp(what, "two"))
    ca_block_on(receive_two());
  else if (!strcmp(what, "size")) {
    long v = 1;
    ca_remote_chan_try_send(&chan, &v);
  }
  printf("not reached\n");
  return 0;
}
// ZERO:      zero
// ZERO-NEXT: cawait: ca_threads_run: n is 0: at least one thread
// NEG:       negative
// NEG-NEXT:  cawait: ca_threads_run: n is -3: at least one thread
// NULL:      null
// NULL-NEXT: cawait: ca_threads_run: the function is NULL
// POLL:      in-poll
// POLL-NEXT: cawait: ca_threads_run: called while this thread's executor is running (from inside a poll or a drop)
// OWNER:      owner
// OWNER-NEXT: index 0 received 1
// OWNER-NEXT: cawait: ca_remote_chan_recv: channel 0x{{[0-9a-f]+}} belongs to another thread's executor (the thread of its first receive): receive on that thread, or give each thread a channel of its own
// TWO:       two
// TWO-NEXT:  cawait: ca_remote_chan_recv: another frame is already waiting to receive from channel 0x{{[0-9a-f]+}} (one receive at a time)
// SIZE:      size
// SIZE-NEXT: cawait: ca_remote_chan_try_send: the element is 8 bytes, the channel's are 4
