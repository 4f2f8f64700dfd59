// ca_dump_tasks names what each leaf future waits on: a channel (its length
// and capacity) to receive from and to send to, a descriptor to read
// (ca_fd_readable, ca_read) and to write (ca_write under ca_write_all, an
// async function of the runtime with its own table), a signal, a task
// joined, a semaphore, a oneshot, an event, a cancel token, a task group;
// a task that yielded is runnable.
// RUN: cd %S && %cawait-cc -Wall -Werror -gdwarf-4 waits.c -o %t
// RUN: %t | FileCheck %s --match-full-lines --strict-whitespace
// RUN: cd %S && %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all waits.c -o %t.san
// RUN: %t.san | FileCheck %s --match-full-lines --strict-whitespace
// RUN: %valgrind %t | FileCheck %s --match-full-lines --strict-whitespace
#include <cawait/dump.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../Inputs/socket-pair.h"

enum { BIG = 1 << 24 };

static ca_chan empty, full;
static int empty_buf[2], full_buf[1];
static int pipe_fds[2];
static ca_io in_a, in_b, out_a, out_b;
static ca_sem sem;
static ca_oneshot once;
static int once_slot;
static ca_event event;
static ca_cancel_token token;
static ca_task_group group;
static ca_task *group_slots[1];
static char *big;

async void receive_one(void) {
  int v;
  await(ca_chan_recv(&empty, &v));
}
async void send_one(void) {
  int v = 1;
  await(ca_chan_send(&full, &v));
}
async void fd_wait(void) { await(ca_fd_readable(pipe_fds[0])); }
async void read_one(void) {
  char buf[8];
  await(ca_read(&in_a, buf, sizeof buf));
}
async void write_big(void) { await(ca_write_all(&out_a, big, BIG)); }
async void signal_wait(void) { await(ca_signal(SIGUSR2)); }
async int sleeper(void) {
  await(ca_sleep_ms(600000));
  return 1;
}
async void join_one(ca_task *t) {
  int r;
  await(ca_task_join(t, &r));
}
async void sem_wait(void) { await(ca_sem_acquire(&sem)); }
async void once_wait(void) {
  int v;
  await(ca_oneshot_recv(&once, &v));
}
async void event_wait(void) { await(ca_event_wait(&event)); }
async void token_wait(void) { await(ca_cancel_token_wait(&token)); }
async void group_wait(void) { await(ca_task_group_wait(&group)); }
async void yielder(void) {
  for (;;)
    await(ca_yield());
}

async void run(void) {
  ca_spawn(receive_one());
  ca_spawn(send_one());
  ca_spawn(fd_wait());
  ca_spawn(read_one());
  ca_spawn(write_big());
  ca_spawn(signal_wait());
  ca_spawn(join_one(ca_spawn(sleeper())));
  ca_spawn(sem_wait());
  ca_spawn(once_wait());
  ca_spawn(event_wait());
  ca_spawn(token_wait());
  ca_task_group_add(&group, ca_spawn(sleeper()));
  ca_spawn(group_wait());
  ca_spawn(yielder());
  await(ca_sleep_ms(20));
  ca_dump_tasks(stdout);
}

int main(void) {
  int one = 1;
  big = calloc(1, BIG);
  if (!big || pipe(pipe_fds) || socket_pair(&in_a, &in_b) ||
      socket_pair(&out_a, &out_b))
    return 1;
  ca_chan_init(&empty, empty_buf, sizeof(int), 2);
  ca_chan_init(&full, full_buf, sizeof(int), 1);
  ca_chan_try_send(&full, &one);
  ca_sem_init(&sem, 0);
  ca_oneshot_init(&once, &once_slot, sizeof once_slot);
  ca_event_init(&event);
  ca_cancel_token_init(&token);
  ca_task_group_init(&group, group_slots, 1);
  printf("channels %p %p, pipe %d, sockets %d %d\n", (void *)&empty,
         (void *)&full, pipe_fds[0], in_a.fd, out_a.fd);
  printf("sem %p, oneshot %p, event %p, token %p, group %p\n", (void *)&sem,
         (void *)&once, (void *)&event, (void *)&token, (void *)&group);
  ca_block_on(run());
  ca_io_close(&in_a);
  ca_io_close(&in_b);
  ca_io_close(&out_a);
  ca_io_close(&out_b);
  close(pipe_fds[0]);
  close(pipe_fds[1]);
  free(big);
  return 0;
}

// CHECK:channels [[EMPTY:0x[0-9a-f]+]] [[FULL:0x[0-9a-f]+]], pipe [[PIPE:[0-9]+]], sockets [[IN:[0-9]+]] [[OUT:[0-9]+]]
// CHECK-NEXT:sem [[SEM:0x[0-9a-f]+]], oneshot [[ONCE:0x[0-9a-f]+]], event [[EVENT:0x[0-9a-f]+]], token [[TOKEN:0x[0-9a-f]+]], group [[GROUP:0x[0-9a-f]+]]
// CHECK-NEXT:cawait tasks:
// CHECK-NEXT:ca_block_on run, running
// CHECK-NEXT:task 1 yielder, runnable
// CHECK-NEXT:  yielder at waits.c:68 → ca_yield
// CHECK-NEXT:task 2 receive_one, waiting
// CHECK-NEXT:  receive_one at waits.c:37 → ca_chan_recv (channel [[EMPTY]], 0 of 2)
// CHECK-NEXT:task 3 send_one, waiting
// CHECK-NEXT:  send_one at waits.c:41 → ca_chan_send (channel [[FULL]], 1 of 1)
// CHECK-NEXT:task 4 fd_wait, waiting
// CHECK-NEXT:  fd_wait at waits.c:43 → ca_fd_readable (fd [[PIPE]], readable)
// CHECK-NEXT:task 5 read_one, waiting
// CHECK-NEXT:  read_one at waits.c:46 → ca_read (fd [[IN]], readable)
// CHECK-NEXT:task 6 write_big, waiting
// CHECK-NEXT:  write_big at waits.c:48 → ca_write_all at {{.*}}runtime/async/stream.c:29 → ca_write (fd [[OUT]], writable)
// CHECK-NEXT:task 7 signal_wait, waiting
// CHECK-NEXT:  signal_wait at waits.c:49 → ca_signal (signal 12)
// CHECK-NEXT:task 8 sleeper, waiting
// CHECK-NEXT:  sleeper at waits.c:51 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]}} ms)
// CHECK-NEXT:task 9 join_one, waiting
// CHECK-NEXT:  join_one at waits.c:56 → ca_task_join (task sleeper)
// CHECK-NEXT:task 10 sem_wait, waiting
// CHECK-NEXT:  sem_wait at waits.c:58 → ca_sem_acquire (semaphore [[SEM]])
// CHECK-NEXT:task 11 once_wait, waiting
// CHECK-NEXT:  once_wait at waits.c:61 → ca_oneshot_recv (oneshot [[ONCE]])
// CHECK-NEXT:task 12 event_wait, waiting
// CHECK-NEXT:  event_wait at waits.c:63 → ca_event_wait (event [[EVENT]])
// CHECK-NEXT:task 13 token_wait, waiting
// CHECK-NEXT:  token_wait at waits.c:64 → ca_cancel_token_wait (cancel token [[TOKEN]])
// CHECK-NEXT:task 14 sleeper, waiting
// CHECK-NEXT:  sleeper at waits.c:51 → ca_sleep_ms (deadline in {{59[0-9][0-9][0-9][0-9]}} ms)
// CHECK-NEXT:task 15 group_wait, waiting
// CHECK-NEXT:  group_wait at waits.c:65 → ca_task_group_wait (task group [[GROUP]])
// CHECK-EMPTY:
