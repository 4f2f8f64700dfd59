/* sync_task.c - task handles for programs compiled without the plugin,
 * where ca_spawn(f(x)) has already run the call: a handle keeps its result
 * until ca_task_join copies it out. Handles nobody consumed are freed at
 * exit, so a detached result is not a leak. Handles are handle.c's, as
 * with the plugin: one used again aborts with the same message.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#ifdef CA_LOWERED
#error "libcawait must be compiled without the cawait plugin"
#endif

typedef struct ca__sync_task {
  struct ca__sync_task *next, *prev; /* every live handle, for exit */
  size_t size;                       /* of the result */
  _Alignas(max_align_t) unsigned char result[];
} ca__sync_task;

static ca__sync_task ca__sync_live = {&ca__sync_live, &ca__sync_live, 0};

static void ca__sync_free(ca__sync_task *t) {
  t->prev->next = t->next;
  t->next->prev = t->prev;
  free(t);
}

static void ca__sync_free_all(void) {
  while (ca__sync_live.next != &ca__sync_live)
    ca__sync_free(ca__sync_live.next);
}

ca_task *ca__sync_task_new(const void *result, size_t size) {
  static int registered;
  ca__sync_task *t = malloc(sizeof *t + size);
  if (!t)
    abort();
  if (!registered)
    registered = atexit(ca__sync_free_all) == 0;
  if (size)
    memcpy(t->result, result, size);
  t->size = size;
  t->next = &ca__sync_live;
  t->prev = ca__sync_live.prev;
  t->prev->next = t;
  ca__sync_live.prev = t;
  return ca__handle_new(t);
}

int ca__task_join(ca_task *task, void *out, size_t out_size) {
  ca__sync_task *t = ca__handle_get(task, "ca_task_join");
  if (out) {
    if (out_size != t->size)
      ca__die("ca_task_join: the task returns %zu bytes, the result pointer "
              "points to %zu",
              t->size, out_size);
    memcpy(out, t->result, out_size);
  }
  ca__handle_release(task, CA__HANDLE_JOINED);
  ca__sync_free(t);
  return 0;
}

static void ca__sync_task_consume(ca_task *task, unsigned how,
                                  const char *who) {
  if (!task)
    return;
  ca__sync_task *t = ca__handle_get(task, who);
  ca__handle_release(task, how);
  ca__sync_free(t);
}

void ca__sync_task_abort_as(ca_task *task, const char *who) {
  ca__sync_task_consume(task, CA__HANDLE_ABORTED, who);
}

void ca__sync_task_abort(ca_task *task) {
  ca__sync_task_consume(task, CA__HANDLE_ABORTED, "ca_task_abort");
}

void ca__sync_task_detach(ca_task *task) {
  ca__sync_task_consume(task, CA__HANDLE_DETACHED, "ca_task_detach");
}
