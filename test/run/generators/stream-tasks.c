// Streams with tasks and combinators. A task waiting in a ca_for_await is
// aborted: the stream is dropped where it waits (its pending receive, then
// its cleanups), then the loop's scope and the consumer's. The idioms for
// racing a stream (docs/user-guide.md, "Streams in select"): a consumer
// raced against a timer or a cancellation token in ca_select (the loser is
// dropped, and its stream with it); the next item of a stream over a
// source, raced by an async function that awaits one item (the source
// keeps its place); and inside a stream, each wait raced against a timer.
// RUN: %cawait-cc -std=gnu11 -O1 -Wall -Werror %s -o %t
// RUN: %t | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.asan
// RUN: %t.asan | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
// RUN: %cawait-gcc -std=gnu11 -O2 -Wall -Werror %s -o %t.gcc
// RUN: %t.gcc | FileCheck %s
#include <cawait.h>
#include <stdio.h>

static void release(int *p) { printf(" [release %d]", *p); }

/* The items sent on a channel, until it is closed. */
async gen int received(ca_chan *c, int tag) {
  __attribute__((cleanup(release))) int guard = tag;
  for (;;) {
    int v;
    int r = await(ca_chan_recv(c, &v));
    if (r != 0)
      break;
    yield(v);
  }
}

async int consumer(ca_chan *c) {
  __attribute__((cleanup(release))) int guard = 2;
  ca_for_await (int v, received(c, 1)) {
    __attribute__((cleanup(release))) int item = 10 + v;
    printf(" got %d", v);
  }
  printf(" closed?");
  return 0;
}

async int abort_consumer(void) {
  int buf[4];
  ca_chan c;
  ca_chan_init(&c, buf, sizeof buf[0], 4);
  ca_task *t = ca_spawn(consumer(&c));
  for (int i = 0; i < 3; i++) {
    await(ca_chan_send(&c, &i));
    await(ca_yield()); // the consumer takes it, waits for the next
  }
  printf(" abort:");
  ca_task_abort(t);
  return 0;
}

/* Numbers every millisecond, many more than the races below let through. */
async gen int ticks(int n) {
  __attribute__((cleanup(release))) int guard = 100;
  for (int i = 0; i < n; i++) {
    await(ca_sleep_ms(1));
    yield(i);
  }
}

async int collect(int *count) {
  ca_for_await (int v, ticks(100000))
    *count = v + 1;
  return *count;
}

async int stop_after(ca_cancel_token *t, int ms) {
  await(ca_sleep_ms(ms));
  ca_cancel_token_cancel(t);
  return 0;
}

async int collect_until(ca_cancel_token *stop, int *count) {
  return await(ca_select(collect(count), ca_cancel_token_wait(stop)));
}

async int race_whole_loop(void) {
  int count = 0, done = -1;
  int w = await(ca_select(done = collect(&count), ca_sleep_ms(20)));
  printf(" timer won: %d, items: %s, done: %d |", w,
         count > 0 ? "some" : "none", done);
  ca_cancel_token stop;
  ca_cancel_token_init(&stop);
  count = 0;
  int s = -1;
  await(ca_join(s = stop_after(&stop, 20), w = collect_until(&stop, &count)));
  printf(" token won: %d, items: %s", w, count > 0 ? "some" : "none");
  return s;
}

/* One item of the stream over c, or 0 when it is closed. */
async int next_item(ca_chan *c, int *out) {
  ca_for_await (int v, received(c, 3)) {
    *out = v;
    return 1;
  }
  return 0;
}

async int race_next_item(void) {
  int buf[4];
  ca_chan c;
  ca_chan_init(&c, buf, sizeof buf[0], 4);
  for (int i = 7; i < 9; i++)
    ca_chan_try_send(&c, &i);
  for (int k = 0; k < 3; k++) {
    int v = -1, got = 0;
    int w = await(ca_select(got = next_item(&c, &v), ca_sleep_ms(5)));
    if (w == 0)
      printf(" item %d (%d)", v, got);
    else
      printf(" timeout");
  }
  return 0;
}

/* Inside a stream: each item waited for at most ms, the stream ending at
 * the first wait that takes longer. */
async gen int within(ca_chan *c, unsigned ms) {
  for (;;) {
    int v = 0, r = -1;
    int w = await(ca_select(r = ca_chan_recv(c, &v), ca_sleep_ms(ms)));
    if (w != 0 || r != 0)
      break;
    yield(v);
  }
}

async int per_item_timeout(void) {
  int buf[4];
  ca_chan c;
  ca_chan_init(&c, buf, sizeof buf[0], 4);
  for (int i = 1; i < 4; i++)
    ca_chan_try_send(&c, &i);
  int n = 0;
  ca_for_await (int v, within(&c, 5)) {
    printf(" %d", v);
    n++;
  }
  return n;
}

int main(void) {
  printf("abort:");
  ca_block_on(abort_consumer());
  printf("\n");
  // CHECK: abort: got 0 [release 10] got 1 [release 11] got 2 [release 12] abort: [release 1] [release 2]
  printf("race:");
  ca_block_on(race_whole_loop());
  printf("\n");
  // CHECK-NEXT: race: [release 100] timer won: 1, items: some, done: -1 | [release 100] token won: 1, items: some
  printf("next:");
  ca_block_on(race_next_item());
  printf("\n");
  // CHECK-NEXT: next: [release 3] item 7 (1) [release 3] item 8 (1) [release 3] timeout
  printf("within:");
  int n = ca_block_on(per_item_timeout());
  printf(" = %d\n", n);
  // CHECK-NEXT: within: 1 2 3 = 3
  return 0;
}
