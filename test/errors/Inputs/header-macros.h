/* Async code behind macros: a file using only these names nothing of
 * cawait (see ../skipped-analysis.c). */
#include <cawait.h>
#define RUN(e) ca_block_on(e)
#define WAIT(e) await(e)
#define ASYNC async
