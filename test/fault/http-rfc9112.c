// Faults: examples/http.c in server mode against requests RFC 9112 says a
// server must refuse, sent raw by this client (plain blocking C, no
// cawait). Each case is a fresh connection: the answer's status line,
// whether it says `Connection: close`, how many answers came (a body
// taken for a second request would be smuggled), and whether the server
// then closed. Content-Length that is not a number, spaced before its
// colon, given twice with different values, or beside Transfer-Encoding:
// 400; a NUL byte or an obs-fold: 400; a target longer than the server's
// buffer: 414 at every length; a version that overflows: 400, another
// major version: 505. At the connection cap a new client gets 503 with
// Connection: close, also once the refusing tasks are all busy (it waits
// in the backlog): none is closed unanswered. Then SIGTERM: the server
// stops and counts what it refused. Every answer has a Date (an
// IMF-fixdate of now) and a Server header.
// RUN: %cawait-cc -O1 -Wall -Werror -gdwarf-4 %S/../../examples/http.c -o %t.server
// RUN: %cawait-cc -O1 -fsanitize=address,undefined -fno-sanitize-recover=all %S/../../examples/http.c -o %t.server.san
// RUN: %clang -std=gnu11 -O1 -Wall -Werror %s -o %t
// RUN: %t %t.server | FileCheck %s
// RUN: %t %t.server.san | FileCheck %s
// RUN: %t valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible %t.server | FileCheck %s
// CHECK:      server listening
// CHECK-NEXT: valid GET: HTTP/1.1 200 OK, close, 1 answer, closed
// CHECK-NEXT: headers: Date IMF-fixdate, now, Server cawait-http
// CHECK-NEXT: Content-Length not a number: HTTP/1.1 400 Bad Request, close, 1 answer, closed
// CHECK-NEXT: Content-Length negative: HTTP/1.1 400 Bad Request, close, 1 answer, closed
// CHECK-NEXT: Content-Length with a sign: HTTP/1.1 400 Bad Request, close, 1 answer, closed
// CHECK-NEXT: Content-Length two numbers: HTTP/1.1 400 Bad Request, close, 1 answer, closed
// CHECK-NEXT: Content-Length overflowing: HTTP/1.1 400 Bad Request, close, 1 answer, closed
// CHECK-NEXT: Content-Length spaced before its colon: HTTP/1.1 400 Bad Request, close, 1 answer, closed
// CHECK-NEXT: Content-Length twice, different: HTTP/1.1 400 Bad Request, close, 1 answer, closed
// CHECK-NEXT: Content-Length twice, equal: HTTP/1.1 200 OK, close, 1 answer, closed
// CHECK-NEXT: Content-Length and Transfer-Encoding: HTTP/1.1 400 Bad Request, close, 1 answer, closed
// CHECK-NEXT: any header spaced before its colon: HTTP/1.1 400 Bad Request, close, 1 answer, closed
// CHECK-NEXT: NUL byte in a header: HTTP/1.1 400 Bad Request, close, 1 answer, closed
// CHECK-NEXT: NUL byte in the request line: HTTP/1.1 400 Bad Request, close, 1 answer, closed
// CHECK-NEXT: obs-fold: HTTP/1.1 400 Bad Request, close, 1 answer, closed
// CHECK-NEXT: whitespace before the first header: HTTP/1.1 400 Bad Request, close, 1 answer, closed
// CHECK-NEXT: version minor overflowing: HTTP/1.1 400 Bad Request, close, 1 answer, closed
// CHECK-NEXT: version major overflowing: HTTP/1.1 400 Bad Request, close, 1 answer, closed
// CHECK-NEXT: version with a suffix: HTTP/1.1 400 Bad Request, close, 1 answer, closed
// CHECK-NEXT: version 2.0: HTTP/1.1 505 HTTP Version Not Supported, close, 1 answer, closed
// CHECK-NEXT: two spaces in the request line: HTTP/1.1 400 Bad Request, close, 1 answer, closed
// CHECK-NEXT: targets of 2 to 255 bytes: all HTTP/1.1 404 Not Found
// CHECK-NEXT: targets of 256 to 100000 bytes: all HTTP/1.1 414 URI Too Long, close, closed
// CHECK-NEXT: at the cap: HTTP/1.1 503 Service Unavailable, close, 1 answer, closed
// CHECK-NEXT: refusing tasks busy too: HTTP/1.1 503 Service Unavailable, close, 1 answer, closed
// CHECK-NEXT: below the cap again: HTTP/1.1 200 OK, close, 1 answer, closed
// CHECK-NEXT: SIGTERM: stopping
// CHECK-NEXT: stopped: {{[0-9]+}} connections, {{[0-9]+}} requests, 18 refused, 0 aborted
// CHECK-NEXT: server exit 0
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* examples/http.c's MAX_CONNS and MAX_REFUSING. */
enum { CAP = 64, REFUSING = 16 };

static int port;

static int connect_server(void) {
  struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons(port)};
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct timeval tv = {.tv_sec = 10};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
    perror("connect");
    exit(1);
  }
  return fd;
}

/* What came back on fd until the server closed it (or 10 s passed). */
struct answer {
  char status[64]; /* the first status line, or "nothing" */
  int close;       /* its head says Connection: close */
  int answers;     /* status lines at the start of a line */
  int closed;      /* end of stream (not a timeout or a reset) */
  char date[64];   /* the first answer's Date value, or "" */
  char server[64]; /* its Server value, or "" */
};

/* The value of header `name` in the head starting at buf, or "". */
static void header_value(const char *buf, const char *name, char *out,
                         size_t cap) {
  const char *end = strstr(buf, "\r\n\r\n");
  char key[64];
  snprintf(key, sizeof key, "\r\n%s: ", name);
  const char *at = strstr(buf, key);
  out[0] = '\0';
  if (at && (!end || at < end)) {
    at += strlen(key);
    snprintf(out, cap, "%.*s", (int)strcspn(at, "\r\n"), at);
  }
}

static void read_answer(int fd, struct answer *a) {
  static char buf[1 << 16];
  size_t len = 0;
  long r;
  while (len < sizeof buf - 1 &&
         (r = read(fd, buf + len, sizeof buf - 1 - len)) > 0)
    len += (size_t)r;
  buf[len] = '\0';
  a->closed = len < sizeof buf - 1 && r == 0;
  a->answers = 0;
  for (char *p = buf; (p = strstr(p, "HTTP/1.1 ")) != NULL; p++)
    a->answers += p == buf || p[-1] == '\n';
  const char *first = len ? buf : "nothing";
  snprintf(a->status, sizeof a->status, "%.*s", (int)strcspn(first, "\r\n"),
           first);
  char *end = strstr(buf, "\r\n\r\n");
  char *conn = strstr(buf, "\r\nConnection: close\r\n");
  a->close = conn && (!end || conn < end);
  header_value(buf, "Date", a->date, sizeof a->date);
  header_value(buf, "Server", a->server, sizeof a->server);
}

/* Sends n bytes on a new connection and reads the answer. */
static void exchange(const char *req, size_t n, struct answer *a) {
  int fd = connect_server();
  for (size_t put = 0; put < n;) {
    long w = send(fd, req + put, n - put, MSG_NOSIGNAL);
    if (w <= 0)
      break; /* the server answered and stopped reading: read that */
    put += (size_t)w;
  }
  read_answer(fd, a);
  close(fd);
}

static void report(const char *what, const struct answer *a) {
  printf("%s: %s, %s, %d answer%s, %s\n", what, a->status,
         a->close ? "close" : "keep-alive", a->answers,
         a->answers == 1 ? "" : "s", a->closed ? "closed" : "STILL OPEN");
  fflush(stdout);
}

static void check(const char *what, const char *req, size_t n) {
  struct answer a;
  exchange(req, n, &a);
  report(what, &a);
}
#define CHECK(what, req) check(what, req, sizeof req - 1)

/* The headers every answer carries (RFC 9110): Date, an IMF-fixdate
 * within a few seconds of this clock, and Server. */
static void check_headers(void) {
  static const char req[] =
      "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  struct answer a;
  exchange(req, sizeof req - 1, &a);
  struct tm tm = {0};
  const char *end = strptime(a.date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  long skew = end && !*end ? (long)(timegm(&tm) - time(NULL)) : 9999;
  printf("headers: Date %s, Server %s\n",
         skew >= -5 && skew <= 5 ? "IMF-fixdate, now" : a.date, a.server);
}

/* GET of a target of n bytes ("/aaa..."). */
static void target_sweep(void) {
  static const size_t lengths[] = {2,   100, 254, 255,  256,  257,   300, 400,
                                   490, 497, 498, 499,  500,  501,   502, 510,
                                   511, 512, 600, 1000, 5000, 100000};
  static char req[100100];
  const char *first_short = NULL, *first_long = NULL;
  char shorts[64] = "", longs[64] = "";
  int bad = 0;
  for (size_t i = 0; i < sizeof lengths / sizeof *lengths; i++) {
    size_t t = lengths[i];
    memcpy(req, "GET /", 5);
    memset(req + 5, 'a', t - 1);
    size_t n = 4 + t;
    n += (size_t)sprintf(req + n,
                         " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    struct answer a;
    exchange(req, n, &a);
    char *seen = t <= 255 ? shorts : longs;
    const char **first = t <= 255 ? &first_short : &first_long;
    if (!*first) {
      snprintf(seen, 64, "%s", a.status);
      *first = seen;
    }
    if (strcmp(a.status, seen) != 0 || (t > 255 && (!a.close || !a.closed))) {
      printf("  target of %zu bytes: %s, %s, %s\n", t, a.status,
             a.close ? "close" : "keep-alive", a.closed ? "closed" : "open");
      bad = 1;
    }
  }
  printf("targets of 2 to 255 bytes: %s %s\n", bad ? "NOT" : "all", shorts);
  printf("targets of 256 to 100000 bytes: %s %s, close, closed\n",
         bad ? "NOT" : "all", longs);
}

/* CAP idle connections, then REFUSING that are answered 503 and never
 * read nor close (their refusing tasks linger), then one more. */
static void connection_cap(void) {
  static const char get[] =
      "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  int idle[CAP], stuck[REFUSING];
  for (int i = 0; i < CAP; i++)
    idle[i] = connect_server();
  struct answer a;
  int fd = connect_server(); /* accepted after the CAP idle ones */
  send(fd, get, sizeof get - 1, MSG_NOSIGNAL);
  read_answer(fd, &a);
  close(fd);
  report("at the cap", &a);
  for (int i = 0; i < REFUSING; i++)
    stuck[i] = connect_server();
  usleep(100 * 1000); /* every refusing task is busy with those */
  fd = connect_server();
  send(fd, get, sizeof get - 1, MSG_NOSIGNAL);
  read_answer(fd, &a);
  close(fd);
  report("refusing tasks busy too", &a);
  for (int i = 0; i < REFUSING; i++)
    close(stuck[i]);
  for (int i = 0; i < CAP; i++)
    close(idle[i]);
  usleep(200 * 1000); /* the server sees them close */
  CHECK("below the cap again", get);
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
    char *args[64];
    int n = 0;
    for (int i = 1; i < argc && n < 60; i++)
      args[n++] = argv[i];
    args[n++] = "0"; /* any free port */
    args[n] = NULL;
    execvp(args[0], args);
    _exit(127);
  }
  close(out[1]);
  FILE *server = fdopen(out[0], "r");
  char line[256];
  if (!fgets(line, sizeof line, server) ||
      sscanf(line, "serving http://127.0.0.1:%d/", &port) != 1) {
    printf("no server: %s\n", line);
    return 1;
  }
  printf("server listening\n");

#define H "Host: x\r\n"
  CHECK("valid GET", "GET / HTTP/1.1\r\n" H "Connection: close\r\n\r\n");
  check_headers();
  CHECK("Content-Length not a number",
        "GET / HTTP/1.1\r\n" H "Content-Length: abc\r\n\r\n"
        "GET /smuggled HTTP/1.1\r\n" H "\r\n");
  CHECK("Content-Length negative",
        "GET / HTTP/1.1\r\n" H "Content-Length: -5\r\n\r\nhello");
  CHECK("Content-Length with a sign",
        "GET / HTTP/1.1\r\n" H "Content-Length: +5\r\n\r\nhello");
  CHECK("Content-Length two numbers",
        "GET / HTTP/1.1\r\n" H "Content-Length: 5 5\r\n\r\nhello");
  CHECK("Content-Length overflowing",
        "GET / HTTP/1.1\r\n" H
        "Content-Length: 99999999999999999999999999\r\n\r\nhello");
  CHECK("Content-Length spaced before its colon",
        "GET / HTTP/1.1\r\n" H "Content-Length : 23\r\n\r\n"
        "GET /smuggled HTTP/1.1\r\n\r\n");
  CHECK("Content-Length twice, different",
        "GET / HTTP/1.1\r\n" H "Content-Length: 5\r\nContent-Length: 0\r\n"
        "\r\nhello");
  CHECK("Content-Length twice, equal",
        "GET / HTTP/1.1\r\n" H "Content-Length: 5\r\nContent-Length: 5\r\n"
        "\r\nhello");
  CHECK("Content-Length and Transfer-Encoding",
        "GET / HTTP/1.1\r\n" H "Content-Length: 5\r\n"
        "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
  CHECK("any header spaced before its colon",
        "GET / HTTP/1.1\r\n" H "Connection : close\r\n\r\n");
  CHECK("NUL byte in a header", "GET / HTTP/1.1\r\n" H "X-A: a\0b\r\n\r\n");
  CHECK("NUL byte in the request line", "GET /\0 HTTP/1.1\r\n" H "\r\n");
  CHECK("obs-fold", "GET / HTTP/1.1\r\n" H "X-A: a\r\n  b\r\n\r\n");
  CHECK("whitespace before the first header", "GET / HTTP/1.1\r\n " H "\r\n");
  CHECK("version minor overflowing",
        "GET / HTTP/1.99999999999999999999\r\n" H "\r\n");
  CHECK("version major overflowing",
        "GET / HTTP/99999999999999999999.1\r\n" H "\r\n");
  CHECK("version with a suffix", "GET / HTTP/1.1x\r\n" H "\r\n");
  CHECK("version 2.0", "GET / HTTP/2.0\r\n" H "\r\n");
  CHECK("two spaces in the request line", "GET  / HTTP/1.1\r\n" H "\r\n");
  target_sweep();
  connection_cap();

  kill(pid, SIGTERM);
  while (fgets(line, sizeof line, server))
    fputs(line, stdout);
  int st = 0;
  waitpid(pid, &st, 0);
  printf("server exit %d\n",
         WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
  return 0;
}
