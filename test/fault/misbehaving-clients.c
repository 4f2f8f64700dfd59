// Faults: one echo server (a task per connection) serves well-behaved
// clients while others misbehave: one resets the connection while the
// server writes to it (SO_LINGER 0, then close), one half-closes and must
// still get all its echo and then EOF, one sends a byte at a time, one
// never reads (the server's writes to it block only its own task; at the
// end the server drops it, closing its socket, and the client's write
// fails). The server sees resets as negative errno values, also when it
// writes again (-EPIPE, never SIGPIPE); no descriptor is left open. Sizes from argv: good clients, their bytes, dribbled bytes.
// RUN: %cawait-cc -O2 -Wall -Werror -gdwarf-4 -I%S/Inputs %s %S/Inputs/echo.c -o %t
// RUN: %t 16 262144 2000 | FileCheck %s
// RUN: %cawait-cc -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -I%S/Inputs %s %S/Inputs/echo.c -o %t.san
// RUN: %t.san 16 262144 2000 | FileCheck %s
// RUN: %valgrind %t 8 131072 1000 | FileCheck %s
// CHECK:      good clients: all served
// CHECK-NEXT: half-closing client: all its echo back, then EOF
// CHECK-NEXT: byte-at-a-time client: all its echo back, then EOF
// CHECK-NEXT: resetting client: server saw -ECONNRESET or -EPIPE
// CHECK-NEXT: never-reading client: still connected after the others ended
// CHECK-NEXT: never-reading client: dropped, its write failed with -ECONNRESET or -EPIPE
// CHECK-NEXT: server connections: [[EOF:[0-9]+]] ended at EOF, 1 reset, 1 dropped, 0 other
// CHECK-NEXT: expected at EOF: [[EOF]]
// CHECK-NEXT: writing to a reset connection: a negative errno, then -EPIPE, no SIGPIPE
// CHECK-NEXT: descriptors left 0
#include "echo.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>

enum { MAX_GOOD = 64, CONNS = MAX_GOOD + 4 };
static int status[CONNS];         /* how each server connection ended */
static ca_task *conn_task[CONNS]; /* each connection's task */

/* Well-behaved: writes a piece, reads its echo back, and so on; closes
 * having read everything (the server sees EOF). 0 or nonzero. */
async int good_client(int port, int id, size_t bytes) {
  __attribute__((cleanup(close_io))) ca_io c = {.fd = -1};
  if (await(ca_tcp_connect(&c, "127.0.0.1", port)) < 0)
    return -1;
  unsigned char buf[5000];
  for (size_t done = 0; done < bytes;) {
    size_t n = bytes - done < sizeof buf ? bytes - done : sizeof buf;
    for (size_t i = 0; i < n; i++)
      buf[i] = pattern(id, done + i);
    if (await(ca_write_all(&c, buf, n)) < 0)
      return -1;
    for (size_t got = 0; got < n;) {
      long r = await(ca_read(&c, buf + got, n - got));
      if (r <= 0)
        return -1;
      got += (size_t)r;
    }
    for (size_t i = 0; i < n; i++)
      if (buf[i] != pattern(id, done + i))
        return -1;
    done += n;
  }
  return 0;
}

/* Writes forever (never reading): returns only the failing write's
 * negative errno. */
async long flood(ca_io *io) {
  static const char junk[65536];
  for (;;) {
    long w = await(ca_write_all(io, junk, sizeof junk));
    if (w < 0)
      return w;
  }
}

/* Closes io's connection with a reset (SO_LINGER 0): 0 or -1. */
static int reset(ca_io *io) {
  struct linger l = {1, 0};
  int rc = setsockopt(io->fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
  return ca_io_close(io) < 0 ? -1 : rc;
}

/* Floods until its writes have blocked for 50 ms (or longer: whatever the
 * server is doing then), then resets the connection. */
async int resetting_client(int port) {
  __attribute__((cleanup(close_io))) ca_io c = {.fd = -1};
  if (await(ca_tcp_connect(&c, "127.0.0.1", port)) < 0)
    return -1;
  if (await(ca_select(flood(&c), ca_sleep_ms(50))) != 1)
    return -1; /* the flood failed: nobody reset it */
  return reset(&c);
}

/* Sends its pattern one byte per write (TCP_NODELAY: a segment each),
 * yielding after each so the server reads them apart; then half-closes. */
async int dribble(ca_io *io, int id, size_t bytes) {
  for (size_t i = 0; i < bytes; i++) {
    unsigned char b = pattern(id, i);
    if (await(ca_write_all(io, &b, 1)) < 0)
      return -1;
    await(ca_yield());
  }
  return ca_shutdown(io, SHUT_WR);
}

static void no_delay(int fd) {
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

async int byte_client(int port, int id, size_t bytes) {
  __attribute__((cleanup(close_io))) ca_io c = {.fd = -1};
  if (await(ca_tcp_connect(&c, "127.0.0.1", port)) < 0)
    return -1;
  no_delay(c.fd);
  int sent = 0, checked = 0;
  await(ca_join(sent = dribble(&c, id, bytes),
                checked = check_pattern(&c, id, bytes)));
  return sent || checked;
}

/* Connects and floods without ever reading: the negative errno its write
 * fails with once the server drops it. */
async long never_reading_client(int port) {
  __attribute__((cleanup(close_io))) ca_io c = {.fd = -1};
  if (await(ca_tcp_connect(&c, "127.0.0.1", port)) < 0)
    return 0;
  return await(flood(&c));
}

static int is_reset(long e) { return e == -ECONNRESET || e == -EPIPE; }
static const char *yes(int ok, const char *what) { return ok ? what : "NO"; }

/* Accepts a connection whose client then resets it, and writes to it: the
 * first write to fail (once the reset arrived) gives a negative errno,
 * the next -EPIPE; neither raises SIGPIPE. 1 when so. */
async int write_after_reset(ca_io *listener, int port) {
  __attribute__((cleanup(close_io))) ca_io c = {.fd = -1};
  __attribute__((cleanup(close_io))) ca_io s = {.fd = -1};
  if (await(ca_tcp_connect(&c, "127.0.0.1", port)) < 0)
    return 0;
  int fd = await(ca_accept(listener));
  if (fd < 0 || ca_io_open(&s, fd) < 0 || reset(&c) < 0)
    return 0;
  long first;
  while ((first = await(ca_write(&s, "x", 1))) >= 0)
    await(ca_sleep_ms(1)); /* the reset is on its way */
  return is_reset(first) && await(ca_write(&s, "x", 1)) == -EPIPE;
}

async int run(int good, size_t bytes, size_t dribbled) {
  __attribute__((cleanup(close_io))) ca_io listener;
  if (ca_tcp_listen(&listener, "127.0.0.1", 0, CONNS) < 0)
    return -1;
  int port = ca_io_port(&listener), conns = good + 4;
  ca_task *srv = ca_spawn(echo_accept(&listener, conns, status, conn_task));
  ca_task *stuck = ca_spawn(never_reading_client(port));
  ca_task *resetting = ca_spawn(resetting_client(port));
  ca_task *half = ca_spawn(echo_client(port, 1000, bytes * 4, 16384));
  ca_task *bytewise = ca_spawn(byte_client(port, 1001, dribbled));
  ca_task *t[MAX_GOOD];
  for (int i = 0; i < good; i++)
    t[i] = ca_spawn(good_client(port, i, bytes));

  int served = 0, half_ok = -1, byte_ok = -1, reset_ok = -1;
  for (int i = 0; i < good; i++) {
    int r = -1;
    await(ca_task_join(t[i], &r));
    served += r == 0;
  }
  await(ca_task_join(half, &half_ok));
  await(ca_task_join(bytewise, &byte_ok));
  await(ca_task_join(resetting, &reset_ok));
  await(ca_task_wait(srv));
  /* Every connection but the never-reading one ends by itself. */
  await(echo_wait(status, conns, 1));
  printf("good clients: %s\n", yes(served == good, "all served"));
  printf("half-closing client: %s\n",
         yes(half_ok == 0, "all its echo back, then EOF"));
  printf("byte-at-a-time client: %s\n",
         yes(byte_ok == 0, "all its echo back, then EOF"));
  int eof = 0, resets = 0, dropped = 0, other = 0;
  for (int i = 0; i < conns; i++) {
    if (status[i] == ECHO_RUNNING) {
      ca_task_abort(conn_task[i]); /* drops it: its socket is closed */
      dropped++;
      continue;
    }
    await(ca_task_wait(conn_task[i]));
    if (status[i] == 0)
      eof++;
    else if (is_reset(status[i]))
      resets++;
    else
      other++;
  }
  printf("resetting client: %s\n",
         yes(reset_ok == 0 && resets == 1, "server saw -ECONNRESET or -EPIPE"));
  printf("never-reading client: %s\n",
         yes(dropped == 1, "still connected after the others ended"));
  long stuck_err = 0;
  await(ca_task_join(stuck, &stuck_err));
  printf("never-reading client: %s\n",
         yes(is_reset(stuck_err),
             "dropped, its write failed with -ECONNRESET or -EPIPE"));
  printf("server connections: %d ended at EOF, %d reset, %d dropped, %d "
         "other\n",
         eof, resets, dropped, other);
  printf("expected at EOF: %d\n", good + 2);
  printf("writing to a reset connection: %s\n",
         yes(await(write_after_reset(&listener, port)),
             "a negative errno, then -EPIPE, no SIGPIPE"));
  return 0;
}

/* A hang fails the test instead of blocking the suite. */
async int run_bounded(int good, size_t bytes, size_t dribbled) {
  int rc = -1;
  if (await(ca_timeout_ms(120000, rc = run(good, bytes, dribbled))))
    printf("timed out\n");
  return rc;
}

int main(int argc, char **argv) {
  int good = argc > 1 ? atoi(argv[1]) : 16;
  size_t bytes = argc > 2 ? strtoul(argv[2], NULL, 0) : 262144;
  size_t dribbled = argc > 3 ? strtoul(argv[3], NULL, 0) : 2000;
  if (good < 1 || good > MAX_GOOD)
    return 1;
  int before = open_fds();
  if (ca_block_on(run_bounded(good, bytes, dribbled)) < 0)
    printf("listen failed or timed out\n");
  printf("descriptors left %d\n", open_fds() - before);
  return 0;
}
