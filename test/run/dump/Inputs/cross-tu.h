/* cross-tu.h - async functions of cross-tu-callee.c, awaited and spawned
 * from cross-tu-main.c through the budgets of their prototypes. */
#include <cawait.h>

async_budget(64) int fetch(int id, int ms);
async_budget(64) void poll_forever(void);
