/* main.c - reads three sensors at once, averages one, and runs readers
 * from a static task pool: the frames of sensor.c's functions live in this
 * file's frames and pool slots, sized by sensor.h's budgets. */
#include "sensor.h"
#include <stdio.h>

CA_TASK_POOL(readers, sensor_read, 2);

async int run(void) {
  struct reading a, b, c;
  await(ca_join(a = sensor_read(1, 30), b = sensor_read(2, 10),
                c = sensor_read(3, 20)));
  printf("joined: ch%d=%d ch%d=%d ch%d=%d\n", a.channel, a.value, b.channel,
         b.value, c.channel, c.value);
  int avg = await(sensor_average(4, 3));
  printf("average of channel 4: %d\n", avg);
  ca_task *t[3];
  for (int i = 0; i < 3; i++)
    t[i] = ca_spawn_in(&readers, sensor_read(5 + i, 5));
  printf("pool of 2: third spawn %s\n", t[2] ? "started" : "refused");
  for (int i = 0; i < 2; i++) {
    struct reading r;
    await(ca_task_join(t[i], &r));
    printf("task %d: ch%d=%d\n", i, r.channel, r.value);
  }
  return avg;
}

int main(void) { return ca_block_on(run()) == 42 ? 0 : 1; }
