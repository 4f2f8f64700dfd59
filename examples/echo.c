/* echo.c - a TCP echo server on loopback and three clients in the same
 * process: the server accepts and spawns a task per connection, each
 * client sends a line and prints what comes back. Every socket is a ca_io
 * registered with the thread's epoll reactor; nothing blocks the thread. */
#include <cawait.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void close_io(ca_io *io) { ca_io_close(io); }

async void connection(int fd) {
  __attribute__((cleanup(close_io))) ca_io conn;
  if (ca_io_open(&conn, fd) < 0) {
    close(fd); /* a failed ca_io_open leaves fd to its caller */
    return;
  }
  char buf[1024];
  long r;
  while ((r = await(ca_read(&conn, buf, sizeof buf))) > 0)
    if (await(ca_write_all(&conn, buf, (size_t)r)) < 0)
      break;
}

async void server(ca_io *listener, int clients) {
  for (int i = 0; i < clients; i++) {
    int fd = await(ca_accept(listener));
    if (fd >= 0)
      ca_spawn(connection(fd)); /* detached: it ends when its client does */
  }
}

async int client(int port, const char *line) {
  ca_io c;
  if (await(ca_tcp_connect(&c, "127.0.0.1", port)) < 0)
    return -1;
  char back[128];
  size_t got = 0, n = strlen(line);
  await(ca_write_all(&c, line, n));
  while (got < n) {
    long r = await(ca_read(&c, back + got, sizeof back - 1 - got));
    if (r <= 0)
      break;
    got += (size_t)r;
  }
  back[got] = '\0';
  printf("client sent %zu bytes, got back \"%s\"\n", n, back);
  ca_io_close(&c);
  return got == n ? 0 : -1;
}

async int run(void) {
  ca_io listener;
  if (ca_tcp_listen(&listener, "127.0.0.1", 0, 16) < 0)
    return 1;
  int port = ca_io_port(&listener);
  ca_task *srv = ca_spawn(server(&listener, 3));
  int a = 0, b = 0, c = 0;
  await(ca_join(a = client(port, "hello"), b = client(port, "async"),
                c = client(port, "world")));
  await(ca_task_wait(srv));
  ca_io_close(&listener);
  await(ca_sleep_ms(10)); /* the connections see their clients' EOF */
  return a || b || c;
}

int main(void) {
  int failed = ca_block_on(run());
  printf("echo: %s\n", failed ? "FAILED" : "all three answered");
  return failed;
}
