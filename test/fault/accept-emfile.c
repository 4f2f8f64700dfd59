// Faults: accept under a low descriptor limit with more clients than
// descriptors. A forked child lowers the server's limit (argv[2]; 32 as
// `ulimit -Sn 32` would), connects more clients than that (argv[1]) all at
// once, then talks to each in turn and closes it. The server, cawait tasks
// in the parent, meets EMFILE in ca_accept, backs off instead of spinning
// (accept4 is wrapped to count its calls: at most one failing call per
// 5 ms of the run, loosely), and serves every client as the earlier ones
// close. Also: ca_tcp_connect out of descriptors fails with -EMFILE and
// leaves its ca_io closed. No descriptor left open.
//
// The child sets the limit with prlimit(2) rather than the RUN line with
// ulimit: valgrind emulates a process's own descriptor limit (a connection
// the kernel accepted beyond it is closed and reported as EMFILE, so it
// would be lost), and a limit set before the fork would bind the clients.
// RUN: %cawait-cc -O2 -Wall -Werror -gdwarf-4 -Wl,--wrap=accept4 -I%S/Inputs %s %S/Inputs/echo.c -o %t
// RUN: %t 100 32 | FileCheck %s
// RUN: %cawait-cc -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -Wl,--wrap=accept4 -I%S/Inputs %s %S/Inputs/echo.c -o %t.san
// RUN: %t.san 100 32 | FileCheck %s
// RUN: %valgrind %t 100 32 | FileCheck %s
// CHECK:      server's descriptor limit lowered
// CHECK-NEXT: connect out of descriptors: -EMFILE, io closed
// CHECK-NEXT: more clients than descriptors: yes
// CHECK-NEXT: accept met EMFILE: yes
// CHECK-NEXT: accept backed off: yes
// CHECK-NEXT: clients served: all, each ended at EOF
// CHECK-NEXT: client process: all echoes intact
// CHECK-NEXT: descriptors left 0
#define _GNU_SOURCE /* prlimit */
#include "echo.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

enum { MAX_CLIENTS = 1000, MESSAGE = 3000 };

/* Every call of accept4 (the runtime's, linked with --wrap=accept4). */
static unsigned long accepts, accept_emfile;
int __real_accept4(int fd, struct sockaddr *sa, socklen_t *len, int flags);
int __wrap_accept4(int fd, struct sockaddr *sa, socklen_t *len, int flags) {
  accepts++;
  int r = __real_accept4(fd, sa, len, flags);
  if (r < 0 && (errno == EMFILE || errno == ENFILE))
    accept_emfile++;
  return r;
}

/* The client process: connects all, then in turn sends a message to each,
 * reads its echo, checks it and closes. Exits with the failures. */
static _Noreturn void clients_process(int port, int clients) {
  static int fd[MAX_CLIENTS];
  struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons(port)};
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  struct timeval limit = {.tv_sec = 120}; /* a hang fails, not blocks */
  int failed = 0;
  for (int i = 0; i < clients; i++) {
    fd[i] = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    setsockopt(fd[i], SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    if (connect(fd[i], (struct sockaddr *)&sa, sizeof sa) < 0)
      failed++;
  }
  unsigned char out[MESSAGE], in[MESSAGE];
  for (int i = 0; i < clients; i++) {
    for (int k = 0; k < MESSAGE; k++)
      out[k] = pattern(i, (size_t)k);
    size_t got = 0;
    if (write(fd[i], out, MESSAGE) != MESSAGE)
      failed++;
    while (got < MESSAGE) {
      ssize_t n = read(fd[i], in + got, MESSAGE - got);
      if (n <= 0)
        break;
      got += (size_t)n;
    }
    failed += got != MESSAGE || memcmp(in, out, MESSAGE) != 0;
    close(fd[i]);
  }
  _exit(failed > 100 ? 100 : failed);
}

static int status[MAX_CLIENTS]; /* how each server connection ended */

async int serve_all(int listen_fd, int clients) {
  __attribute__((cleanup(close_io))) ca_io listener;
  if (ca_io_open(&listener, listen_fd) < 0) {
    close(listen_fd);
    return -1;
  }
  if (await(echo_accept(&listener, clients, status, NULL)) < 0)
    return -1;
  /* The last connections end at their client's end of stream. */
  await(echo_wait(status, clients, 0));
  return 0;
}

/* A hang fails the test instead of blocking the suite. */
async int serve_all_bounded(int listen_fd, int clients) {
  int rc = -1;
  if (await(ca_timeout_ms(120000, rc = serve_all(listen_fd, clients))))
    printf("timed out\n");
  return rc;
}

/* With every descriptor taken, a connect fails at once, its io closed. */
async int connect_when_full(int port) {
  ca_io c = {.fd = 12345}; /* not a descriptor: must be -1 (closed) after */
  int rc = await(ca_tcp_connect(&c, "127.0.0.1", port));
  printf("connect out of descriptors: %s, %s\n",
         rc == -EMFILE ? "-EMFILE" : "NOT EMFILE",
         c.fd == -1 ? "io closed" : "IO NOT CLOSED");
  return ca_io_close(&c);
}

static int listen_on_loopback(int backlog, int *port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1;
  struct sockaddr_in sa = {.sin_family = AF_INET};
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof sa;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 ||
      listen(fd, backlog) < 0 ||
      getsockname(fd, (struct sockaddr *)&sa, &len) < 0) {
    close(fd);
    return -1;
  }
  *port = ntohs(sa.sin_port);
  return fd;
}

/* Lowers the soft descriptor limit of process pid (from another process:
 * the kernel's, which valgrind does not emulate). 0 or -1. */
static int lower_limit(pid_t pid, rlim_t limit) {
  struct rlimit r;
  if (prlimit(pid, RLIMIT_NOFILE, NULL, &r) < 0)
    return -1;
  r.rlim_cur = limit;
  return prlimit(pid, RLIMIT_NOFILE, &r, NULL);
}

/* Takes every free descriptor (copies of fd) into fds: how many. */
static int exhaust(int fd, int *fds, int max) {
  int n = 0;
  while (n < max && (fds[n] = dup(fd)) >= 0)
    n++;
  return n;
}

int main(int argc, char **argv) {
  int clients = argc > 1 ? atoi(argv[1]) : 100;
  rlim_t limit = argc > 2 ? strtoul(argv[2], NULL, 0) : 32;
  if (clients < 1 || clients > MAX_CLIENTS)
    return 1;
  int before = open_fds(), port;
  int lfd = listen_on_loopback(clients + 8, &port);
  if (lfd < 0)
    return 1;
  int ready[2];
  if (pipe(ready) < 0)
    return 1;
  fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    close(lfd);
    close(ready[0]);
    char lowered = lower_limit(getppid(), limit) == 0;
    if (write(ready[1], &lowered, 1) != 1)
      _exit(100);
    close(ready[1]);
    clients_process(port, clients);
  }
  close(ready[1]);
  char lowered = 0;
  if (read(ready[0], &lowered, 1) != 1)
    lowered = 0;
  close(ready[0]);
  printf("server's descriptor limit %s\n", lowered ? "lowered" : "NOT SET");

  static int taken[MAX_CLIENTS];
  int n = exhaust(lfd, taken, MAX_CLIENTS);
  ca_block_on(connect_when_full(port));
  while (n > 0)
    close(taken[--n]);
  printf("more clients than descriptors: %s\n",
         (rlim_t)clients > limit ? "yes" : "NO");

  uint64_t start = ca_now_ms();
  int rc = child < 0 ? -1 : ca_block_on(serve_all_bounded(lfd, clients));
  uint64_t elapsed = ca_now_ms() - start;
  int child_status = -1;
  if (child > 0)
    waitpid(child, &child_status, 0);

  int eof = 0;
  for (int i = 0; i < clients; i++)
    eof += status[i] == 0;
  printf("accept met EMFILE: %s\n", accept_emfile > 0 ? "yes" : "NO");
  /* ca_accept retries every 10 ms while out of descriptors; a spin would
   * make millions of calls. Each successful call, or one meeting EAGAIN
   * (then waiting for a connection), is at most one per client. */
  unsigned long bound = elapsed / 5 + 2, others = accepts - accept_emfile;
  printf("accept backed off: %s\n",
         accept_emfile <= bound && others <= 2ul * clients + 2 ? "yes" : "NO");
  if (accept_emfile > bound || others > 2ul * clients + 2)
    printf("  %lu calls, %lu out of descriptors, in %llu ms\n", accepts,
           accept_emfile, (unsigned long long)elapsed);
  printf("clients served: %s\n",
         rc == 0 && eof == clients ? "all, each ended at EOF" : "NO");
  printf("client process: %s\n",
         WIFEXITED(child_status) && WEXITSTATUS(child_status) == 0
             ? "all echoes intact"
             : "FAILED");
  printf("descriptors left %d\n", open_fds() - before);
  return 0;
}
