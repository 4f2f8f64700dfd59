/* echo.c - the async functions of echo.h. */
#include "echo.h"

#include <string.h>

void close_io(ca_io *io) { ca_io_close(io); }


/* Echoes fd until end of stream or an error, stored in *status; the
 * socket is closed however the task ends (also when it is dropped). */
async void echo_serve(int fd, int *status) {
  char buf[65536];
  __attribute__((cleanup(close_io))) ca_io conn;
  *status = ca_io_open(&conn, fd);
  if (*status < 0) {
    close(fd);
    return;
  }
  *status = ECHO_RUNNING;
  for (;;) {
    long r = await(ca_read(&conn, buf, sizeof buf));
    if (r <= 0) {
      *status = (int)r;
      return;
    }
    long w = await(ca_write_all(&conn, buf, (size_t)r));
    if (w < 0) {
      *status = (int)w;
      return;
    }
  }
}

async int echo_accept(ca_io *listener, int conns, int *status,
                      ca_task **tasks) {
  for (int i = 0; i < conns; i++) {
    int fd = await(ca_accept(listener));
    if (fd < 0) {
      printf("accept: %s\n", strerror(-fd));
      return fd;
    }
    status[i] = ECHO_RUNNING;
    ca_task *t = ca_spawn(echo_serve(fd, &status[i]));
    if (tasks)
      tasks[i] = t;
    else
      ca_task_detach(t);
  }
  return 0;
}

async int echo_wait(const int *status, int conns, int left) {
  for (;;) {
    int running = 0;
    for (int i = 0; i < conns; i++)
      running += status[i] == ECHO_RUNNING;
    if (running <= left)
      return running;
    await(ca_sleep_ms(1));
  }
}

/* Sends `bytes` of client id's pattern in pieces of at most `piece`
 * bytes, then half-closes: 0, or a negative errno. */
async int send_pattern(ca_io *io, int id, size_t bytes, size_t piece) {
  unsigned char buf[65536];
  if (piece > sizeof buf)
    piece = sizeof buf;
  for (size_t sent = 0; sent < bytes;) {
    size_t n = bytes - sent < piece ? bytes - sent : piece;
    for (size_t i = 0; i < n; i++)
      buf[i] = pattern(id, sent + i);
    long w = await(ca_write_all(io, buf, n));
    if (w < 0)
      return (int)w;
    sent += n;
  }
  return ca_shutdown(io, SHUT_WR);
}

/* Reads until end of stream: 0 when exactly `bytes` of id's pattern came
 * back, else -1 (a short, long or wrong stream) or a negative errno. */
async int check_pattern(ca_io *io, int id, size_t bytes) {
  unsigned char buf[65536];
  size_t got = 0;
  for (;;) {
    long r = await(ca_read(io, buf, sizeof buf));
    if (r < 0)
      return (int)r;
    if (r == 0)
      return got == bytes ? 0 : -1;
    for (long i = 0; i < r; i++)
      if (got + (size_t)i >= bytes || buf[i] != pattern(id, got + (size_t)i))
        return -1;
    got += (size_t)r;
  }
}

/* A well-behaved client: connects, streams `bytes` while reading the echo
 * back, checks it and the end of stream. 0 or nonzero. */
async int echo_client(int port, int id, size_t bytes, size_t piece) {
  __attribute__((cleanup(close_io))) ca_io c;
  int rc = await(ca_tcp_connect(&c, "127.0.0.1", port));
  if (rc < 0)
    return rc;
  int sent = 0, checked = 0;
  await(ca_join(sent = send_pattern(&c, id, bytes, piece),
                checked = check_pattern(&c, id, bytes)));
  return sent || checked;
}
