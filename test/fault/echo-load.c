// Load: N concurrent echo connections on loopback (from argv: 1,000 of
// 1 MiB each in the plain build, 1,000 of 256 KiB under ASan+UBSan, 200 of
// 128 KiB under valgrind), server and clients all cawait tasks of one
// process, clients sending and reading concurrently; every byte checked
// against its pattern, every connection ending at its client's end of
// stream, no descriptor left open.
// RUN: %cawait-cc -O2 -Wall -Werror -gdwarf-4 -I%S/Inputs %s %S/Inputs/echo.c -o %t
// RUN: %t 1000 1048576 | FileCheck %s --check-prefix=FULL
// RUN: %cawait-cc -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -I%S/Inputs %s %S/Inputs/echo.c -o %t.san
// RUN: %t.san 1000 262144 | FileCheck %s --check-prefix=SAN
// RUN: %valgrind %t 200 131072 | FileCheck %s --check-prefix=VG
// FULL: 1000 connections of 1048576 bytes: 1000 echoed intact, 1000 ended at EOF, descriptors left 0
// SAN: 1000 connections of 262144 bytes: 1000 echoed intact, 1000 ended at EOF, descriptors left 0
// VG: 200 connections of 131072 bytes: 200 echoed intact, 200 ended at EOF, descriptors left 0
#include "echo.h"

#include <string.h>

enum { MAX_CONNS = 1000 };
static int status[MAX_CONNS]; /* how each server connection ended */

async int run(int conns, size_t bytes) {
  __attribute__((cleanup(close_io))) ca_io listener;
  int rc = ca_tcp_listen(&listener, "127.0.0.1", 0, MAX_CONNS + 24);
  if (rc < 0) {
    printf("listen: %s\n", strerror(-rc));
    return 0;
  }
  int port = ca_io_port(&listener);
  ca_task *srv = ca_spawn(echo_accept(&listener, conns, status, NULL));
  static ca_task *clients[MAX_CONNS];
  for (int i = 0; i < conns; i++) /* different piece sizes */
    clients[i] = ca_spawn(echo_client(port, i, bytes, 16384u << (i % 3)));
  int intact = 0;
  for (int i = 0; i < conns; i++) {
    int r = -1;
    await(ca_task_join(clients[i], &r));
    intact += r == 0;
  }
  await(ca_task_wait(srv));
  /* Each server task ends at its client's end of stream, which came before
   * the client's own end of stream: wait for the last to see it. */
  await(echo_wait(status, conns, 0));
  return intact;
}

/* A hang fails the test instead of blocking the suite. */
async int run_bounded(int conns, size_t bytes) {
  int intact = 0;
  if (await(ca_timeout_ms(300000, intact = run(conns, bytes))))
    printf("timed out\n");
  return intact;
}

int main(int argc, char **argv) {
  int conns = argc > 1 ? atoi(argv[1]) : MAX_CONNS;
  size_t bytes = argc > 2 ? strtoul(argv[2], NULL, 0) : 1u << 20;
  if (conns < 1 || conns > MAX_CONNS || want_fds(2u * conns + 64) < 0) {
    printf("cannot run %d connections\n", conns);
    return 1;
  }
  int before = open_fds();
  int intact = ca_block_on(run_bounded(conns, bytes));
  int eof = 0;
  for (int i = 0; i < conns; i++)
    eof += status[i] == 0;
  printf("%d connections of %zu bytes: %d echoed intact, %d ended at EOF, "
         "descriptors left %d\n",
         conns, bytes, intact, eof, open_fds() - before);
  return 0;
}
