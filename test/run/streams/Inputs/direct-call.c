/* An adapter of cawait/streams.h called directly, without the plugin
 * (with it, the call is an error): it aborts naming the stream at the end
 * of its body, rather than making a value up (test: ../no-plugin.c). */
#include <cawait.h>
#include <cawait/streams.h>
#include <stdio.h>

CA_CHAN_STREAM(ints, int)

int main(void) {
  int buf[4];
  ca_chan c;
  ca_chan_init(&c, buf, sizeof buf[0], 4);
  ca_chan_close(&c);
  printf("before\n");
  fflush(stdout);
  printf("%d\n", ints(&c));
  printf("after\n");
  return 0;
}
