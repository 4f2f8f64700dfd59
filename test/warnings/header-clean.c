// Including <cawait.h> (and with it cawait/abi.h, cawait/frames.h and
// cawait/deprecated.h) and using its API under its current names adds no
// warning at any level, with the plugin and without it: the headers are
// system headers, no current name is deprecated, and the expansions of the
// API's macros (ca_spawn, the combinators, the task group's init, the
// channel's sizes) are clean in the program's code. One known exception is
// left out: a CA_TASK_POOL that is used gets -Wused-but-marked-unused (the
// macro marks the pool unused for programs that never spawn into it).
// RUN: %clang -std=gnu11 -I %cawait_include -Weverything -Wno-used-but-marked-unused -Werror -c %s -o %t.plain.o
// RUN: %cawait-cc -std=gnu11 -Weverything -Wno-used-but-marked-unused -Werror -c %s -o %t.o
// RUN: %clang -std=gnu11 -I %cawait_include -Wall -Wextra -Wpedantic -Wdeprecated -Werror -c %s -o %t.plain.o
// RUN: %cawait-cc -std=gnu11 -Wall -Wextra -Wpedantic -Wdeprecated -Werror -c %s -o %t.o
#include <cawait.h>

#include <sys/socket.h>

static ca_cancel_token stop;
static ca_task_group group;
static ca_task *slots[4];
static ca_chan chan;
static int chan_buf[4];
static ca_sem sem;
static ca_notify notify;
static ca_oneshot once;
static int once_slot;

CA_TASK_POOL(pool, leaf, 2);

static async int leaf(int a);
static async int leaf(int a) {
  await(ca_yield());
  return a + 1;
}

static async int io(ca_io *a) {
  char c = 0;
  ca_reader r;
  char line[16];
  long n;
  ca_reader_init(&r, a, line, sizeof line);
  await(ca_io_readable(a));
  await(ca_io_writable(a));
  n = await(ca_read(a, &c, 1));
  n += await(ca_write(a, &c, 1));
  n += await(ca_read_line(&r, line, sizeof line));
  n += await(ca_write_all(a, &c, 1));
  (void)ca_shutdown(a, SHUT_WR);
  return (int)n + ca_io_close(a);
}

static async int top(void) {
  int v = 1, x = 0, k, rc;
  ca_task *t, *u;
  ca_cancel_token_init(&stop);
  ca_task_group_init(&group, slots, 4);
  rc = ca_task_group_add(&group, ca_spawn(leaf(1)));
  rc += await(ca_task_group_wait(&group));
  rc += ca_task_group_abort(&group) + (int)ca_task_group_len(&group);
  rc += ca_chan_init(&chan, chan_buf, sizeof chan_buf[0], 4);
  rc += await(ca_chan_send(&chan, &v));
  rc += await(ca_chan_recv(&chan, &v));
  rc += ca_chan_try_send(&chan, &v) + ca_chan_try_recv(&chan, &v);
  ca_sem_init(&sem, 1);
  rc += await(ca_sem_acquire(&sem));
  ca_sem_release(&sem);
  ca_notify_init(&notify);
  ca_notify_one(&notify);
  await(ca_notified(&notify));
  rc += ca_oneshot_init(&once, &once_slot, sizeof once_slot);
  rc += ca_oneshot_send(&once, &v);
  rc += await(ca_oneshot_recv(&once, &v));
  ca_cancel_token_cancel(&stop);
  await(ca_cancel_token_wait(&stop));
  k = await(ca_select(x = leaf(x), ca_cancel_token_wait(&stop)));
  await(ca_join(x = leaf(x), ca_sleep_ms(1)));
  k += await(ca_timeout_ms(10, x = leaf(x)));
  t = ca_spawn(leaf(2));
  u = ca_spawn_in(&pool, leaf(3));
  rc += await(ca_task_join(t, &v));
  rc += await(ca_task_wait(u));
  return rc + k + x + ca_cancel_token_is_cancelled(&stop);
}

static async int both(ca_io *a) {
  int r = await(top());
  if (a->fd >= 0)
    r += await(io(a));
  return r;
}

int main(void);
int main(void) {
  ca_io a;
  a.fd = -1;
  return ca_block_on(both(&a));
}
