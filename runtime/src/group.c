/* group.c - task groups: task handles kept in an array the user supplies,
 * waited for or aborted together.
 *
 * A group initialised by lowered code holds the executor's task handles;
 * one initialised without the plugin holds the handles of sync_task.c,
 * whose calls have already run (ca_group_init passes which). Slots are
 * unordered: a handle leaving the group is replaced by the last one.
 *
 * ca_group_wait joins one task at a time through an embedded
 * ca__task_join frame; the task it joins is g->awaited, which reaping
 * skips (its join holds it).
 */
#include "internal.h"

#include <errno.h>

#ifdef CA_LOWERED
#error "libcawait must be compiled without the cawait plugin"
#endif

void ca__group_init(ca_task_group *g, ca_task **slots, unsigned capacity,
                    int lowered) {
  g->slots = slots;
  g->capacity = slots ? capacity : 0;
  g->count = 0;
  g->awaited = NULL;
  g->lowered = (unsigned char)(lowered != 0);
}

/* Consumes a handle of g's kind; returns whether the task was pending. */
static int ca__group_abort_one(ca_task_group *g, ca_task *t) {
  if (!g->lowered) {
    ca__sync_task_abort(t); /* its call has run */
    return 0;
  }
  int pending = !ca__task_done(t);
  ca__task_abort(t);
  return pending;
}

static void ca__group_remove_at(ca_task_group *g, unsigned i) {
  g->slots[i] = g->slots[--g->count];
}

/* Frees the slots of the finished tasks, except the one being joined. */
static void ca__group_reap(ca_task_group *g) {
  for (unsigned i = g->count; i-- > 0;) {
    ca_task *t = g->slots[i];
    if (t != g->awaited && (!g->lowered || ca__task_done(t))) {
      ca__group_abort_one(g, t);
      ca__group_remove_at(g, i);
    }
  }
}

int ca_group_add(ca_task_group *g, ca_task *task) {
  if (!task)
    return -EINVAL;
  if (g->count == g->capacity)
    ca__group_reap(g);
  if (g->count == g->capacity) {
    ca__group_abort_one(g, task);
    return -ENOSPC;
  }
  g->slots[g->count++] = task;
  return 0;
}

int ca_group_abort(ca_task_group *g) {
  int pending = 0;
  if (g->awaited)
    ca__die("ca_group_abort: the group is awaited by a ca_group_wait");
  for (unsigned i = 0; i < g->count; i++)
    pending += ca__group_abort_one(g, g->slots[i]);
  g->count = 0;
  return pending;
}

/* ------------------------------------------------------------ wait */

void ca_group_wait__init(struct ca_group_wait__frame *f, ca_task_group *g) {
  f->g = g;
  f->cancelled = 0;
  f->joining = 0;
}

ca_poll ca_group_wait__poll(struct ca_group_wait__frame *f, ca_context *cx,
                            int *out) {
  ca_task_group *g = f->g;
  for (;;) {
    if (f->joining) {
      int rc;
      if (ca__task_join__poll(&f->join, cx, &rc) == CA_PENDING)
        return CA_PENDING;
      /* The join consumed the handle: forget it. */
      f->joining = 0;
      for (unsigned i = 0; i < g->count; i++)
        if (g->slots[i] == g->awaited) {
          ca__group_remove_at(g, i);
          break;
        }
      g->awaited = NULL;
      f->cancelled += rc == -ECANCELED;
    }
    if (!g->count) {
      *out = f->cancelled;
      return CA_READY;
    }
    if (g->awaited)
      ca__die("ca_group_wait: the group is already awaited by another "
              "ca_group_wait");
    g->awaited = g->slots[g->count - 1];
    ca__task_join__init(&f->join, g->awaited, NULL, 0);
    f->joining = 1;
  }
}

void ca_group_wait__drop(struct ca_group_wait__frame *f) {
  if (!f->joining)
    return;
  ca__task_join__drop(&f->join); /* the handle stays in the group */
  f->g->awaited = NULL;
  f->joining = 0;
}

/* Without the plugin every task of the group has run. */
int ca_group_wait(ca_task_group *g) {
  ca__group_reap(g);
  return 0;
}
