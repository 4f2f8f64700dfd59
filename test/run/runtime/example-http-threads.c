// examples/http.c on two threads (--threads 2): thread-per-core, each
// thread its own executor and SO_REUSEPORT listener on one port.
// The self-test (no port): its clients on thread 0, 32 more connections
// the kernel spreads over both listeners; the stop of thread 0 reaches
// thread 1 through its ca_remote_chan inbox (an idle kept-alive connection
// is closed wherever it is); both threads served requests; no socket left
// open. Clean under ASan+UBSan, valgrind and TSan.
// Server mode (this file is its client, plain blocking C): 40 connections
// of one request, then SIGINT, which thread 0 takes (the other thread
// blocks it) and passes on: both threads stop and print their counts.
// RUN: %cawait-cc -Wall -Werror -gdwarf-4 %S/../../../examples/http.c -o %t.server
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %S/../../../examples/http.c -o %t.server.san
// RUN: %cawait-cc %tsan_flags %S/../../../examples/http.c -o %t.server.tsan
// RUN: %t.server --threads 2 | FileCheck %s --check-prefix=SELF
// RUN: %t.server.san --threads 2 | FileCheck %s --check-prefix=SELF
// RUN: %t.server.tsan --threads 2 | FileCheck %s --check-prefix=SELF
// RUN: %valgrind %t.server --threads 2 | FileCheck %s --check-prefix=SELF
// RUN: %clang -std=gnu11 -O1 -Wall -Werror %s -o %t
// RUN: %t %t.server | FileCheck %s
// RUN: %t %t.server.san | FileCheck %s
// RUN: %t %t.server.tsan | FileCheck %s
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#define CONNECTIONS 40

/* One connection, `GET /` with Connection: close: 1 when the answer is a
 * 200 and the server then closed. */
static int get(int port) {
  static const char req[] =
      "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons(port)};
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct timeval tv = {.tv_sec = 10};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0 ||
      send(fd, req, sizeof req - 1, MSG_NOSIGNAL) != sizeof req - 1) {
    perror("connect");
    return 0;
  }
  char buf[1024];
  size_t len = 0;
  long r;
  while (len < sizeof buf - 1 &&
         (r = read(fd, buf + len, sizeof buf - 1 - len)) > 0)
    len += (size_t)r;
  buf[len] = '\0';
  close(fd);
  return strncmp(buf, "HTTP/1.1 200 OK\r\n", 17) == 0 && r == 0;
}

int main(int argc, char **argv) {
  int out[2];
  if (argc < 2 || pipe(out) < 0)
    return 2;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], 1);
    close(out[0]);
    close(out[1]);
    execl(argv[1], argv[1], "--threads", "2", "0", (char *)NULL);
    _exit(127);
  }
  close(out[1]);
  FILE *server = fdopen(out[0], "r");
  char line[256];
  int port, threads;
  if (!fgets(line, sizeof line, server) ||
      sscanf(line, "serving http://127.0.0.1:%d/ on %d threads", &port,
             &threads) != 2) {
    printf("no server\n");
    return 1;
  }
  printf("server listening on %d threads\n", threads);
  int ok = 0;
  for (int i = 0; i < CONNECTIONS; i++)
    ok += get(port);
  printf("%d of %d requests answered 200\n", ok, CONNECTIONS);
  fflush(stdout);
  kill(pid, SIGINT);
  while (fgets(line, sizeof line, server))
    fputs(line, stdout);
  int status;
  waitpid(pid, &status, 0);
  printf("server exit: %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  return 0;
}
// SELF:      one kept-alive connection:
// SELF:      stop: the idle kept-alive connection was closed by the server
// SELF-NEXT: thread 0: {{[0-9]+}} connections, {{[1-9][0-9]*}} requests, 0 refused, 0 aborted
// SELF-NEXT: thread 1: {{[0-9]+}} connections, {{[1-9][0-9]*}} requests, 0 refused, 0 aborted
// SELF-NEXT: server stopped: 39 connections, 46 requests, 0 refused, 0 aborted
// SELF-NEXT: every thread served requests: yes
// SELF-NEXT: sockets left open: 0
// SELF-NEXT: http: ok
// SELF-EMPTY:
// CHECK:      server listening on 2 threads
// CHECK-NEXT: 40 of 40 requests answered 200
// CHECK-NEXT: SIGINT: stopping
// CHECK-NEXT: thread 0: {{[0-9]+}} connections, {{[1-9][0-9]*}} requests, 0 refused, 0 aborted
// CHECK-NEXT: thread 1: {{[0-9]+}} connections, {{[1-9][0-9]*}} requests, 0 refused, 0 aborted
// CHECK-NEXT: stopped: 40 connections, 40 requests, 0 refused, 0 aborted
// CHECK-NEXT: every thread served requests: yes
// CHECK-NEXT: server exit: 0
