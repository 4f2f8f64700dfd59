/* echo_cawait.c - examples/echo.c's server with a port argument and no
 * clients: accepts forever, a task per connection reads into a 16 KiB
 * buffer and writes it back. Usage: echo_cawait PORT; runs until killed. */
#include <cawait.h>
#include <stdio.h>
#include <stdlib.h>

static void close_io(ca_io *io) { ca_io_close(io); }

async void connection(int fd) {
  __attribute__((cleanup(close_io))) ca_io conn;
  if (ca_io_open(&conn, fd) < 0)
    return;
  char buf[16384];
  long r;
  while ((r = await(ca_read(&conn, buf, sizeof buf))) > 0)
    if (await(ca_write_all(&conn, buf, (size_t)r)) < 0)
      break;
}

async int server(int port) {
  ca_io listener;
  int err = ca_tcp_listen(&listener, "127.0.0.1", port, 512);
  if (err < 0)
    return err;
  for (;;) {
    int fd = await(ca_accept(&listener));
    if (fd >= 0)
      ca_spawn(connection(fd));
  }
}

int main(int argc, char **argv) {
  int port = argc > 1 ? atoi(argv[1]) : 7001;
  int err = ca_block_on(server(port));
  fprintf(stderr, "echo_cawait: listen: error %d\n", err);
  return 1;
}
