/* chat.c - a chat server that broadcasts lines between its clients
 * through channels, and clients talking to it, in one program.
 *
 *   ./chat          self-test (what `make demo` runs): the server on an
 *                   ephemeral loopback port; three clients connect, each
 *                   sends two lines and checks it receives the others'
 *                   four; one client floods while another never reads (it
 *                   is disconnected, the others get every line); clients
 *                   quit, the server stops through its cancellation token;
 *                   prints a transcript and exits 0 when all was right.
 *   ./chat 9000 [127.0.0.1]
 *                   serves on 127.0.0.1:9000 until SIGINT or SIGTERM (try
 *                   a few `nc 127.0.0.1 9000`).
 *
 * The server: each connection is a task (chat_conn) of a ca_task_group
 * whose frame holds its socket and its own outgoing queue (a bounded
 * ca_chan over a buffer in the frame), and awaits two branches at once
 * (ca_join): its reader (ca_read_line, then ca_chan_send into the shared
 * inbox, a bounded channel every reader sends to) and its writer
 * (ca_chan_recv from its queue, then ca_write_all). One broadcaster task
 * receives from the inbox and forwards each line to every other
 * client's queue with ca_chan_try_send, which never waits: a client that
 * does not read fills only its own queue, and is then disconnected (its
 * queue closed, its socket shut down) rather than holding up the others.
 *
 * Stopping: the token is cancelled; the accept loop ends and closes the
 * listener, and closes the inbox; closing a channel wakes its waiters:
 * readers waiting to send stop, the broadcaster drains the inbox and
 * closes every client's queue, each writer sends what its queue holds and
 * shuts its socket down, which ends its reader. The group is waited for
 * (and aborted after DRAIN_MS: the sockets close in their cleanups). */
#include <cawait.h>
#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

enum {
  MAX_CLIENTS = 32,     /* connected at once; more are told so and closed */
  TEXT_CAP = 128,       /* longest line, with its NUL (longer: in pieces) */
  QUEUE = 16,           /* lines waiting for one client; full: disconnected */
  INBOX = 64,           /* lines waiting for the broadcaster */
  DRAIN_MS = 2000,      /* at a stop, connections get this long to finish */
  HANG_GUARD_MS = 5000, /* the self-test's bound on waits that must end */
  FLOOD = 2000          /* lines of the self-test's flood */
};

/* One line between tasks: a channel element. */
struct line {
  unsigned from;       /* the sender's user number */
  char text[TEXT_CAP]; /* NUL-terminated, without its '\n' */
};

struct chat;

/* A connected client, in its connection task's frame. */
struct client {
  struct chat *chat;
  ca_io *io;                  /* its socket, in the same frame */
  unsigned id;                /* "user<id>" */
  int registered;             /* in chat->clients: receives broadcasts */
  int kicked;                 /* its queue was full: disconnected */
  ca_chan out;                /* lines for it, sent by its writer */
  struct line out_buf[QUEUE]; /* out's storage */
};

struct chat {
  ca_io listener;                      /* closed when the server stops */
  ca_cancel_token stop;                /* cancelled: the server stops */
  ca_chan inbox;                       /* every reader -> the broadcaster */
  struct line inbox_buf[INBOX];        /* inbox's storage */
  struct client *clients[MAX_CLIENTS]; /* registered clients (or NULL) */
  int sndbuf;     /* nonzero: SO_SNDBUF of each connection (the self-test's
                     small buffers fill soon when a client does not read) */
  unsigned ids;   /* user numbers given so far */
  unsigned lines; /* broadcast */
  unsigned kicks; /* clients disconnected for a full queue */
};

static void close_io(ca_io *io) { ca_io_close(io); }

/* Drops the line end ("\r\n" or "\n"). */
static void chomp(char *s) {
  size_t n = strlen(s);
  while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
    s[--n] = '\0';
}

/* --------------------------------------------------------------- server */

/* Registers c for broadcasts: 0, or -ENOSPC when the room is full. */
static int chat_enter(struct chat *chat, struct client *c) {
  for (int i = 0; i < MAX_CLIENTS; i++)
    if (!chat->clients[i]) {
      chat->clients[i] = c;
      c->registered = 1;
      return 0;
    }
  return -ENOSPC;
}

/* Unregisters c (again: nothing) and closes its queue: its writer sends
 * what the queue holds, then ends. */
static void chat_leave(struct client *c) {
  if (!c->registered)
    return;
  for (int i = 0; i < MAX_CLIENTS; i++)
    if (c->chat->clients[i] == c)
      c->chat->clients[i] = NULL;
  c->registered = 0;
  ca_chan_close(&c->out);
}

/* The connection task's cleanup: however it ends, also when dropped. */
static void chat_leave_cleanup(struct client *c) { chat_leave(c); }

/* Lines from the client into the inbox, until it closes, the server
 * stops or the inbox closes. */
async void chat_reader(ca_reader *r, struct client *c) {
  struct line l = {c->id, ""};
  for (;;) {
    long n = 0;
    if (await(ca_select(n = ca_read_line(r, l.text, sizeof l.text),
                        ca_cancel_token_wait(&c->chat->stop))) != 0 ||
        (n <= 0 && n != -EMSGSIZE))
      break;
    if (n == -EMSGSIZE)
      continue; /* a line too long for a message: dropped */
    chomp(l.text);
    if (l.text[0] && await(ca_chan_send(&c->chat->inbox, &l)) < 0)
      break; /* the inbox is closed: the server stops */
  }
  chat_leave(c);
}

/* Lines from the client's queue to its socket, until the queue is closed
 * and empty (or the client was kicked, or a write fails); then shuts the
 * socket down, which ends the reader too. */
async void chat_writer(struct client *c) {
  struct line l;
  char text[TEXT_CAP + 16];
  while (await(ca_chan_recv(&c->out, &l)) == 0 && !c->kicked) {
    int n = snprintf(text, sizeof text, "user%u: %s\n", l.from, l.text);
    if (await(ca_write_all(c->io, text, (size_t)n)) < 0)
      break;
  }
  chat_leave(c);
  ca_shutdown(c->io, SHUT_RDWR);
}

/* Sets SO_SNDBUF (the self-test's small buffers). */
static void set_sndbuf(ca_io *io, int bytes) {
  if (bytes)
    setsockopt(io->fd, SOL_SOCKET, SO_SNDBUF, &bytes, sizeof bytes);
}

/* One client: welcomed with its name, then its reader and its writer run
 * side by side. The socket is closed and the client unregistered however
 * the task ends, also when it is dropped. */
async void chat_conn(ca_owned(close) int fd, struct chat *chat) {
  __attribute__((cleanup(close_io))) ca_io conn;
  if (ca_io_open(&conn, fd) < 0) {
    close(fd);
    return;
  }
  set_sndbuf(&conn, chat->sndbuf);
  __attribute__((cleanup(chat_leave_cleanup))) struct client c = {
      .chat = chat, .io = &conn, .id = ++chat->ids};
  ca_chan_init(&c.out, c.out_buf, sizeof(struct line), QUEUE);
  char storage[512], hello[48];
  ca_reader r;
  ca_reader_init(&r, &conn, storage, sizeof storage);
  if (chat_enter(chat, &c) < 0) {
    await(ca_write_all(&conn, "the room is full\n", 17));
    return;
  }
  int n = snprintf(hello, sizeof hello, "welcome user%u\n", c.id);
  if (await(ca_write_all(&conn, hello, (size_t)n)) < 0)
    return;
  await(ca_join(chat_reader(&r, &c), chat_writer(&c)));
}

/* Forwards every line of the inbox to every other registered client,
 * without waiting for any (ca_chan_try_send): a full queue disconnects
 * its client. Once the inbox is closed and drained, closes every queue. */
async void chat_broadcast(struct chat *chat) {
  struct line l;
  while (await(ca_chan_recv(&chat->inbox, &l)) == 0) {
    chat->lines++;
    for (int i = 0; i < MAX_CLIENTS; i++) {
      struct client *to = chat->clients[i];
      if (!to || to->id == l.from || ca_chan_try_send(&to->out, &l) == 0)
        continue;
      /* Its queue is full (it does not read): drop it. Shutting its
       * socket down ends a write of its writer that waits. */
      to->kicked = 1;
      chat->kicks++;
      chat_leave(to);
      ca_shutdown(to->io, SHUT_RDWR);
    }
    /* The writers run before the next line: a queue fills only while its
     * client's socket is full, not because lines arrived in a burst. */
    await(ca_yield());
  }
  for (int i = 0; i < MAX_CLIENTS; i++)
    if (chat->clients[i])
      chat_leave(chat->clients[i]);
}

/* Accepts clients until chat->stop is cancelled; then stops (see the
 * header). The number of tasks aborted after DRAIN_MS. */
async int chat_serve(struct chat *chat) {
  ca_task *slots[MAX_CLIENTS + 8];
  ca_task_group g;
  ca_task_group_init(&g, slots, MAX_CLIENTS + 8);
  ca_chan_init(&chat->inbox, chat->inbox_buf, sizeof(struct line), INBOX);
  ca_task_group_add(&g, ca_spawn(chat_broadcast(chat)));
  for (;;) {
    int fd = -1;
    if (await(ca_select(fd = ca_accept(&chat->listener),
                        ca_cancel_token_wait(&chat->stop))) == 1)
      break;
    if (fd == -ECONNABORTED)
      continue;
    if (fd < 0) {
      fprintf(stderr, "chat: accept: %s\n", strerror(-fd));
      ca_cancel_token_cancel(&chat->stop);
      break;
    }
    /* A full group aborts the task before it ran, and the frame's
     * ca_owned(close) closes the descriptor. */
    ca_task_group_add(&g, ca_spawn(chat_conn(fd, chat)));
  }
  ca_io_close(&chat->listener);
  ca_chan_close(&chat->inbox);
  if (await(ca_timeout_ms(DRAIN_MS, ca_task_group_wait(&g))))
    return ca_task_group_abort(&g);
  return 0;
}

/* ------------------------------------------------------------ self-test */

/* A client of the self-test: its connection, the reader over it, and the
 * lines it received. */
struct user {
  ca_io io;
  ca_reader r;
  char storage[512];
  char name[16];              /* from the welcome: "user1" */
  char got[4][TEXT_CAP + 16]; /* lines received in the talk */
};

/* Reads one line into line[cap] without its '\n', waiting at most
 * HANG_GUARD_MS: its length with the '\n' (0: end of stream), a negative
 * errno, or -ETIMEDOUT. */
async long read_line_guarded(ca_reader *r, char *line, size_t cap) {
  long n = -ETIMEDOUT;
  await(ca_timeout_ms(HANG_GUARD_MS, n = ca_read_line(r, line, cap)));
  if (n > 0)
    chomp(line);
  return n;
}

/* A non-blocking socket with a small receive buffer (set before it
 * connects, so the window stays small) connecting to 127.0.0.1:port: the
 * descriptor or a negative errno. For the client that does not read. */
static int small_window_socket(int port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0)
    return -errno;
  int bytes = 2048;
  setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &bytes, sizeof bytes);
  struct sockaddr_in to = {.sin_family = AF_INET,
                           .sin_port = htons((uint16_t)port),
                           .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  if (connect(fd, (struct sockaddr *)&to, sizeof to) < 0 &&
      errno != EINPROGRESS) {
    int rc = -errno;
    close(fd);
    return rc;
  }
  return fd;
}

/* Connects u (with a small window when `small`) and reads its welcome: 0
 * when welcomed. */
async int user_connect(struct user *u, int port, int small) {
  int rc = 0;
  if (!small)
    rc = await(ca_tcp_connect(&u->io, "127.0.0.1", port));
  else if ((rc = small_window_socket(port)) >= 0 &&
           (rc = ca_io_open(&u->io, rc)) == 0)
    await(ca_io_writable(&u->io)); /* connected, or failed: the read tells */
  if (rc < 0)
    return rc;
  ca_reader_init(&u->r, &u->io, u->storage, sizeof u->storage);
  char line[64];
  if (await(read_line_guarded(&u->r, line, sizeof line)) <= 0 ||
      sscanf(line, "welcome %15s", u->name) != 1)
    return -EPROTO;
  return 0;
}

/* Sends two lines, then receives the four the two others sent. */
async int user_talk(struct user *u) {
  char text[64];
  for (int i = 1; i <= 2; i++) {
    int n = snprintf(text, sizeof text, "line %d from %s\n", i, u->name);
    if (await(ca_write_all(&u->io, text, (size_t)n)) < 0)
      return 1;
  }
  for (int i = 0; i < 4; i++)
    if (await(read_line_guarded(&u->r, u->got[i], sizeof u->got[i])) <= 0)
      return 1;
  return 0;
}

static int by_text(const void *a, const void *b) {
  return strcmp((const char *)a, (const char *)b);
}

/* Prints what users[me] received, sorted (the senders interleave
 * freely): 0 when it is the two others' lines, each sender's in order (else
 * nonzero). */
static int user_report(struct user *users, int me) {
  struct user *u = &users[me];
  char want[4][TEXT_CAP + 16];
  int k = 0, wrong = 0;
  for (int i = 0; i < 3; i++)
    for (int j = 1; j <= 2 && i != me; j++)
      snprintf(want[k++], sizeof want[0], "%s: line %d from %s", users[i].name,
               j, users[i].name);
  for (int i = 0; i < 4; i++) /* a sender's line 2 before its line 1 */
    for (int j = i + 1; j < 4; j++)
      wrong += strstr(u->got[i], "line 2") && strstr(u->got[j], "line 1") &&
               strncmp(u->got[i], u->got[j], 6) == 0;
  qsort(u->got, 4, sizeof u->got[0], by_text);
  printf("%s received:\n", u->name);
  for (int i = 0; i < 4; i++)
    printf("  %s\n", u->got[i]);
  for (int i = 0; i < 4; i++)
    wrong += strcmp(want[i], u->got[i]) != 0;
  return wrong;
}

/* Sends FLOOD lines. */
async int flood(struct user *u) {
  char text[32];
  for (int i = 0; i < FLOOD; i++) {
    int n = snprintf(text, sizeof text, "flood %04d\n", i);
    if (await(ca_write_all(&u->io, text, (size_t)n)) < 0)
      return -1;
  }
  return 0;
}

/* Receives lines until end of stream, or until `until` lines came: how
 * many were the lines of from's flood, in order. */
async int count_flood(struct user *u, const char *from, int until) {
  char line[TEXT_CAP + 16], want[TEXT_CAP + 16];
  int k = 0;
  for (int n = 0; n < until; n++) {
    if (await(read_line_guarded(&u->r, line, sizeof line)) <= 0)
      break;
    snprintf(want, sizeof want, "%s: flood %04d", from, k);
    k += strcmp(line, want) == 0;
  }
  return k;
}

static void users_close(struct user (*users)[4]) {
  for (int i = 0; i < 4; i++)
    ca_io_close(&(*users)[i].io);
}

/* Three users talk; one floods while two count and a fourth never reads
 * (it is disconnected); two quit, the server stops, the third sees its
 * connection end. */
async int self_test(struct chat *chat, int port) {
  __attribute__((cleanup(users_close))) struct user users[4];
  for (int i = 0; i < 4; i++)
    users[i].io.fd = -1;
  /* One after the other, so the names follow this order. */
  for (int i = 0; i < 4; i++)
    if (await(user_connect(&users[i], port, i == 3)) < 0)
      return 1;
  printf("connected: %s, %s, %s, and %s (which will not read)\n", users[0].name,
         users[1].name, users[2].name, users[3].name);

  int a = 1, b = 1, c = 1;
  await(ca_join(a = user_talk(&users[0]), b = user_talk(&users[1]),
                c = user_talk(&users[2])));
  int failed = a + b + c;
  for (int i = 0; i < 3; i++)
    failed += user_report(users, i);

  /* The slow user's queue fills once its socket does; it is dropped, and
   * the others get every line. */
  int sent = -1, got1 = 0, got2 = 0;
  await(ca_join(sent = flood(&users[0]),
                got1 = count_flood(&users[1], users[0].name, FLOOD),
                got2 = count_flood(&users[2], users[0].name, FLOOD)));
  int slow = await(count_flood(&users[3], users[0].name, FLOOD + 1));
  printf("%s flooded %d lines: %s and %s received %d and %d; %s was "
         "disconnected %s\n",
         users[0].name, FLOOD, users[1].name, users[2].name, got1, got2,
         users[3].name,
         chat->kicks == 1 && slow < FLOOD ? "with its queue full"
                                          : "NOT AS EXPECTED");
  failed += sent != 0 || got1 != FLOOD || got2 != FLOOD || chat->kicks != 1 ||
            slow >= FLOOD;

  ca_io_close(&users[0].io);
  ca_io_close(&users[1].io);
  ca_io_close(&users[3].io);
  ca_cancel_token_cancel(&chat->stop);
  char line[64];
  long n = await(read_line_guarded(&users[2].r, line, sizeof line));
  printf("stop: %s's connection %s\n", users[2].name,
         n == 0 ? "was closed by the server" : "STAYED OPEN");
  return failed + (n != 0);
}

/* Open descriptors (entries of /proc/self/fd), to compare before and
 * after. */
static int open_fds(void) {
  int n = 0;
  DIR *d = opendir("/proc/self/fd");
  if (!d)
    return -1;
  while (readdir(d))
    n++;
  closedir(d);
  return n;
}

async int run_self_test(void) {
  static struct chat chat; /* its buffers: 8 KiB */
  chat.sndbuf = 4096;
  int rc = ca_tcp_listen(&chat.listener, "127.0.0.1", 0, 64);
  if (rc < 0) {
    printf("listen: %s\n", strerror(-rc));
    return 1;
  }
  int port = ca_io_port(&chat.listener);
  int aborted = -1, failed = 1;
  await(ca_join(aborted = chat_serve(&chat), failed = self_test(&chat, port)));
  printf("server stopped: %u users, %u lines broadcast, %u disconnected for "
         "a full queue, %d aborted\n",
         chat.ids, chat.lines, chat.kicks, aborted);
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
  static struct chat chat;
  int rc = ca_tcp_listen(&chat.listener, host, port, 128);
  if (rc < 0) {
    fprintf(stderr, "chat: listen on %s:%d: %s\n", host, port, strerror(-rc));
    return 1;
  }
  printf("chat on %s:%d until SIGINT or SIGTERM\n", host,
         ca_io_port(&chat.listener));
  fflush(stdout);
  int aborted = 0;
  await(ca_join(aborted = chat_serve(&chat), stop_on_signal(&chat.stop)));
  printf("stopped: %u users, %u lines broadcast, %u disconnected for a full "
         "queue, %d aborted\n",
         chat.ids, chat.lines, chat.kicks, aborted);
  return 0;
}

int main(int argc, char **argv) {
  if (argc > 1)
    return ca_block_on(
        serve_until_signal(argc > 2 ? argv[2] : "127.0.0.1", atoi(argv[1])));
  int before = open_fds();
  int failed = ca_block_on(run_self_test());
  int left = open_fds() - before;
  printf("descriptors left open: %d\n", left);
  printf("chat: %s\n", failed || left ? "FAILED" : "ok");
  return failed || left;
}
