/* cross-tu-main.c - awaits and spawns the async functions of
 * cross-tu-callee.c, then dumps the tasks (test/run/dump/cross-tu.test). */
#include "cross-tu.h"
#include <cawait/dump.h>

async void worker(void) { (void)await(fetch(1, 600000)); }

async void run(void) {
  ca_spawn(worker());
  ca_spawn(poll_forever());
  await(ca_sleep_ms(20));
  ca_dump_tasks(stdout);
}

int main(void) {
  ca_block_on(run());
  return 0;
}
