/* sensor.h - a driver's async API. The bodies are in sensor.c; callers in
 * other files embed each frame's budget (cawait checks the bodies against
 * these numbers when it compiles sensor.c). */
#ifndef SENSOR_H
#define SENSOR_H
#include <cawait.h>

struct reading {
  int channel;
  int value;
};

/* Waits for a conversion on `channel` (it takes `ms` milliseconds). */
async_budget(96) struct reading sensor_read(int channel, int ms);
/* Reads `n` samples of a channel and returns their average. */
async_budget(128) int sensor_average(int channel, int n);

#endif
