// Two frames waiting on one direction of one ca_io: the second aborts when
// it would wait, naming its operation, the direction and the fd, instead
// of taking the first one's place (which then slept for ever: one byte
// wakes one reader, and the other never woke). Reads in a ca_join (two
// branches of one task), reads in two tasks, and accepts on one listener.
// A reader and a writer at once, and readers one after the other (the
// first completed, even without being woken), are fine.
// RUN: %cawait-cc -Wall -Werror %s -o %t
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san
// RUN: not --crash %t join 2>&1 | FileCheck %s --check-prefix=JOIN
// RUN: not --crash %t.san join 2>&1 | FileCheck %s --check-prefix=JOIN
// RUN: not --crash %t tasks 2>&1 | FileCheck %s --check-prefix=TASKS
// RUN: not --crash %t.san tasks 2>&1 | FileCheck %s --check-prefix=TASKS
// RUN: not --crash %t accept 2>&1 | FileCheck %s --check-prefix=ACCEPT
// RUN: %t ok | FileCheck %s --check-prefix=OK
// RUN: %valgrind %t ok | FileCheck %s --check-prefix=OK
#include "../Inputs/socket-pair.h"
#include <cawait.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

async long read_one(ca_io *io) {
  char c;
  return await(ca_read(io, &c, 1));
}

async int accept_one(ca_io *l) { return await(ca_accept(l)); }

/* Sends one byte to b after a while: one reader wakes. */
async void send_later(ca_io *b) {
  await(ca_sleep_ms(5));
  await(ca_write(b, "x", 1));
}

async void two_reads(ca_io *a, ca_io *b, long *r1, long *r2) {
  await(ca_join(*r1 = read_one(a), *r2 = read_one(a), send_later(b)));
}

async void two_accepts(ca_io *l, int *f1, int *f2) {
  await(ca_join(*f1 = accept_one(l), *f2 = accept_one(l)));
}

async int run(const char *mode) {
  ca_io a, b;
  long r1 = 0, r2 = 0;
  if (socket_pair(&a, &b) < 0)
    return 1;
  if (!strcmp(mode, "join")) {
    printf("two reads in a join\n");
    int timed_out = await(ca_timeout_ms(200, two_reads(&a, &b, &r1, &r2)));
    printf("lost a wake-up: timed out %d, %ld %ld\n", timed_out, r1, r2);
  } else if (!strcmp(mode, "tasks")) {
    printf("two reading tasks\n");
    ca_task *t1 = ca_spawn(read_one(&a));
    ca_task *t2 = ca_spawn(read_one(&a));
    await(ca_sleep_ms(1));
    printf("lost a wake-up\n");
    ca_task_abort(t1);
    ca_task_abort(t2);
  } else if (!strcmp(mode, "accept")) {
    ca_io l;
    ca_tcp_listen(&l, NULL, 0, 4);
    printf("two accepts\n");
    int f1 = 0, f2 = 0;
    await(ca_timeout_ms(50, two_accepts(&l, &f1, &f2)));
    printf("lost a wake-up %d %d\n", f1, f2);
  } else {
    /* A reader and a writer at once; then two reads one after the other,
     * the first completing at once (data already there). */
    char big[1 << 16];
    memset(big, 'y', sizeof big);
    long w = 0;
    await(ca_join(r1 = read_one(&a), w = ca_write_all(&a, big, sizeof big),
                  send_later(&b)));
    write(b.fd, "zz", 2);
    r2 = await(read_one(&a));
    ca_task *t = ca_spawn(read_one(&a));
    long r3 = 0;
    await(ca_sleep_ms(1));
    await(ca_write(&b, "w", 1));
    await(ca_task_join(t, &r3));
    printf("ok %ld %ld %ld %ld\n", r1, w, r2, r3);
  }
  ca_io_close(&a);
  ca_io_close(&b);
  return 0;
}

int main(int argc, char **argv) {
  return ca_block_on(run(argc > 1 ? argv[1] : "ok"));
}

// JOIN:      two reads in a join
// JOIN-NEXT: cawait: ca_read: another frame is already waiting to read fd {{[0-9]+}} (one reader and one writer per ca_io at a time)
// TASKS:      two reading tasks
// TASKS-NEXT: cawait: ca_read: another frame is already waiting to read fd {{[0-9]+}} (one reader and one writer per ca_io at a time)
// ACCEPT:      two accepts
// ACCEPT-NEXT: cawait: ca_accept: another frame is already waiting to read fd {{[0-9]+}} (one reader and one writer per ca_io at a time)
// OK: ok 1 65536 1 1
