/* worker.h - async functions defined in worker.c, called from main.c:
 * their prototypes carry the frame budget callers embed. */
#include <cawait.h>

async_budget(128) int fetch(int id, int ms);
async_budget(16) void ping(void);
struct big {
  long v[4];
};
async_budget(96) struct big fill(long base);
