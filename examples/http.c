/* http.c - an HTTP/1.1 server with keep-alive, and a client that fetches
 * from it, in one program.
 *
 *   ./http          self-test (what `make demo` runs): the server on an
 *                   ephemeral loopback port, clients in the same process
 *                   fetching from it (several requests over one kept-alive
 *                   connection, a 404, `Connection: close`, HTTP/1.0, three
 *                   concurrent clients), then a graceful stop; prints a
 *                   transcript and exits 0 when every answer was right.
 *   ./http 8080 [127.0.0.1]
 *                   serves http://127.0.0.1:8080/ until SIGINT or SIGTERM
 *                   (try `curl -v http://127.0.0.1:8080/`), then stops the
 *                   same way.
 *   ./http --threads N [8080 [127.0.0.1]]
 *                   the same on N threads, thread-per-core (without a
 *                   port: the self-test, its clients on thread 0, and 32
 *                   more connections that the kernel spreads over the
 *                   threads); at the stop, the count of each thread.
 *
 * The server (http_serve): an accept loop raced against a ca_cancel_token
 * with ca_select, and a task per connection (http_conn) in a
 * ca_task_group. A connection reads request heads through a ca_reader
 * (ca_read_line) and answers with ca_write_all. GET / is the page, other
 * paths are 404; HTTP/1.1 keeps the connection alive unless the request
 * says `Connection: close`, HTTP/1.0 closes it unless it says
 * `Connection: keep-alive`. The connection's ca_io has a cleanup that
 * closes it, so a task that is dropped (ca_task_group_abort) closes its socket.
 *
 * The request head is parsed as RFC 9112 asks of a server that may stand
 * behind a proxy (test/fault/http-rfc9112.c): a request line of exactly
 * `method SP target SP HTTP/D.D` (a target longer than the buffer: 414,
 * whatever its length; another major version: 505; anything else: 400);
 * header lines with a NUL byte, a line folded onto the previous one
 * (obs-fold), whitespace before the colon, a Content-Length that is not a
 * number, two that differ, or one beside Transfer-Encoding: 400. An error
 * answer closes the connection after a lingering close (the server shuts
 * its side and reads what the client still sends, for LINGER_MS at most),
 * so that the client reads the answer rather than a reset. A request with
 * a body (Content-Length, Transfer-Encoding) is answered and the
 * connection closed: the body is never taken for the next request.
 *
 * At MAX_CONNS connections a new one is answered 503 with `Connection:
 * close` by a small task of its own (at most MAX_REFUSING at once); when
 * those are busy too, the server stops accepting until one ends, and the
 * kernel's backlog holds the clients: none is closed unanswered.
 *
 * Stopping: the token is cancelled (by the self-test, or by SIGINT or
 * SIGTERM through ca_signal); the accept loop ends and the listener is
 * closed; a connection waiting for (or reading) its next request stops
 * (the token is a branch of that select), one that has read a whole
 * request answers it first; the group is waited for, and aborted after
 * DRAIN_MS.
 *
 * Threads (--threads N, serve_threads): ca_threads_run runs a server per
 * thread, each with its own executor and its own SO_REUSEPORT listener on
 * the one port (the kernel spreads connections over them); nothing is
 * shared but the messages. Thread 0 (main's thread, which opened its
 * listener first to learn the port) waits for a READY from every other
 * thread through its ca_remote_chan inbox, then serves and takes SIGINT
 * and SIGTERM (the other threads block them); it stops the others by
 * closing their inboxes, and a thread whose server stops by itself asks
 * thread 0 to stop all. The counts are read once ca_threads_run returned.
 *
 * The client (http_get, over http_exchange): one request on an open
 * connection; the response's status line, headers (Content-Length,
 * Connection) and body (ca_reader_read for what the reader already holds,
 * then ca_read_exact for the rest). */
#include <cawait.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum {
  MAX_CONNS = 64,      /* connection tasks at once; more are refused */
  MAX_REFUSING = 16,   /* tasks answering 503 at once; more wait */
  LINGER_MS = 1000,    /* an error answer's lingering close, at most */
  LINE_CAP = 512,      /* longest request or header line, with its NUL */
  MAX_HEADERS = 64,    /* header lines of one request */
  IDLE_MS = 10000,     /* a kept-alive connection idle this long is closed */
  DRAIN_MS = 2000,     /* at a stop, connections get this long to finish */
  HANG_GUARD_MS = 5000 /* the self-test's bound on waits that must end */
};

static const char page[] = "<!doctype html>\n"
                           "<title>cawait</title>\n"
                           "<p>Hello from an async C server.</p>\n";
static const char not_found[] = "not found\n";
#define SERVER_NAME "cawait-http"

/* The Date header's value, RFC 9110's IMF-fixdate, formatted again only
 * when the second changes (time(2) is a vDSO read). */
static const char *http_date(void) {
  /* Per thread: the servers of --threads format their own. */
  static _Thread_local char text[32];
  static _Thread_local time_t at = -1;
  time_t now = time(NULL);
  if (now != at) {
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    at = now;
  }
  return text;
}

static void close_io(ca_io *io) { ca_io_close(io); }

/* --------------------------------------------------------------- server */

struct server {
  ca_io listener;       /* taken by http_serve, closed when it stops */
  ca_cancel_token stop; /* cancelled: stop accepting, close idle ones */
  ca_notify ended;      /* a connection or refusing task ended */
  unsigned open;        /* connection tasks running */
  unsigned refusing;    /* refusing tasks running */
  unsigned connections; /* accepted */
  unsigned requests;    /* answered */
  unsigned refused;     /* accepted while MAX_CONNS were open: 503 */
};

struct request {
  char method[8];
  char path[256];
  int keep_alive; /* answer, then read the next request */
  long length;    /* Content-Length, or -1 */
  int chunked;    /* Transfer-Encoding was given */
};

/* Drops the line end ("\r\n" or "\n"). */
static void chomp(char *s) {
  size_t n = strlen(s);
  while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
    s[--n] = '\0';
}

/* A token character (RFC 9110 5.6.2): methods and header names. */
static int is_tchar(unsigned char c) {
  return c > ' ' && c < 127 && !strchr("\"(),/:;<=>?@[\\]{}", c);
}

/* "GET /path HTTP/1.1" (chomped): 0, or the status to answer with. Parsed
 * by hand: sscanf's %d is undefined on a number that overflows. */
static int parse_request_line(const char *line, struct request *rq) {
  size_t m = 0, t = 0;
  while (is_tchar((unsigned char)line[m]))
    m++;
  if (m == 0 || line[m] != ' ')
    return 400;
  const char *target = line + m + 1;
  while ((unsigned char)target[t] > ' ' && target[t] != 127)
    t++;
  if (t == 0 || target[t] != ' ')
    return 400;
  if (t >= sizeof rq->path)
    return 414;
  const char *v = target + t + 1; /* HTTP-version = "HTTP/" DIGIT "." DIGIT */
  if (strncmp(v, "HTTP/", 5) != 0 || v[5] < '0' || v[5] > '9' || v[6] != '.' ||
      v[7] < '0' || v[7] > '9' || v[8] != '\0')
    return 400;
  if (v[5] != '1')
    return 505;
  if (m >= sizeof rq->method)
    return 405; /* no method this long is served */
  memcpy(rq->method, line, m);
  rq->method[m] = '\0';
  memcpy(rq->path, target, t);
  rq->path[t] = '\0';
  rq->keep_alive = v[7] >= '1'; /* HTTP/1.1's default */
  return 0;
}

/* A Content-Length value: 1*DIGIT and nothing else (no sign, no space
 * inside, no overflow), or -1. */
static long parse_length(const char *v, size_t n) {
  long len = 0;
  if (n == 0)
    return -1;
  for (size_t i = 0; i < n; i++) {
    if (v[i] < '0' || v[i] > '9' || len > (LONG_MAX - 9) / 10)
      return -1;
    len = len * 10 + (v[i] - '0');
  }
  return len;
}

/* One header line (chomped): 0, or 400. Connection decides keep-alive; a
 * request body (Content-Length, Transfer-Encoding) is never read, so the
 * connection is closed after the answer instead. */
static int parse_header(const char *line, struct request *rq) {
  size_t name = 0;
  while (is_tchar((unsigned char)line[name]))
    name++;
  /* No name, whitespace before the colon (RFC 9112 5.1), or an obs-fold
   * line, one that starts with whitespace (5.2). */
  if (name == 0 || line[name] != ':')
    return 400;
  const char *value = line + name + 1 + strspn(line + name + 1, " \t");
  size_t vlen = strlen(value);
  while (vlen > 0 && (value[vlen - 1] == ' ' || value[vlen - 1] == '\t'))
    vlen--;
  if (name == 10 && strncasecmp(line, "Connection", 10) == 0) {
    if (vlen == 5 && strncasecmp(value, "close", 5) == 0)
      rq->keep_alive = 0;
    else if (vlen == 10 && strncasecmp(value, "keep-alive", 10) == 0)
      rq->keep_alive = 1;
  } else if (name == 14 && strncasecmp(line, "Content-Length", 14) == 0) {
    long n = parse_length(value, vlen);
    /* Not a number, or two that differ: where the body ends is unclear,
     * which is how requests are smuggled past a proxy. */
    if (n < 0 || (rq->length >= 0 && n != rq->length))
      return 400;
    rq->length = n;
  } else if (name == 17 && strncasecmp(line, "Transfer-Encoding", 17) == 0) {
    rq->chunked = 1;
  }
  if (rq->chunked && rq->length >= 0)
    return 400; /* both (RFC 9112 6.1) */
  if (rq->chunked || rq->length > 0)
    rq->keep_alive = 0;
  return 0;
}

/* Reads one line of a request head into line[LINE_CAP], chomped: 0,
 * `too_long` when it does not fit, 400 when it holds a NUL byte, or -1
 * when the client closed or failed first. */
async int read_head_line(ca_reader *r, char *line, int too_long) {
  long n = await(ca_read_line(r, line, LINE_CAP));
  if (n == -EMSGSIZE)
    return too_long;
  if (n <= 0 || line[n - 1] != '\n')
    return -1; /* closed, failed, or cut by the close */
  if (strlen(line) != (size_t)n)
    return 400; /* a NUL byte */
  chomp(line);
  return 0;
}

/* Reads one request head: 0 (rq filled), the status of an error to
 * answer (then close), or -1 when the client closed or failed first. */
async int read_request(ca_reader *r, struct request *rq) {
  char line[LINE_CAP];
  int rc = await(read_head_line(r, line, 414));
  if (rc)
    return rc;
  if ((rc = parse_request_line(line, rq)) != 0)
    return rc;
  for (int i = 0; i < MAX_HEADERS; i++) {
    if ((rc = await(read_head_line(r, line, 431))) != 0)
      return rc;
    if (line[0] == '\0')
      return 0; /* the empty line ends the head */
    if ((rc = parse_header(line, rq)) != 0)
      return rc;
  }
  return 431;
}

/* The response to rq (or to an error status) in out: its length. */
static size_t format_response(char *out, size_t cap, int status,
                              const struct request *rq) {
  const char *reason = "Bad Request", *type = "text/plain", *body = "";
  size_t len = 0;
  if (status == 0 && strcmp(rq->method, "GET") != 0 &&
      strcmp(rq->method, "HEAD") != 0)
    status = 405;
  if (status == 0 && strcmp(rq->path, "/") == 0) {
    status = 200, reason = "OK", type = "text/html";
    body = page, len = sizeof page - 1;
  } else if (status == 0) {
    status = 404, reason = "Not Found";
    body = not_found, len = sizeof not_found - 1;
  } else if (status == 405)
    reason = "Method Not Allowed";
  else if (status == 503)
    reason = "Service Unavailable";
  else if (status == 414)
    reason = "URI Too Long";
  else if (status == 431)
    reason = "Request Header Fields Too Large";
  else if (status == 505)
    reason = "HTTP Version Not Supported";
  int head = snprintf(out, cap,
                      "HTTP/1.1 %d %s\r\n"
                      "Date: %s\r\n"
                      "Server: " SERVER_NAME "\r\n"
                      "Content-Type: %s\r\n"
                      "Content-Length: %zu\r\n"
                      "Connection: %s\r\n\r\n",
                      status, reason, http_date(), type, len,
                      rq->keep_alive ? "keep-alive" : "close");
  if (strcmp(rq->method, "HEAD") == 0)
    len = 0;
  memcpy(out + head, body, len); /* fits: see the _Static_assert */
  return (size_t)head + len;
}

/* The count of running tasks a connection or refusing task holds: given
 * back by a cleanup, so also when the task is dropped; the accept loop
 * waiting for room is notified. */
struct hold {
  struct server *s;
  unsigned *count; /* &s->open or &s->refusing */
};
static void release_hold(struct hold *h) {
  (*h->count)--;
  ca_notify_one(&h->s->ended);
}

/* Closes the server's side after its last answer: shuts it (the client
 * reads end of stream), then reads and discards what the client still
 * sends, until it closes or LINGER_MS pass. Closing a socket with unread
 * bytes sends a reset, which can destroy the answer before the client
 * reads it (RFC 9112 9.6). */
async void linger_close(ca_io *conn, ca_reader *r) {
  char sink[512];
  ca_shutdown(conn, SHUT_WR);
  uint64_t until = ca_now_ms() + LINGER_MS;
  long n = 1;
  while (n > 0 && ca_now_ms() < until)
    await(ca_select(n = ca_reader_read(r, sink, sizeof sink),
                    ca_sleep_until(until)));
}

/* One connection: requests answered in turn until the client closes, asks
 * to close, or idles IDLE_MS, or the server stops. The socket is closed
 * however the task ends, also when it is dropped. */
async void http_conn(ca_owned(close) int fd, struct server *s) {
  __attribute__((cleanup(release_hold))) struct hold hold = {s, &s->open};
  __attribute__((cleanup(close_io))) ca_io conn;
  if (ca_io_open(&conn, fd) < 0) {
    close(fd);
    return;
  }
  s->connections++;
  char storage[1024], out[512];
  _Static_assert(sizeof page + 260 < sizeof out, "the page fits");
  ca_reader r;
  ca_reader_init(&r, &conn, storage, sizeof storage);
  for (;;) {
    struct request rq = {"", "", 0, -1, 0};
    int status = -1;
    /* Waiting for a request is where a stop or the idle timeout ends a
     * connection; read_request is dropped with the connection. */
    if (await(ca_select(status = read_request(&r, &rq),
                        ca_cancel_token_wait(&s->stop),
                        ca_sleep_ms(IDLE_MS))) != 0 ||
        status < 0)
      return;
    if (status != 0)
      rq.keep_alive = 0;
    size_t n = format_response(out, sizeof out, status, &rq);
    if (await(ca_write_all(&conn, out, n)) < 0)
      return;
    s->requests++;
    if (!rq.keep_alive) {
      await(linger_close(&conn, &r));
      return;
    }
  }
}

/* A connection over MAX_CONNS: answered 503 with Connection: close (before
 * its request is read: a server may answer early), then a lingering close
 * that reads the request. */
async void http_refuse(ca_owned(close) int fd, struct server *s) {
  static const char busy[] = "HTTP/1.1 503 Service Unavailable\r\n"
                             "Server: " SERVER_NAME "\r\n"
                             "Content-Type: text/plain\r\n"
                             "Content-Length: 5\r\n"
                             "Retry-After: 1\r\n"
                             "Connection: close\r\n\r\n"
                             "busy\n";
  __attribute__((cleanup(release_hold))) struct hold hold = {s, &s->refusing};
  __attribute__((cleanup(close_io))) ca_io conn;
  if (ca_io_open(&conn, fd) < 0) {
    close(fd);
    return;
  }
  s->refused++;
  char storage[512];
  ca_reader r;
  ca_reader_init(&r, &conn, storage, sizeof storage);
  if (await(ca_write_all(&conn, busy, sizeof busy - 1)) >= 0)
    await(linger_close(&conn, &r));
}

async void wait_groups(ca_task_group *a, ca_task_group *b) {
  await(ca_join(ca_task_group_wait(a), ca_task_group_wait(b)));
}

/* Accepts connections until s->stop is cancelled, a task per connection
 * (a refusing one past MAX_CONNS; with MAX_REFUSING of those too, it waits
 * for a task to end before accepting again); then closes the listener and
 * waits DRAIN_MS for the tasks, and aborts those left (their cleanups
 * close their sockets). The number aborted. */
async int http_serve(struct server *s) {
  ca_task *slots[MAX_CONNS], *refusing[MAX_REFUSING];
  ca_task_group g, busy;
  ca_task_group_init(&g, slots, MAX_CONNS);
  ca_task_group_init(&busy, refusing, MAX_REFUSING);
  for (;;) {
    if (s->open == MAX_CONNS && s->refusing == MAX_REFUSING) {
      if (await(ca_select(ca_notified(&s->ended),
                          ca_cancel_token_wait(&s->stop))) == 1)
        break;
      continue;
    }
    int fd = -1;
    if (await(ca_select(fd = ca_accept(&s->listener),
                        ca_cancel_token_wait(&s->stop))) == 1)
      break;
    if (fd == -ECONNABORTED)
      continue;
    if (fd < 0) {
      fprintf(stderr, "http: accept: %s\n", strerror(-fd));
      ca_cancel_token_cancel(&s->stop);
      break;
    }
    /* The counts leave room in the group (whose add then only reaps tasks
     * that ended); a failed add aborts the task before it ran, and its
     * frame's ca_owned(close) closes the descriptor. */
    int full = s->open == MAX_CONNS;
    unsigned *count = full ? &s->refusing : &s->open;
    ++*count;
    if (ca_task_group_add(full ? &busy : &g,
                          full ? ca_spawn(http_refuse(fd, s))
                               : ca_spawn(http_conn(fd, s))) < 0)
      --*count;
  }
  ca_io_close(&s->listener);
  if (await(ca_timeout_ms(DRAIN_MS, wait_groups(&g, &busy))))
    return ca_task_group_abort(&g) + ca_task_group_abort(&busy);
  return 0;
}

/* --------------------------------------------------------------- client */

struct response {
  int status;
  long length; /* Content-Length, or -1 */
  int close;   /* Connection: close */
};

/* Sends `head` (a whole request head) on conn and reads the response:
 * its status (res filled, body NUL-terminated), or a negative errno
 * (-EMSGSIZE: the body needs more than cap - 1 bytes; -EPROTO: not a
 * response this client understands). r reads conn, and keeps what follows
 * the response for the next one. */
async int http_exchange(ca_io *conn, ca_reader *r, const char *head,
                        struct response *res, char *body, size_t cap) {
  long n = await(ca_write_all(conn, head, strlen(head)));
  if (n < 0)
    return (int)n;
  char line[LINE_CAP];
  n = await(ca_read_line(r, line, sizeof line));
  if (n <= 0)
    return n < 0 ? (int)n : -EPROTO;
  res->length = -1;
  res->close = 0;
  if (sscanf(line, "HTTP/1.%*d %d", &res->status) != 1)
    return -EPROTO;
  for (;;) {
    n = await(ca_read_line(r, line, sizeof line));
    if (n <= 0)
      return n < 0 ? (int)n : -EPROTO;
    chomp(line);
    if (line[0] == '\0')
      break;
    if (strncasecmp(line, "Content-Length:", 15) == 0)
      res->length = strtol(line + 15, NULL, 10);
    else if (strncasecmp(line, "Connection:", 11) == 0)
      res->close = strcasecmp(line + 11 + strspn(line + 11, " "), "close") == 0;
  }
  if (res->length < 0)
    return -EPROTO;
  if ((size_t)res->length >= cap)
    return -EMSGSIZE;
  size_t want = (size_t)res->length;
  long got = 0;
  if (want > 0) {
    /* What the reader holds first (it may have read past the head), then
     * straight from the socket: the reader is empty by then. */
    got = await(ca_reader_read(r, body, want));
    if (got > 0 && (size_t)got < want) {
      long rest = await(ca_read_exact(conn, body + got, want - (size_t)got));
      got = rest < 0 ? rest : got + rest;
    }
    if (got < 0)
      return (int)got;
    if ((size_t)got < want)
      return -EPROTO; /* closed before the whole body */
  }
  body[got] = '\0';
  return res->status;
}

/* GET path over a kept-alive connection: the status, the body in
 * body[cap] (NUL-terminated), or a negative errno. */
async int http_get(ca_io *conn, ca_reader *r, const char *path, char *body,
                   size_t cap) {
  char head[LINE_CAP];
  if (snprintf(head, sizeof head, "GET %s HTTP/1.1\r\nHost: localhost\r\n\r\n",
               path) >= (int)sizeof head)
    return -ENAMETOOLONG;
  struct response res;
  return await(http_exchange(conn, r, head, &res, body, cap));
}

/* ------------------------------------------------------------ self-test */

/* "200, 93 bytes (the page)", "404, 10 bytes: not found", "-104 (...)". */
static void describe(char *out, size_t cap, int status, const char *body) {
  if (status < 0)
    snprintf(out, cap, "error %s", strerror(-status));
  else if (strcmp(body, page) == 0)
    snprintf(out, cap, "%d, %zu bytes (the page)", status, strlen(body));
  else
    snprintf(out, cap, "%d, %zu bytes: %.*s", status, strlen(body),
             (int)strcspn(body, "\n"), body);
}

/* A client's connection and the reader over it (which must stay in
 * place: use it where it was connected). */
struct http_client {
  ca_io conn;
  ca_reader r;
  char storage[1024]; /* the reader's buffer */
};
static void http_client_close(struct http_client *c) { ca_io_close(&c->conn); }

/* Connects c to 127.0.0.1:port: 0 or a negative errno (c->conn closed). */
async int http_connect(struct http_client *c, int port) {
  int rc = await(ca_tcp_connect(&c->conn, "127.0.0.1", port));
  ca_reader_init(&c->r, &c->conn, c->storage, sizeof c->storage);
  return rc;
}

/* Several requests over one kept-alive connection, a 404 among them. */
async int keep_alive_client(int port) {
  static const char *const paths[] = {"/", "/missing", "/", "/index.html", "/"};
  static const int expect[] = {200, 404, 200, 404, 200};
  __attribute__((cleanup(http_client_close))) struct http_client c;
  if (await(http_connect(&c, port)) < 0)
    return 1;
  char body[256], said[128];
  int failed = 0;
  printf("one kept-alive connection:\n");
  for (int i = 0; i < 5; i++) {
    int status = await(http_get(&c.conn, &c.r, paths[i], body, sizeof body));
    describe(said, sizeof said, status, body);
    printf("  GET %s -> %s\n", paths[i], said);
    failed += status != expect[i];
  }
  return failed;
}

/* A request after which the server must close the connection. */
async int closing_client(int port, const char *what, const char *head) {
  __attribute__((cleanup(http_client_close))) struct http_client c;
  if (await(http_connect(&c, port)) < 0)
    return 1;
  char body[256], said[128];
  struct response res;
  int status =
      await(http_exchange(&c.conn, &c.r, head, &res, body, sizeof body));
  describe(said, sizeof said, status, body);
  long n = -1;
  int hung = await(ca_timeout_ms(HANG_GUARD_MS,
                                 n = ca_reader_read(&c.r, body, sizeof body)));
  printf("%s -> %s, Connection: %s, then %s\n", what, said,
         res.close ? "close" : "keep-alive",
         !hung && n == 0 ? "end of stream" : "STILL OPEN");
  return status != 200 || !res.close || hung || n != 0;
}

/* A client of several at once: GET / and GET /client/<id>. */
async int concurrent_client(int port, int id, char *said, size_t cap) {
  __attribute__((cleanup(http_client_close))) struct http_client c;
  if (await(http_connect(&c, port)) < 0)
    return 1;
  char body[256], path[32], a[64], b[64];
  snprintf(path, sizeof path, "/client/%d", id);
  int s1 = await(http_get(&c.conn, &c.r, "/", body, sizeof body));
  describe(a, sizeof a, s1, body);
  int s2 = await(http_get(&c.conn, &c.r, path, body, sizeof body));
  describe(b, sizeof b, s2, body);
  snprintf(said, cap, "client %d: GET / -> %s; GET %s -> %s", id, a, path, b);
  return s1 != 200 || s2 != 404;
}

/* Fetches from the server on port, then stops it through s->stop while a
 * kept-alive connection is idle: the server closes it. */
async int self_test(struct server *s, int port) {
  int failed = await(keep_alive_client(port));
  failed += await(closing_client(
      port, "GET / with Connection: close",
      "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
  failed += await(
      closing_client(port, "GET / over HTTP/1.0", "GET / HTTP/1.0\r\n\r\n"));

  char said[3][160];
  int a = 1, b = 1, d = 1;
  await(ca_join(a = concurrent_client(port, 0, said[0], sizeof said[0]),
                b = concurrent_client(port, 1, said[1], sizeof said[1]),
                d = concurrent_client(port, 2, said[2], sizeof said[2])));
  printf("three clients at once:\n");
  for (int i = 0; i < 3; i++)
    printf("  %s\n", said[i]);
  failed += a + b + d;

  __attribute__((cleanup(http_client_close))) struct http_client idle;
  if (await(http_connect(&idle, port)) < 0)
    return failed + 1;
  char body[256];
  failed += await(http_get(&idle.conn, &idle.r, "/", body, sizeof body)) != 200;
  ca_cancel_token_cancel(&s->stop);
  long n = -1;
  int hung = await(ca_timeout_ms(
      HANG_GUARD_MS, n = ca_reader_read(&idle.r, body, sizeof body)));
  printf("stop: the idle kept-alive connection %s\n",
         !hung && n == 0 ? "was closed by the server" : "STAYED OPEN");
  return failed + (hung || n != 0);
}

/* Open descriptors (entries of /proc/self/fd), or only the sockets among
 * them, to compare before and after. */
static int open_fds(int sockets_only) {
  int n = 0;
  DIR *d = opendir("/proc/self/fd");
  struct dirent *e;
  char path[64], target[64];
  if (!d)
    return -1;
  while ((e = readdir(d))) {
    snprintf(path, sizeof path, "/proc/self/fd/%s", e->d_name);
    ssize_t len = sockets_only ? readlink(path, target, sizeof target - 1) : 0;
    n += !sockets_only || (len > 7 && strncmp(target, "socket:", 7) == 0);
  }
  closedir(d);
  return n;
}

async int run_self_test(void) {
  struct server s = {0};
  int rc = ca_tcp_listen(&s.listener, "127.0.0.1", 0, 64);
  if (rc < 0) {
    printf("listen: %s\n", strerror(-rc));
    return 1;
  }
  int port = ca_io_port(&s.listener);
  int aborted = -1, failed = 1;
  await(ca_join(aborted = http_serve(&s), failed = self_test(&s, port)));
  printf("server stopped: %u connections, %u requests, %u aborted\n",
         s.connections, s.requests, (unsigned)aborted);
  return failed || aborted != 0;
}

/* ---------------------------------------------------------- server mode */

/* Cancels stop at SIGINT or SIGTERM (or returns when it is cancelled). */
async void stop_on_signal(ca_cancel_token *stop) {
  int signo = 0;
  await(ca_select(signo = ca_signal(SIGINT), signo = ca_signal(SIGTERM),
                  ca_cancel_token_wait(stop)));
  if (signo > 0)
    printf("%s: stopping\n", signo == SIGINT ? "SIGINT" : "SIGTERM");
  ca_cancel_token_cancel(stop);
}

async int serve_until_signal(const char *host, int port) {
  struct server s = {0};
  int rc = ca_tcp_listen(&s.listener, host, port, 128);
  if (rc < 0) {
    fprintf(stderr, "http: listen on %s:%d: %s\n", host, port, strerror(-rc));
    return 1;
  }
  printf("serving http://%s:%d/ until SIGINT or SIGTERM\n", host,
         ca_io_port(&s.listener));
  fflush(stdout);
  int aborted = 0;
  await(ca_join(aborted = http_serve(&s), stop_on_signal(&s.stop)));
  printf("stopped: %u connections, %u requests, %u refused, %d aborted\n",
         s.connections, s.requests, s.refused, aborted);
  return 0;
}

/* ------------------------------------------------------ thread-per-core */

enum {
  MAX_THREADS = 64,
  SPREAD = 32,     /* the threaded self-test's extra connections */
  MSG_READY = 1,   /* to thread 0: listening */
  MSG_FAILED = 2,  /* to thread 0: could not listen, ended */
  MSG_STOP_ALL = 3 /* to thread 0: this thread's server stopped, stop all */
};

struct worker {
  struct server s;      /* this thread's: its listener shares the port */
  ca_remote_chan inbox; /* from the other threads; closed: stop */
  int inbox_buf[2 * MAX_THREADS]; /* room for every message to thread 0 */
  int aborted;                    /* http_serve's result */
};

struct pool {
  struct worker *w; /* n of them, w[i] used by thread i only */
  int n;
  const char *host;
  int port;      /* resolved by thread 0's listener */
  int self_test; /* thread 0 also runs the clients */
  int failed;    /* set by thread 0 */
};

/* Stops every thread: thread 0's token, the others' inboxes. */
static void stop_all(struct pool *p) {
  ca_cancel_token_cancel(&p->w[0].s.stop);
  for (int i = 1; i < p->n; i++)
    ca_remote_chan_close(&p->w[i].inbox);
}

/* Thread 0: a READY or FAILED from every other thread: 0 when all are
 * ready. */
async int wait_ready(struct pool *p) {
  int failed = 0, msg = 0;
  for (int i = 1; i < p->n; i++) {
    if (await(ca_remote_chan_recv(&p->w[0].inbox, &msg)) != 0)
      return 1;
    failed |= msg != MSG_READY;
  }
  return failed;
}

/* Until a stop: thread 0 stops all at a signal, a message, or when its own
 * server stops; another thread stops when its inbox closes (or says
 * anything), and asks thread 0 to stop all when its server stops first. */
async void control(struct pool *p, int index) {
  struct worker *w = &p->w[index];
  int msg = 0, signo = 0;
  if (index == 0) {
    await(ca_select(signo = ca_signal(SIGINT), signo = ca_signal(SIGTERM),
                    ca_remote_chan_recv(&w->inbox, &msg),
                    ca_cancel_token_wait(&w->s.stop)));
    if (signo > 0)
      printf("%s: stopping\n", signo == SIGINT ? "SIGINT" : "SIGTERM");
    stop_all(p);
    return;
  }
  if (await(ca_select(ca_remote_chan_recv(&w->inbox, &msg),
                      ca_cancel_token_wait(&w->s.stop))) == 1) {
    msg = MSG_STOP_ALL;
    ca_remote_chan_try_send(&p->w[0].inbox, &msg);
  }
  ca_cancel_token_cancel(&w->s.stop);
}

/* One connection, one GET /: 0 when it was answered 200. */
async int one_get(int port) {
  __attribute__((cleanup(http_client_close))) struct http_client c;
  char body[256];
  if (await(http_connect(&c, port)) < 0)
    return 1;
  return await(http_get(&c.conn, &c.r, "/", body, sizeof body)) != 200;
}

/* The threaded self-test: SPREAD connections one after another, then the
 * self-test, which ends by stopping thread 0's server (and so all). */
async int threads_self_test(struct server *s, int port) {
  int failed = 0;
  for (int i = 0; i < SPREAD; i++)
    failed += await(one_get(port));
  printf("%d more connections, one GET / each: %d failed\n", SPREAD, failed);
  return failed + await(self_test(s, port));
}

async void worker_serve(struct pool *p, int index) {
  struct worker *w = &p->w[index];
  if (index == 0 && await(wait_ready(p)) != 0) {
    stop_all(p);
    ca_io_close(&w->s.listener);
    return;
  }
  if (index == 0 && !p->self_test) {
    printf("serving http://%s:%d/ on %d threads until SIGINT or SIGTERM\n",
           p->host, p->port, p->n);
    fflush(stdout);
  }
  if (index == 0 && p->self_test)
    await(ca_join(w->aborted = http_serve(&w->s), control(p, 0),
                  p->failed = threads_self_test(&w->s, p->port)));
  else
    await(ca_join(w->aborted = http_serve(&w->s), control(p, index)));
}

/* ca_threads_run's function: thread 0's listener is open already (main's
 * thread), the others open theirs here, on the same port. */
static void worker_main(int index, void *arg) {
  struct pool *p = arg;
  struct worker *w = &p->w[index];
  if (index > 0) {
    int rc = ca_tcp_listen_reuseport(&w->s.listener, p->host, p->port, 128);
    int msg = rc < 0 ? MSG_FAILED : MSG_READY;
    if (rc < 0)
      fprintf(stderr, "http: thread %d: listen on %s:%d: %s\n", index, p->host,
              p->port, strerror(-rc));
    ca_remote_chan_try_send(&p->w[0].inbox, &msg);
    if (rc < 0)
      return;
  }
  ca_block_on(worker_serve(p, index));
}

/* Serves on n threads (self_test: the threaded self-test on an ephemeral
 * port); prints each thread's counts at the stop. */
static int serve_threads(int n, const char *host, int port, int self_test) {
  struct pool p = {.n = n, .host = host, .self_test = self_test, .failed = 1};
  if (!(p.w = calloc((size_t)n, sizeof *p.w)))
    return 1;
  for (int i = 0; i < n; i++)
    ca_remote_chan_init(&p.w[i].inbox, p.w[i].inbox_buf, sizeof(int),
                        sizeof p.w[i].inbox_buf / sizeof(int));
  int rc = ca_tcp_listen_reuseport(&p.w[0].s.listener, host, port, 128);
  if (rc >= 0) {
    p.port = ca_io_port(&p.w[0].s.listener);
    rc = ca_threads_run(n, worker_main, &p);
  }
  if (rc < 0) {
    fprintf(stderr, "http: %d threads on %s:%d: %s\n", n, host, port,
            strerror(-rc));
    ca_io_close(&p.w[0].s.listener);
    free(p.w);
    return 1;
  }
  unsigned conns = 0, reqs = 0, refused = 0, every = 1;
  int aborted = 0;
  for (int i = 0; i < n; i++) {
    struct server *s = &p.w[i].s;
    printf("thread %d: %u connections, %u requests, %u refused, %d "
           "aborted\n",
           i, s->connections, s->requests, s->refused, p.w[i].aborted);
    conns += s->connections, reqs += s->requests, refused += s->refused;
    aborted += p.w[i].aborted;
    every &= s->requests > 0;
  }
  printf("%s: %u connections, %u requests, %u refused, %d aborted\n",
         self_test ? "server stopped" : "stopped", conns, reqs, refused,
         aborted);
  printf("every thread served requests: %s\n", every ? "yes" : "NO");
  free(p.w);
  return self_test ? p.failed || aborted || !every : 0;
}

int main(int argc, char **argv) {
  int threads = 0;
  if (argc > 2 && strcmp(argv[1], "--threads") == 0) {
    threads = atoi(argv[2]);
    if (threads < 1 || threads > MAX_THREADS) {
      fprintf(stderr, "http: --threads takes 1 to %d\n", MAX_THREADS);
      return 2;
    }
    argc -= 2, argv += 2;
  }
  const char *host = argc > 2 ? argv[2] : "127.0.0.1";
  if (argc > 1 && threads)
    return serve_threads(threads, host, atoi(argv[1]), 0);
  if (argc > 1)
    return ca_block_on(serve_until_signal(host, atoi(argv[1])));
  /* The self-test. Threaded, thread 0's reactor and wake port stay open
   * with main's thread: count the sockets only. */
  int before = open_fds(threads > 0);
  int failed = threads ? serve_threads(threads, "127.0.0.1", 0, 1)
                       : ca_block_on(run_self_test());
  int left = open_fds(threads > 0) - before;
  printf("%s left open: %d\n", threads ? "sockets" : "descriptors", left);
  printf("http: %s\n", failed || left ? "FAILED" : "ok");
  return failed || left;
}
