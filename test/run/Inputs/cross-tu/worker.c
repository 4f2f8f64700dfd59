/* worker.c - the bodies; each frame is checked against its budget. */
#include "worker.h"
#include <stdio.h>

async int fetch(int id, int ms) {
  char label[16];
  snprintf(label, sizeof label, "fetch %d", id);
  await(ca_sleep_ms((uint64_t)ms));
  printf("%s done\n", label);
  return id * 100;
}

async void ping(void) {
  await(ca_yield());
  printf("ping\n");
}

async struct big fill(long base) {
  struct big b;
  for (int i = 0; i < 4; i++)
    b.v[i] = base + i;
  await(ca_yield());
  return b;
}

/* A caller in the defining file embeds the real (smaller) frame. */
async int local_caller(void) { return await(fetch(0, 0)); }
