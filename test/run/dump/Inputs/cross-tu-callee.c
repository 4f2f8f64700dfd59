/* cross-tu-callee.c - the callees of cross-tu-main.c (test/run/dump/cross-tu.test). */
#include "cross-tu.h"

static async int wait_ms(int ms) {
  await(ca_sleep_ms(ms));
  return ms;
}

async int fetch(int id, int ms) {
  int r = await(wait_ms(ms));
  return id + r;
}

async void poll_forever(void) {
  for (;;)
    (void)await(fetch(0, 600000));
}
