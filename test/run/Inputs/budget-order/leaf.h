/* leaf.h - an async function of leaf.c, awaited from caller.c through the
 * frame budget of its prototype. */
#include <cawait.h>

async_budget(32) int leaf(int x);
