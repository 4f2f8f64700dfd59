// The reactor: an echo server (a task per connection) and 20 clients in
// one process on loopback, each writing 64 KiB in pieces and reading it
// back while the others run; a client that closes at once, one that
// resets mid-stream; no descriptor left open afterwards, clean under
// ASan+UBSan and valgrind.
// RUN: %cawait-cc -Wall -Werror -gdwarf-4 %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
// RUN: %valgrind %t | FileCheck %s
#include <cawait.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "../Inputs/open-fds.h"

enum { CLIENTS = 20, BYTES = 64 * 1024 };

async long write_all(ca_io *io, const char *p, size_t n) {
  size_t done = 0;
  while (done < n) {
    long w = await(ca_write(io, p + done, n - done));
    if (w < 0)
      return w;
    done += (size_t)w;
  }
  return (long)done;
}

static void close_io(ca_io *io) { ca_io_close(io); }

async void serve(int fd) {
  char buf[4096];
  /* Registered here, where it stays; closed however the task ends (also
   * when it is dropped because ca_block_on returned first). */
  __attribute__((cleanup(close_io))) ca_io conn;
  if (ca_io_open(&conn, fd) < 0)
    return;
  for (;;) {
    long r = await(ca_read(&conn, buf, sizeof buf));
    if (r <= 0 || await(write_all(&conn, buf, (size_t)r)) < 0)
      break;
  }
}

static int served;
async void server(ca_io *listener, int connections) {
  for (int i = 0; i < connections; i++) {
    int fd = await(ca_accept(listener));
    if (fd < 0)
      break;
    served++;
    ca_spawn(serve(fd));
  }
}

async int client(int port, int id) {
  static char out[CLIENTS][BYTES], in[CLIENTS][BYTES];
  ca_io c;
  if (await(ca_tcp_connect(&c, "127.0.0.1", port)) < 0)
    return -1;
  for (int i = 0; i < BYTES; i++)
    out[id][i] = (char)(i * 7 + id);
  size_t got = 0;
  for (size_t sent = 0; sent < BYTES;) {
    size_t piece = BYTES - sent < 5000 ? BYTES - sent : 5000;
    if (await(write_all(&c, out[id] + sent, piece)) < 0)
      break;
    sent += piece;
    while (got < sent) { /* read back what was sent so far */
      long r = await(ca_read(&c, in[id] + got, BYTES - got));
      if (r <= 0)
        break;
      got += (size_t)r;
    }
  }
  ca_io_close(&c);
  return got == BYTES && memcmp(in[id], out[id], BYTES) == 0 ? 0 : -1;
}

async int rude_clients(int port) {
  ca_io a, b;
  int rc = await(ca_tcp_connect(&a, "127.0.0.1", port));
  ca_io_close(&a); /* closes at once */
  rc |= await(ca_tcp_connect(&b, "127.0.0.1", port));
  await(write_all(&b, "half a message", 14));
  struct linger l = {1, 0}; /* close with RST */
  setsockopt(b.fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
  ca_io_close(&b);
  return rc;
}

async int run(void) {
  ca_io listener;
  if (ca_tcp_listen(&listener, "127.0.0.1", 0, 64) < 0)
    return -1;
  int port = ca_io_port(&listener);
  ca_task *srv = ca_spawn(server(&listener, CLIENTS + 2));
  ca_task *t[CLIENTS];
  for (int i = 0; i < CLIENTS; i++)
    t[i] = ca_spawn(client(port, i));
  int failed = await(rude_clients(port)) != 0;
  for (int i = 0; i < CLIENTS; i++) {
    int r = -1;
    await(ca_task_join(t[i], &r));
    failed += r != 0;
  }
  await(ca_task_wait(srv));
  ca_io_close(&listener);
  await(ca_sleep_ms(20)); /* the connection tasks see EOF and close */
  return failed;
}

int main(void) {
  int before = open_fds();
  int failed = ca_block_on(run());
  printf("served %d, failed %d, descriptors left %d\n", served, failed,
         open_fds() - before);
  return 0;
}
// CHECK: served 22, failed 0, descriptors left 0
