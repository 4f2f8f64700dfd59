/* Two connected stream sockets, each registered in its ca_io: 0, or -1. */
#include <cawait.h>
#include <sys/socket.h>

static int socket_pair(ca_io *a, ca_io *b) {
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds))
    return -1;
  return ca_io_open(a, fds[0]) || ca_io_open(b, fds[1]) ? -1 : 0;
}
