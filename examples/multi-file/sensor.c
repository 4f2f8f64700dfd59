/* sensor.c - the driver: simulated conversions that take time. */
#include "sensor.h"
#include <stdio.h>

async struct reading sensor_read(int channel, int ms) {
  await(ca_sleep_ms((uint64_t)ms));
  struct reading r = {channel, channel * 10 + ms};
  return r;
}

async int sensor_average(int channel, int n) {
  int sum = 0;
  for (int i = 0; i < n; i++) {
    struct reading r = await(sensor_read(channel, 1 + i));
    sum += r.value;
  }
  return sum / n;
}
