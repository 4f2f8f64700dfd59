/* cawait/dump.h - async backtraces: ca_dump_tasks. Includes <stdio.h> (for
 * FILE), which cawait.h does not, so that a program's own names (a
 * function called `remove` or `rename`) never clash with the C library's
 * because it uses cawait. Hosted platforms only: on bare metal a debugger
 * reads the same tables from memory. */
#ifndef CAWAIT_DUMP_H
#define CAWAIT_DUMP_H

#include <cawait.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Prints to `out` the ca_block_on future running on this thread and every
 * pending task of its executor, each with the chain of awaits it is
 * suspended in, from its function down to the leaf future, one level per
 * `function at file:line` of its await, and what the leaf waits on where
 * the runtime knows it (a timer's deadline, a descriptor and its
 * direction, a channel...): for example
 *
 *   task 1 worker, waiting
 *     worker at srv.c:18 -> middle at srv.c:13 -> ca_sleep_ms (deadline
 *     in 95 ms)
 *
 * (with a Unicode arrow). A pending branch of an awaited ca_join or
 * ca_select gets its own indented chain. Costs nothing until called: the
 * descriptions are static tables the plugin emits. Call it on the
 * executor's thread, from a task, the ca_block_on future or plain code;
 * not from a signal handler (it is not async-signal-safe: await
 * ca_signal in a task instead, docs/user-guide.md, "Debugging"). `out` is
 * borrowed. */
void ca_dump_tasks(FILE *out);

#ifdef __cplusplus
}
#endif

#endif
