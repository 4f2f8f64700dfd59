// ca_remote_chan, many senders and one receiver: 3 threads of
// ca_threads_run (index 0, the caller, among them) send 2000 messages each
// into a channel of 8 that a task on index 3 receives (it waits, senders
// on other threads wake it; senders meet a full channel and try again),
// each sender's messages in its order; once they are done the receiver
// closes it: a send then gives -EPIPE. A second channel is closed by
// another thread (with the plugin its receive waits by then): -EPIPE.
// try_recv on a thread
// that is not the receiver's; the ended threads' reactors leave no
// descriptor open. The same output with the plugin and without it (the
// receive then blocks its thread until a sender wakes it), under
// ASan+UBSan, valgrind, gcc and TSan.
// RUN: %differential %s %t | FileCheck %s
// RUN: %cawait-cc %tsan_flags %s -o %t.tsan
// RUN: sh -c '%t.tsan; echo exit=$?' | FileCheck %s
#include <cawait.h>
#include <dirent.h>
#include <errno.h>
#include <sched.h>
#include <stdio.h>

#define SENDERS 3
#define EACH 2000

struct msg {
  int sender;
  int seq;
};

static struct msg buf[8], side_buf[2];
static ca_remote_chan chan, side;
static int senders_done; /* atomic: senders that sent all theirs */

struct tally {
  long received, sum, out_of_order, after_close, side_rc, waited_full;
};

static int open_fds(void) {
  int n = 0;
  DIR *d = opendir("/proc/self/fd");
  while (d && readdir(d))
    n++;
  if (d)
    closedir(d);
  return n;
}

/* Receives until the message that follows every sender's last (seq -1);
 * then closes the channel. */
async void receive_all(struct tally *t) {
  int next[SENDERS] = {0};
  struct msg m;
  while (await(ca_remote_chan_recv(&chan, &m)) == 0 && m.seq >= 0) {
    t->out_of_order += m.seq != next[m.sender];
    next[m.sender] = m.seq + 1;
    t->received++;
    t->sum += m.seq;
  }
  ca_remote_chan_close(&chan);
  t->after_close = await(ca_remote_chan_recv(&chan, &m));
}

async void receive_side(struct tally *t) {
  struct msg m;
  t->side_rc = await(ca_remote_chan_recv(&side, &m));
}

async void receiver(struct tally *t) {
  await(ca_join(receive_all(t), receive_side(t)));
}

static void send_all(int sender, struct tally *t) {
  for (int i = 0; i < EACH; i++) {
    struct msg m = {sender, i};
    int rc;
    while ((rc = ca_remote_chan_try_send(&chan, &m)) == -EAGAIN) {
      __atomic_fetch_add(&t->waited_full, 1, __ATOMIC_RELAXED);
      sched_yield();
    }
  }
  /* The last sender done sends the end: after every sender's messages. */
  if (__atomic_add_fetch(&senders_done, 1, __ATOMIC_ACQ_REL) == SENDERS) {
    struct msg end = {0, -1};
    while (ca_remote_chan_try_send(&chan, &end) == -EAGAIN)
      sched_yield();
  }
}

static void thread_main(int index, void *arg) {
  struct tally *t = arg;
  if (index < SENDERS)
    send_all(index, t);
  else
    ca_block_on(receiver(t));
  if (index == 1)
    ca_remote_chan_close(&side); /* from a thread that never received */
}

int main(void) {
  struct tally t = {0};
  struct msg m;
  ca_remote_chan_init(&chan, buf, sizeof(struct msg), 8);
  ca_remote_chan_init(&side, side_buf, sizeof(struct msg), 2);
  int before = open_fds();
  int rc = ca_threads_run(SENDERS + 1, thread_main, &t);
  printf("ca_threads_run: %d\n", rc);
  printf("received %ld, sequence sum %ld, out of order %ld\n", t.received,
         t.sum, t.out_of_order);
  printf("the receive after the close: %s\n",
         t.after_close == -EPIPE ? "-EPIPE" : "?");
  printf("the receive waiting when another thread closed: %s\n",
         t.side_rc == -EPIPE ? "-EPIPE" : "?");
  printf("a send after the close: %s\n",
         ca_remote_chan_try_send(&chan, &m) == -EPIPE ? "-EPIPE" : "?");
  printf("try_recv on main, closed and empty: %s\n",
         ca_remote_chan_try_recv(&chan, &m) == -EPIPE ? "-EPIPE" : "?");
  printf("senders found it full: %s\n", t.waited_full > 0 ? "yes" : "no");
  printf("descriptors left open: %d\n", open_fds() - before);
  return 0;
}
// CHECK:      ca_threads_run: 0
// CHECK-NEXT: received 6000, sequence sum 5997000, out of order 0
// CHECK-NEXT: the receive after the close: -EPIPE
// CHECK-NEXT: the receive waiting when another thread closed: -EPIPE
// CHECK-NEXT: a send after the close: -EPIPE
// CHECK-NEXT: try_recv on main, closed and empty: -EPIPE
// CHECK-NEXT: senders found it full: yes
// CHECK-NEXT: descriptors left open: 0
// CHECK-NEXT: exit=0
