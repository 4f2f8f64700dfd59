// <cawait/streams.h> over channels: CA_CHAN_STREAM (the elements of a
// ca_chan, oldest first, until it is closed and drained; a struct element
// type too) and CA_CHAN_MERGE_STREAM (two channels raced with ca_select,
// biased to the first; once one is closed and drained, the other alone).
// The combinators users write over them, as generators: take(n) and a
// filter with a predicate, stacked (an early exit drops both, their
// cleanups innermost first, and no element is taken that was not
// yielded). A stream dropped while it waits (a select it loses, an aborted
// task) has taken nothing: the next stream over the channel goes on from
// the same place. Every adapter iterated here is defined by a macro of the
// header, static; one defined and never used warns about nothing (-Werror).
// RUN: %cawait-cc -std=gnu11 -O1 -Wall -Wextra -Werror %s -o %t
// RUN: %t | FileCheck %s
// RUN: %cawait-cc -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.asan
// RUN: %t.asan | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
// RUN: %cawait-gcc -std=gnu11 -O2 -Wall -Wextra -Werror %s -o %t.gcc
// RUN: %t.gcc | FileCheck %s
#include <cawait.h>
#include <cawait/streams.h>
#include <stdio.h>

struct pt {
  int x, y;
};

CA_CHAN_STREAM(ints, int)
CA_CHAN_STREAM(points, struct pt)
CA_CHAN_MERGE_STREAM(merged, int)
CA_CHAN_STREAM(never_used, long)

static void release(const char **p) { printf(" [release %s]", *p); }

static int even(int v) { return v % 2 == 0; }

/* The elements of c for which keep is true. */
async gen int filter(ca_chan *c, int (*keep)(int)) {
  __attribute__((cleanup(release))) const char *guard = "filter";
  ca_for_await (int v, ints(c))
    if (keep(v))
      yield(v);
}

/* The first n even elements of c. */
async gen int take_evens(ca_chan *c, int n) {
  __attribute__((cleanup(release))) const char *guard = "take";
  if (n <= 0)
    return;
  int k = 0;
  ca_for_await (int v, filter(c, even)) {
    yield(v);
    if (++k == n)
      break;
  }
}

static ca_chan *filled(ca_chan *c, int *buf, int cap, int n) {
  ca_chan_init(c, buf, sizeof buf[0], (size_t)cap);
  for (int i = 0; i < n; i++)
    ca_chan_try_send(c, &i);
  return c;
}

async int all_in_order(void) {
  int buf[8];
  ca_chan c;
  filled(&c, buf, 8, 5);
  ca_chan_close(&c);
  ca_for_await (int v, ints(&c))
    printf(" %d", v);
  struct pt pbuf[4], p = {1, 2};
  ca_chan pc;
  ca_chan_init(&pc, pbuf, sizeof pbuf[0], 4);
  ca_chan_try_send(&pc, &p);
  p.x = 3;
  p.y = 4;
  ca_chan_try_send(&pc, &p);
  ca_chan_close(&pc);
  ca_for_await (struct pt q, points(&pc))
    printf(" (%d,%d)", q.x, q.y);
  return 0;
}

async int take_and_filter(void) {
  int buf[16];
  ca_chan c;
  filled(&c, buf, 16, 10);
  ca_for_await (int v, take_evens(&c, 3)) {
    __attribute__((cleanup(release))) const char *item = "item";
    printf(" %d", v);
  }
  printf(" left %zu:", ca_chan_len(&c));
  ca_for_await (int v, ints(&c)) {
    printf(" %d", v);
    if (v == 6)
      break; /* drops ints at its yield */
  }
  printf(" left %zu", ca_chan_len(&c));
  return 0;
}

/* The first element of c, or 0 when c is closed. */
async int first(ca_chan *c, int *out) {
  ca_for_await (int v, ints(c)) {
    *out = v;
    return 1;
  }
  return 0;
}

async int first_merged(ca_chan *a, ca_chan *b, int *out) {
  ca_for_await (int v, merged(a, b)) {
    *out = v;
    return 1;
  }
  return 0;
}

async int dropped_while_waiting(void) {
  int buf[4], abuf[4], bbuf[4];
  ca_chan c, a, b;
  filled(&c, buf, 4, 0);
  int v = -1, got = 0;
  int w = await(ca_select(got = first(&c, &v), ca_sleep_ms(2)));
  printf(" timer won: %d, left %zu;", w, ca_chan_len(&c));
  int seven = 7;
  ca_chan_try_send(&c, &seven);
  w = await(ca_select(got = first(&c, &v), ca_sleep_ms(1000)));
  printf(" then %d (%d, %d);", v, w, got);
  filled(&a, abuf, 4, 0);
  filled(&b, bbuf, 4, 0);
  w = await(ca_select(got = first_merged(&a, &b, &v), ca_sleep_ms(2)));
  printf(" merged timer won: %d;", w);
  ca_chan_try_send(&b, &seven);
  w = await(ca_select(got = first_merged(&a, &b, &v), ca_sleep_ms(1000)));
  printf(" then %d from b (%d), left %zu %zu", v, w, ca_chan_len(&a),
         ca_chan_len(&b));
  return 0;
}

async int consume(ca_chan *c) {
  __attribute__((cleanup(release))) const char *guard = "consumer";
  ca_for_await (int v, take_evens(c, 100))
    printf(" got %d", v);
  return 0;
}

async int aborted_task(void) {
  int buf[4];
  ca_chan c;
  filled(&c, buf, 4, 0);
  ca_task *t = ca_spawn(consume(&c));
  for (int i = 0; i < 4; i++) {
    await(ca_chan_send(&c, &i));
    await(ca_yield());
  }
  printf(" abort:");
  ca_task_abort(t);
  return 0;
}

/* One producer, alternating between the two channels: the merge hands
 * the elements out as they come. */
async int produce(ca_chan *a, ca_chan *b) {
  for (int i = 0; i < 3; i++) {
    int va = 10 + i, vb = 20 + i;
    await(ca_chan_send(a, &va));
    await(ca_yield());
    await(ca_chan_send(b, &vb));
    await(ca_yield());
  }
  ca_chan_close(a);
  for (int i = 3; i < 5; i++) {
    int vb = 20 + i;
    await(ca_chan_send(b, &vb));
    await(ca_yield());
  }
  ca_chan_close(b);
  return 0;
}

async int merge_two(void) {
  int abuf[1], bbuf[1];
  ca_chan a, b;
  filled(&a, abuf, 1, 0);
  filled(&b, bbuf, 1, 0);
  ca_task *t = ca_spawn(produce(&a, &b));
  ca_for_await (int v, merged(&a, &b))
    printf(" %d", v);
  int rc = -1;
  await(ca_task_join(t, &rc));
  printf(" end (%d)", rc);
  /* Both ready: biased to the first. */
  int pa[4], pb[4];
  filled(&a, pa, 4, 3);
  filled(&b, pb, 4, 3);
  ca_chan_close(&a);
  ca_chan_close(&b);
  printf(" |");
  ca_for_await (int v, merged(&b, &a))
    printf(" %d", v);
  return 0;
}

int main(void) {
  printf("order:");
  ca_block_on(all_in_order());
  printf("\n");
  // CHECK: order: 0 1 2 3 4 (1,2) (3,4)
  printf("take:");
  ca_block_on(take_and_filter());
  printf("\n");
  // CHECK-NEXT: take: 0 [release item] 2 [release item] 4 [release item] [release filter] [release take] left 5: 5 6 left 3
  printf("dropped:");
  ca_block_on(dropped_while_waiting());
  printf("\n");
  // CHECK-NEXT: dropped: timer won: 1, left 0; then 7 (0, 1); merged timer won: 1; then 7 from b (0), left 0 0
  printf("abort:");
  ca_block_on(aborted_task());
  printf("\n");
  // CHECK-NEXT: abort: got 0 got 2 abort: [release filter] [release take] [release consumer]
  printf("merge:");
  ca_block_on(merge_two());
  printf("\n");
  // CHECK-NEXT: merge: 10 20 11 21 12 22 23 24 end (0) | 0 1 2 0 1 2
  return 0;
}
