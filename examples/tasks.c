/* tasks.c - spawned tasks that sleep for different times finish in the
 * order of their deadlines, while main's own future keeps working. */
#include <cawait.h>
#include <stdio.h>

async void worker(int id, int ms) {
  char label[32];
  snprintf(label, sizeof label, "worker %d (%d ms)", id, ms);
  await(ca_sleep_ms(ms));
  printf("%s done\n", label);
}

async int supervisor(void) {
  for (int i = 0; i < 3; i++) {
    await(ca_sleep_ms(25));
    printf("supervisor tick %d\n", i);
  }
  return 3;
}

int main(void) {
  ca_spawn(worker(1, 60));
  ca_spawn(worker(2, 10));
  ca_spawn(worker(3, 40));
  int ticks = ca_block_on(supervisor());
  ca_run(); /* let the remaining workers finish */
  printf("ticks = %d\n", ticks);
  return 0;
}
