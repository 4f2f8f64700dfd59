#include <cawait.h>
#include <string.h>
async int big(int x) {
  char buf[4096];
  memset(buf, x, sizeof buf);
  await(ca_yield());
  return buf[4095];
}
