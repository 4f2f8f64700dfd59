/* streams.c - a TCP line protocol built from streams, sinks and a
 * generator pipeline, and its clients in one program.
 *
 *   ./streams       self-test (what `make demo` runs): the server on an
 *                   ephemeral loopback port; a listener subscribes, two
 *                   sensors send readings ("cpu 75") and one malformed line
 *                   each; the listener receives every line; the server
 *                   stops; the pipeline summarizes the log; prints a
 *                   transcript and exits 0 when all was right.
 *   ./streams 9000  serves on 127.0.0.1:9000 until SIGINT or SIGTERM (try
 *                   `nc 127.0.0.1 9000`: send "listen", or readings), then
 *                   prints the summary.
 *
 * The server: each connection is a task whose lines are a stream
 * (CA_LINES_STREAM of <cawait/streams.h>, over a ca_reader in the task's
 * frame). A connection whose first line is "listen" is a subscriber; any
 * other sends readings: each line goes to a Tee sink, which sends it to
 * two sinks at once (ca_join of two calls through async function pointers
 * with an async_budget: their frames sit in the Tee's frame, nothing is
 * allocated): the log sink keeps it in a fixed log, the broadcast sink
 * sends it into the bus channel (waiting while the bus is full). The
 * broadcaster iterates the bus as a stream (CA_CHAN_STREAM) and writes each
 * line to every subscriber.
 *
 * The summary: parse -> filter -> aggregate, three generators over the log,
 * iterated by ca_for in plain C: their frames nest in the caller's stack,
 * nothing is allocated (the frame report at build time shows them). */
#include <cawait.h>
#include <cawait/streams.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* A test may define these to check that the pipeline allocates nothing. */
#ifndef NO_ALLOC_BEGIN
#define NO_ALLOC_BEGIN()
#define NO_ALLOC_END()
#endif

enum {
  LINE_CAP = 32,  /* longest line with its '\n' and NUL */
  LOG_CAP = 64,   /* lines the log keeps (then it drops the oldest) */
  BUS = 8,        /* lines waiting for the broadcaster */
  MAX_SUBS = 8,   /* subscribers at once */
  MAX_CONNS = 32, /* connections at once */
  NAMES = 8,      /* distinct sensor names the summary tracks */
  THRESHOLD = 50, /* the summary keeps readings at least this high */
  HANG_GUARD_MS = 5000
};

struct msg {
  char text[LINE_CAP]; /* a line, with its '\n' */
};

/* --------------------------------------------------------------- sinks */

/* A sink takes lines, one send at a time. The pointer's budget keeps each
 * send's frame in the caller's frame. */
typedef struct sink sink;
typedef async_budget(128) int send_fn(sink *s, const char *line);
struct sink {
  send_fn *send;
};

/* Keeps the last LOG_CAP lines. */
struct log {
  sink base;
  char lines[LOG_CAP][LINE_CAP];
  unsigned n; /* lines logged so far (the last LOG_CAP are kept) */
};

async int log_send(sink *s, const char *line) {
  struct log *l = (struct log *)s;
  snprintf(l->lines[l->n++ % LOG_CAP], LINE_CAP, "%s", line);
  return 0;
}

/* Sends each line into the bus (waits while the bus is full). */
struct bus_sink {
  sink base;
  ca_chan *bus;
};

async int bus_send(sink *s, const char *line) {
  struct bus_sink *b = (struct bus_sink *)s;
  struct msg m;
  snprintf(m.text, sizeof m.text, "%s", line);
  return await(ca_chan_send(b->bus, &m));
}

/* Both sinks at once: two calls through the pointers, both in flight. */
struct tee {
  sink *a, *b;
};

async int tee_send(struct tee *t, const char *line) {
  int ra = 0, rb = 0;
  await(ca_join(ra = t->a->send(t->a, line), rb = t->b->send(t->b, line)));
  return ra < 0 ? ra : rb;
}

/* -------------------------------------------------------------- server */

CA_LINES_STREAM(lines)
CA_CHAN_STREAM(bus_messages, struct msg)

struct server {
  ca_io listener;
  ca_cancel_token stop;
  ca_chan bus;
  struct msg bus_buf[BUS];
  struct log log;
  struct bus_sink to_bus;
  struct tee tee;
  ca_io *subs[MAX_SUBS]; /* subscribers' sockets (or NULL) */
  unsigned readings;     /* lines received from sensors */
  unsigned too_long;     /* lines dropped for not fitting LINE_CAP */
};

static void close_io(ca_io *io) { ca_io_close(io); }

static int subscribe(struct server *s, ca_io *io) {
  for (int i = 0; i < MAX_SUBS; i++)
    if (!s->subs[i]) {
      s->subs[i] = io;
      return 0;
    }
  return -1;
}

static void unsubscribe(struct server *s, ca_io *io) {
  for (int i = 0; i < MAX_SUBS; i++)
    if (s->subs[i] == io)
      s->subs[i] = NULL;
}

/* One connection: its lines, as a stream. A subscriber is acknowledged and
 * stays until it closes (or the server stops); a sensor's lines go to the
 * Tee, and at its end it is told how many were taken. */
async void conn(ca_owned(close) int fd, struct server *s) {
  __attribute__((cleanup(close_io))) ca_io io;
  if (ca_io_open(&io, fd) < 0) {
    close(fd);
    return;
  }
  char storage[256], line[LINE_CAP], reply[32];
  ca_reader r;
  ca_reader_init(&r, &io, storage, sizeof storage);
  unsigned taken = 0;
  int first = 1;
  ca_for_await (long n, lines(&r, line, sizeof line, NULL)) {
    if (n == -EMSGSIZE) {
      s->too_long++;
      continue;
    }
    if (first && strcmp(line, "listen\n") == 0) {
      if (subscribe(s, &io) < 0)
        return;
      await(ca_write_all(&io, "ok\n", 3));
      /* Until it closes: a dropped wait (a stop) leaves the reader as is. */
      await(ca_select(ca_read_line(&r, line, sizeof line),
                      ca_cancel_token_wait(&s->stop)));
      unsubscribe(s, &io);
      return;
    }
    first = 0;
    if (await(tee_send(&s->tee, line)) < 0)
      break; /* the bus is closed: the server stops */
    taken++;
    s->readings++;
  }
  int k = snprintf(reply, sizeof reply, "taken %u\n", taken);
  await(ca_write_all(&io, reply, (size_t)k));
}

/* Every line of the bus to every subscriber, until the bus is closed. */
async void broadcaster(struct server *s) {
  ca_for_await (struct msg m, bus_messages(&s->bus))
    for (int i = 0; i < MAX_SUBS; i++)
      if (s->subs[i] &&
          await(ca_write_all(s->subs[i], m.text, strlen(m.text))) < 0)
        s->subs[i] = NULL;
}

/* Accepts connections until s->stop is cancelled, then closes the bus
 * and waits for every task (aborting them after a while). */
async int serve(struct server *s) {
  ca_task *slots[MAX_CONNS + 1];
  ca_task_group g;
  ca_task_group_init(&g, slots, MAX_CONNS + 1);
  ca_chan_init(&s->bus, s->bus_buf, sizeof(struct msg), BUS);
  s->log.base.send = log_send;
  s->to_bus.base.send = bus_send;
  s->to_bus.bus = &s->bus;
  s->tee.a = &s->log.base;
  s->tee.b = &s->to_bus.base;
  ca_task_group_add(&g, ca_spawn(broadcaster(s)));
  for (;;) {
    int fd = -1;
    if (await(ca_select(fd = ca_accept(&s->listener),
                        ca_cancel_token_wait(&s->stop))) == 1)
      break;
    if (fd >= 0)
      ca_task_group_add(&g, ca_spawn(conn(fd, s)));
  }
  ca_io_close(&s->listener);
  ca_chan_close(&s->bus);
  if (await(ca_timeout_ms(2000, ca_task_group_wait(&g))))
    return ca_task_group_abort(&g);
  return 0;
}

/* ------------------------------------------- the pipeline over the log */

struct reading {
  char name[8];
  int value;
};

struct summary {
  char name[8];
  int count, min, max;
  long sum;
};

/* parse: each logged line of the form "<name> <value>". */
gen struct reading parsed(const struct log *l) {
  unsigned first = l->n > LOG_CAP ? l->n - LOG_CAP : 0;
  for (unsigned i = first; i < l->n; i++) {
    struct reading r;
    char end;
    if (sscanf(l->lines[i % LOG_CAP], "%7s %d%c", r.name, &r.value, &end) ==
            3 &&
        end == '\n')
      yield(r);
  }
}

/* filter: the readings at least min. */
gen struct reading at_least(const struct log *l, int min) {
  ca_for (struct reading r, parsed(l))
    if (r.value >= min)
      yield(r);
}

/* aggregate: per name, in name order (a table kept sorted as names come). */
gen struct summary summaries(const struct log *l, int min) {
  struct summary t[NAMES];
  int n = 0;
  ca_for (struct reading r, at_least(l, min)) {
    int i = 0;
    while (i < n && strcmp(t[i].name, r.name) < 0)
      i++;
    if (i == n || strcmp(t[i].name, r.name) != 0) {
      if (n == NAMES)
        continue;
      memmove(&t[i + 1], &t[i], (size_t)(n - i) * sizeof t[0]);
      memcpy(t[i].name, r.name, sizeof r.name);
      t[i].count = 0;
      t[i].min = t[i].max = r.value;
      t[i].sum = 0;
      n++;
    }
    t[i].count++;
    t[i].sum += r.value;
    t[i].min = r.value < t[i].min ? r.value : t[i].min;
    t[i].max = r.value > t[i].max ? r.value : t[i].max;
  }
  for (int i = 0; i < n; i++)
    yield(t[i]);
}

static void print_summary(const struct log *l) {
  printf("summary of %u logged lines, readings >= %d:\n", l->n, THRESHOLD);
  NO_ALLOC_BEGIN();
  ca_for (struct summary m, summaries(l, THRESHOLD))
    printf("  %-5s count %d  min %d  max %d  mean %ld\n", m.name, m.count,
           m.min, m.max, m.sum / m.count);
  NO_ALLOC_END();
}

/* ----------------------------------------------------------- self-test */

/* One line from r within HANG_GUARD_MS: its length, 0 at end of file, or a
 * negative errno (-ETIMEDOUT). */
async long read_line_guarded(ca_reader *r, char *line, size_t cap) {
  long n = -ETIMEDOUT;
  await(ca_timeout_ms(HANG_GUARD_MS, n = ca_read_line(r, line, cap)));
  return n;
}

/* A sensor: sends its lines, half-closes, and reads how many were taken. */
async int sensor(int port, const char *const *text, int n) {
  __attribute__((cleanup(close_io))) ca_io io;
  io.fd = -1;
  if (await(ca_tcp_connect(&io, "127.0.0.1", port)) < 0)
    return -1;
  for (int i = 0; i < n; i++)
    if (await(ca_write_all(&io, text[i], strlen(text[i]))) < 0)
      return -1;
  ca_shutdown(&io, SHUT_WR);
  char storage[64], line[32];
  ca_reader r;
  ca_reader_init(&r, &io, storage, sizeof storage);
  unsigned taken = 0;
  if (await(read_line_guarded(&r, line, sizeof line)) <= 0 ||
      sscanf(line, "taken %u", &taken) != 1)
    return -1;
  return (int)taken;
}

static const char *const sensor_a[] = {"cpu 40\n", "cpu 75\n", "mem 60\n",
                                       "bogus\n",  "cpu 90\n", "mem 20\n"};
static const char *const sensor_b[] = {
    "mem 80\n", "cpu 10\n", "disk 55\n", "cpu x\n", "disk 95\n",
    "a line much too long for the server's buffer\n", "mem 70\n"};

async int self_test(struct server *s, int port) {
  __attribute__((cleanup(close_io))) ca_io sub;
  sub.fd = -1;
  char storage[256], line[LINE_CAP];
  ca_reader r;
  if (await(ca_tcp_connect(&sub, "127.0.0.1", port)) < 0)
    return 1;
  ca_reader_init(&r, &sub, storage, sizeof storage);
  await(ca_write_all(&sub, "listen\n", 7));
  if (await(read_line_guarded(&r, line, sizeof line)) <= 0 ||
      strcmp(line, "ok\n") != 0)
    return 1;
  printf("listener subscribed\n");
  int a = -1, b = -1;
  await(ca_join(a = sensor(port, sensor_a, 6), b = sensor(port, sensor_b, 7)));
  printf("sensors: %d and %d lines taken\n", a, b);
  /* The listener gets every line taken, each sensor's in its order. */
  int got = 0, bad = 0, next_a = 0, next_b = 0;
  while (got < a + b && await(read_line_guarded(&r, line, sizeof line)) > 0) {
    got++;
    if (next_a < 6 && strcmp(line, sensor_a[next_a]) == 0)
      next_a++;
    else if (next_b < 7 && strcmp(line, sensor_b[next_b]) == 0)
      next_b += 1 + (next_b == 4); /* the too-long line was not taken */
    else
      bad++;
  }
  printf("listener received %d lines, %s\n", got,
         bad ? "SOME OUT OF ORDER" : "each sensor's in order");
  ca_cancel_token_cancel(&s->stop);
  return a != 6 || b != 6 || got != 12 || bad;
}

async int run_self_test(void) {
  static struct server s;
  if (ca_tcp_listen(&s.listener, "127.0.0.1", 0, 16) < 0)
    return 1;
  int port = ca_io_port(&s.listener);
  int aborted = -1, failed = 1;
  await(ca_join(aborted = serve(&s), failed = self_test(&s, port)));
  printf("server stopped: %u readings, %u too long, %d aborted\n", s.readings,
         s.too_long, aborted);
  print_summary(&s.log);
  return failed || aborted != 0;
}

/* --------------------------------------------------------- server mode */

async void stop_on_signal(ca_cancel_token *stop) {
  await(ca_select(ca_signal(SIGINT), ca_signal(SIGTERM),
                  ca_cancel_token_wait(stop)));
  ca_cancel_token_cancel(stop);
}

async int serve_until_signal(int port) {
  static struct server s;
  if (ca_tcp_listen(&s.listener, "127.0.0.1", port, 64) < 0) {
    fprintf(stderr, "streams: cannot listen on port %d\n", port);
    return 1;
  }
  printf("streams on 127.0.0.1:%d until SIGINT or SIGTERM\n",
         ca_io_port(&s.listener));
  fflush(stdout);
  int aborted = 0;
  await(ca_join(aborted = serve(&s), stop_on_signal(&s.stop)));
  print_summary(&s.log);
  return aborted != 0;
}

int main(int argc, char **argv) {
  if (argc > 1)
    return ca_block_on(serve_until_signal(atoi(argv[1])));
  int failed = ca_block_on(run_self_test());
  printf("streams: %s\n", failed ? "FAILED" : "ok");
  return failed;
}
