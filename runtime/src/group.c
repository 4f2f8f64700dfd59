/* group.c - task groups: task handles kept in an array the user supplies,
 * waited for or aborted together.
 *
 * A group initialised by lowered code holds the executor's task handles;
 * one initialised without the plugin holds the handles of sync_task.c,
 * whose calls have already run (ca_task_group_init passes which). Slots are
 * unordered: a handle leaving the group is replaced by the last one.
 *
 * ca_task_group_wait joins one task at a time through an embedded
 * ca__task_join frame; the task it joins is the group's `awaited`, which
 * reaping skips (its join holds it). The group's fields are in its
 * ca__private member (cawait.h: the program does not touch them).
 */
#include "internal.h"

#include <errno.h>

#ifdef CA_LOWERED
#error "libcawait must be compiled without the cawait plugin"
#endif

void ca__group_init(ca_task_group *g, ca_task **slots, unsigned capacity,
                    int lowered) {
  g->ca__private.slots = slots;
  g->ca__private.capacity = slots ? capacity : 0;
  g->ca__private.count = 0;
  g->ca__private.awaited = NULL;
  g->ca__private.lowered = (unsigned char)(lowered != 0);
}

/* Consumes a handle of g's kind for the call `who`; returns whether the
 * task was pending. */
static int ca__group_abort_one(ca_task_group *g, ca_task *t, const char *who) {
#if CA_BARE_METAL /* built with the plugin only */
  (void)g;
#else
  if (!g->ca__private.lowered) {
    ca__sync_task_abort_as(t, who); /* its call has run */
    return 0;
  }
#endif
  int pending = !ca__task_done(t, who);
  ca__task_abort_as(t, who);
  return pending;
}

static void ca__group_remove_at(ca_task_group *g, unsigned i) {
  g->ca__private.slots[i] = g->ca__private.slots[--g->ca__private.count];
}

/* Frees the slots of the finished tasks, except the one being joined. */
static void ca__group_reap(ca_task_group *g, const char *who) {
  for (unsigned i = g->ca__private.count; i-- > 0;) {
    ca_task *t = g->ca__private.slots[i];
    if (t != g->ca__private.awaited &&
        (!g->ca__private.lowered || ca__task_done(t, who))) {
      ca__group_abort_one(g, t, who);
      ca__group_remove_at(g, i);
    }
  }
}

int ca_task_group_add(ca_task_group *g, ca_task *task) {
  if (!task)
    return -EINVAL;
  (void)ca__handle_get(task, "ca_task_group_add"); /* a live handle */
  if (g->ca__private.count == g->ca__private.capacity)
    ca__group_reap(g, "ca_task_group_add");
  if (g->ca__private.count == g->ca__private.capacity) {
    ca__group_abort_one(g, task, "ca_task_group_add");
    return -ENOSPC;
  }
  g->ca__private.slots[g->ca__private.count++] = task;
  return 0;
}

unsigned ca_task_group_len(const ca_task_group *g) {
  return g->ca__private.count;
}

int ca_task_group_abort(ca_task_group *g) {
  int pending = 0;
  if (g->ca__private.awaited)
    ca__die(
        "ca_task_group_abort: the group is awaited by a ca_task_group_wait");
  for (unsigned i = 0; i < g->ca__private.count; i++)
    pending +=
        ca__group_abort_one(g, g->ca__private.slots[i], "ca_task_group_abort");
  g->ca__private.count = 0;
  return pending;
}

/* ------------------------------------------------------------ wait */

void ca_task_group_wait__init(struct ca_task_group_wait__frame *f,
                              ca_task_group *g) {
  f->g = g;
  f->cancelled = 0;
  f->joining = 0;
}

CA__LEAF_DESC(ca_task_group_wait, "ca_task_group_wait", CA__WAIT_GROUP, g);

ca_poll ca_task_group_wait__poll(struct ca_task_group_wait__frame *f,
                                 ca_context *cx, int *out) {
  ca_task_group *g = f->g;
  for (;;) {
    if (f->joining) {
      int rc;
      if (ca__task_join__poll(&f->join, cx, &rc) == CA_PENDING)
        return CA_PENDING;
      /* The join consumed the handle: forget it. */
      f->joining = 0;
      for (unsigned i = 0; i < g->ca__private.count; i++)
        if (g->ca__private.slots[i] == g->ca__private.awaited) {
          ca__group_remove_at(g, i);
          break;
        }
      g->ca__private.awaited = NULL;
      f->cancelled += rc == -ECANCELED;
    }
    if (!g->ca__private.count) {
      *out = f->cancelled;
      return CA_READY;
    }
    if (g->ca__private.awaited)
      ca__die("ca_task_group_wait: the group is already awaited by another "
              "ca_task_group_wait");
    g->ca__private.awaited = g->ca__private.slots[g->ca__private.count - 1];
    (void)ca__handle_get(g->ca__private.awaited, "ca_task_group_wait");
    ca__task_join__init(&f->join, g->ca__private.awaited, NULL, 0);
    f->joining = 1;
  }
}

void ca_task_group_wait__drop(struct ca_task_group_wait__frame *f) {
  if (!f->joining)
    return;
  ca__task_join__drop(&f->join); /* the handle stays in the group */
  f->g->ca__private.awaited = NULL;
  f->joining = 0;
}

/* Without the plugin every task of the group has run. */
int ca_task_group_wait(ca_task_group *g) {
  ca__group_reap(g, "ca_task_group_wait");
  return 0;
}
