// Branches of ca_join and ca_select may be calls through async function
// pointers: the callee's frame in the pointer's budget inside the
// combinator's storage, or boxed (issue "Generators, async streams and
// sinks", item 3: a Tee sink over two sink interfaces). The join is
// differential; the select's loser through a pointer is dropped (its
// cleanup runs, its box freed: ASan and valgrind see no leak); in-place
// branches allocate nothing (malloc aborts while they run).
// RUN: %differential %s %t -DJOIN_ONLY | FileCheck %s --check-prefix=JOIN
// RUN: %cawait-cc -Wall -Werror %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-dump=discover,layout %s 2>&1 | FileCheck %s --check-prefix=DUMP -DFILE=%s
#include <cawait.h>
#include <cawait/dump.h>
#include <stdio.h>

#if defined(__SANITIZE_ADDRESS__) /* gcc */
#define UNDER_ASAN 1
#elif defined(__has_feature) /* clang */
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifdef UNDER_ASAN
static int forbidden; /* ASan owns malloc */
#else
#include "../Inputs/forbid-malloc.h"
#endif

/* An async sink: send(v) returns 0 once v is taken. */
typedef struct sink sink;
typedef async_budget(64) int send_fn(sink *s, int v);
struct sink {
  send_fn *send;
  const char *name;
  int total;
};

async int log_send(sink *s, int v) {
  await(ca_yield());
  s->total += v;
  printf("%s got %d\n", s->name, v);
  return 0;
}

static void bye(sink **s) { printf("%s dropped\n", (*s)->name); }

async int slow_send(sink *s, int v) {
  __attribute__((cleanup(bye))) sink *self = s;
  await(ca_sleep_ms(10000));
  self->total += v;
  return 0;
}

/* The Tee: every value to both sinks, concurrently. */
typedef struct tee {
  sink *a, *b;
} tee;

async int tee_send(tee *t, int v) {
  int ra = -1, rb = -1;
  await(ca_join(ra = t->a->send(t->a, v), rb = t->b->send(t->b, v)));
  return ra | rb;
}

// DUMP:      async 'tee_send' at [[FILE]]:[[#@LINE-6]]:11: may suspend
// DUMP-NEXT:   await 1 at [[FILE]]:[[#@LINE-5]]:3: ca_join of 2, statement
// DUMP-NEXT:     branch 0 at [[FILE]]:[[#@LINE-6]]:22: call through 'send' (in place, budget 64), assigned
// DUMP-NEXT:     branch 1 at [[FILE]]:[[#@LINE-7]]:48: call through 'send' (in place, budget 64), assigned

#ifndef JOIN_ONLY
typedef async_boxed int boxed_send_fn(sink *s, int v);

/* A sink that may be slow, against a deadline, through both kinds of
 * pointer: the loser is dropped. */
async int send_or_give_up(send_fn *in_place, boxed_send_fn *boxed, sink *s,
                          int v) {
  int r = -1;
  int k = await(ca_select(r = in_place(s, v), ca_sleep_ms(5)));
  int k2 = await(ca_select(ca_sleep_ms(5), r = boxed(s, v + 1)));
  return k * 10 + k2;
}
// DUMP:      async 'send_or_give_up' at [[FILE]]:[[#@LINE-7]]:11: may suspend
// DUMP-NEXT:   await 1 at [[FILE]]:[[#@LINE-5]]:11: ca_select of 2, initializer
// DUMP-NEXT:     branch 0 at [[FILE]]:[[#@LINE-6]]:31: call through 'in_place' (in place, budget 64), assigned
// DUMP-NEXT:     branch 1 at [[FILE]]:[[#@LINE-7]]:47: call 'ca_sleep_ms' (leaf)
// DUMP-NEXT:   await 2 at [[FILE]]:[[#@LINE-7]]:12: ca_select of 2, initializer
// DUMP-NEXT:     branch 0 at [[FILE]]:[[#@LINE-8]]:28: call 'ca_sleep_ms' (leaf)
// DUMP-NEXT:     branch 1 at [[FILE]]:[[#@LINE-9]]:48: call through 'boxed' (boxed), assigned
#endif

async int run(void) {
  sink log = {log_send, "log", 0}, bcast = {log_send, "broadcast", 0};
  tee t = {&log, &bcast};
  printf("tee\n"); /* stdout's buffer: allocated before malloc aborts */
  forbidden = 1;
  for (int v = 1; v <= 3; v++)
    await(tee_send(&t, v));
  forbidden = 0;
  printf("totals %d %d\n", log.total, bcast.total);
#ifndef JOIN_ONLY
  sink slow = {slow_send, "slow", 0};
  printf("select: %d\n",
         await(send_or_give_up(slow_send, slow_send, &slow, 7)));
  printf("slow total %d\n", slow.total);
  printf("select: %d\n", await(send_or_give_up(log_send, log_send, &log, 8)));
#endif
  return 0;
}

int main(void) { return ca_block_on(run()); }
// The budgets inside the combinators' storage: 64 bytes and the ops
// pointer, aligned for any type; a boxed call keeps two pointers.
// DUMP:      === layout
// DUMP:      async 'tee_send' at [[FILE]]:{{[0-9]+}}:11: size 224, align 16, lower bound 221, without overlap 224
// DUMP:        await 1 ca_join of 2: offset 0, size 208, align 16
// DUMP-NEXT:     branch 0 in-place budget of 'send': offset 32, size 80, align 16
// DUMP-NEXT:     branch 0 result: offset 192, size 4, align 4
// DUMP-NEXT:     branch 1 in-place budget of 'send': offset 112, size 80, align 16
// DUMP-NEXT:     branch 1 result: offset 196, size 4, align 4
// DUMP:        await 1 ca_select of 2: offset 0, size 144, align 16
// DUMP-NEXT:     branch 0 in-place budget of 'in_place': offset 32, size 80, align 16
// DUMP-NEXT:     branch 1 frame of 'ca_sleep_ms': offset 112, size 32, align 8
// DUMP-NEXT:   await 2 ca_select of 2: offset 0, size 80, align 8
// DUMP-NEXT:     branch 0 frame of 'ca_sleep_ms': offset 32, size 32, align 8
// DUMP-NEXT:     branch 1 boxed call through 'boxed': offset 64, size 16, align 8
// JOIN:      tee
// JOIN-NEXT: log got 1
// JOIN-NEXT: broadcast got 1
// JOIN-NEXT: log got 2
// JOIN-NEXT: broadcast got 2
// JOIN-NEXT: log got 3
// JOIN-NEXT: broadcast got 3
// JOIN-NEXT: totals 6 6
// JOIN-NEXT: exit=0
// CHECK:      tee
// CHECK-NEXT: log got 1
// CHECK-NEXT: broadcast got 1
// CHECK-NEXT: log got 2
// CHECK-NEXT: broadcast got 2
// CHECK-NEXT: log got 3
// CHECK-NEXT: broadcast got 3
// CHECK-NEXT: totals 6 6
// CHECK-NEXT: slow dropped
// CHECK-NEXT: slow dropped
// CHECK-NEXT: select: 10
// CHECK-NEXT: slow total 0
// CHECK-NEXT: log got 8
// CHECK-NEXT: log got 9
// CHECK-NEXT: select: 1
// CHECK-EMPTY:
