/* dump.c - ca_dump_tasks: the async backtrace of every task.
 *
 * Takes the executor's tasks and the ca_block_on future (executor.c's
 * ca__tasks_visit) and the static descriptions of their frames (the
 * plugin's tables and the leaf futures' descriptions, cawait/abi.h); gives
 * one entry per task: its function and how it stands, then the chain of
 * awaits it is suspended in, read from each frame's state, down to the
 * leaf and what the leaf waits on. Reads memory only: nothing is polled,
 * woken or locked, and nothing here runs unless the program calls it.
 *
 * A frame is walked only while it is suspended: a task being polled (the
 * one that called ca_dump_tasks) has a state in transition and sub-frames
 * that may have completed, so it is shown by name only.
 *
 * Hosted only (it prints to a FILE); portable otherwise: no OS header.
 */
#include "internal.h"
#include <cawait/dump.h>

#include <stdio.h>
#include <string.h>

/* U+2192, between the levels of a chain. */
#define CA__ARROW " \xe2\x86\x92 "

static uint32_t ca__read_state(const unsigned char *frame,
                               const ca__frame_desc *d) {
  const unsigned char *p = frame + d->state_offset;
  switch (d->state_size) {
  case 1:
    return *p;
  case 2: {
    uint16_t v;
    memcpy(&v, p, sizeof v);
    return v;
  }
  default: {
    uint32_t v;
    memcpy(&v, p, sizeof v);
    return v;
  }
  }
}

static const void *ca__read_ptr(const unsigned char *at) {
  const void *p;
  memcpy(&p, at, sizeof p);
  return p;
}

static int ca__read_int(const unsigned char *at) {
  int v;
  memcpy(&v, at, sizeof v);
  return v;
}

/* What a leaf future waits on, after its name (nothing when unknown). */
static void ca__dump_wait(FILE *out, const unsigned char *frame,
                          const ca__frame_desc *d) {
  const unsigned char *at = frame + d->wait_offset;
  const void *p = d->wait == CA__WAIT_TIMER || d->wait == CA__WAIT_READ_FD ||
                          d->wait == CA__WAIT_WRITE_FD ||
                          d->wait == CA__WAIT_SIGNAL || d->wait == CA__WAIT_NONE
                      ? NULL
                      : ca__read_ptr(at);
  switch (d->wait) {
  case CA__WAIT_TIMER: {
    const ca_timer *t = (const ca_timer *)(const void *)at;
    if (!ca__timer_is_armed(t)) {
      fprintf(out, " (timer not armed)");
      break;
    }
    long long left = (long long)(t->deadline_ms - ca_now_ms());
    fprintf(out, " (deadline in %lld ms)", left);
    break;
  }
  case CA__WAIT_READ:
  case CA__WAIT_WRITE:
    if (p)
      fprintf(out, " (fd %d, %s)", ((const ca_io *)p)->fd,
              d->wait == CA__WAIT_READ ? "readable" : "writable");
    break;
  case CA__WAIT_READ_FD:
  case CA__WAIT_WRITE_FD:
    fprintf(out, " (fd %d, %s)", ca__read_int(at),
            d->wait == CA__WAIT_READ_FD ? "readable" : "writable");
    break;
  case CA__WAIT_SIGNAL:
    fprintf(out, " (signal %d)", ca__read_int(at));
    break;
  case CA__WAIT_CHAN:
    if (p) {
      const ca_chan *c = (const ca_chan *)p;
      fprintf(out, " (channel %p, %zu of %zu)", p, c->ca__private.len,
              c->ca__private.capacity);
    }
    break;
  case CA__WAIT_TASK: {
    const char *name = ca__task_name((ca_task *)(uintptr_t)p);
    fprintf(out, " (task %s)", name ? name : "?");
    break;
  }
  case CA__WAIT_ONESHOT:
    fprintf(out, " (oneshot %p)", p);
    break;
  case CA__WAIT_NOTIFY:
    fprintf(out, " (notify %p)", p);
    break;
  case CA__WAIT_SEM:
    fprintf(out, " (semaphore %p)", p);
    break;
  case CA__WAIT_CANCEL:
    fprintf(out, " (cancel token %p)", p);
    break;
  case CA__WAIT_EVENT:
    fprintf(out, " (event %p)", p);
    break;
  case CA__WAIT_GROUP:
    fprintf(out, " (task group %p)", p);
    break;
  case CA__WAIT_BLOCKING:
    fprintf(out, " (function %p, a blocking job)", p);
    break;
  case CA__WAIT_REMOTE_CHAN: /* its length is under a lock other threads
                              * take: the address only */
    fprintf(out, " (remote channel %p)", p);
    break;
  default:
    break;
  }
}

static void ca__indent(FILE *out, unsigned depth) {
  for (unsigned i = 0; i < depth; i++)
    fputs("  ", out);
}

/* What an await (or a combinator's branch) a of `frame` waits in: the
 * callee's frame, description and name; through an async function
 * pointer, the ops it keeps say. */
static const unsigned char *ca__callee_of(const unsigned char *frame,
                                          const ca__await_desc *a,
                                          const ca__frame_desc **d,
                                          const char **name) {
  if (a->kind != CA__AWAIT_IN_PLACE && a->kind != CA__AWAIT_BOXED) {
    *d = a->callee;
    *name = a->callee_name;
    return frame + a->offset;
  }
  const ca__frame_ops *ops =
      (const ca__frame_ops *)ca__read_ptr(frame + a->ops_offset);
  *d = ops ? ops->desc : NULL;
  *name = ops ? ops->name : NULL;
  return a->kind == CA__AWAIT_BOXED ? ca__read_ptr(frame + a->offset)
                                    : frame + a->offset;
}

/* The chain from `frame` (described by d, called name) down to its leaf,
 * on the current line; a combinator's pending branches follow on lines of
 * their own, at depth + 1. */
static void ca__dump_chain(FILE *out, const unsigned char *frame,
                           const ca__frame_desc *d, const char *name,
                           unsigned depth) {
  for (;;) {
    if (!d) {
      fprintf(out, "%s\n", name ? name : "?");
      return;
    }
    if (!d->state_size) {
      fputs(d->name, out);
      ca__dump_wait(out, frame, d);
      fputc('\n', out);
      return;
    }
    uint32_t s = ca__read_state(frame, d);
    if (s == 0 || s > d->nawaits) {
      fprintf(out, "%s (%s)\n", d->name, s ? "finished" : "not started");
      return;
    }
    const ca__await_desc *a = &d->awaits[s - 1];
    fprintf(out, "%s at %s:%u", d->name, a->file, (unsigned)a->line);
    switch (a->kind) {
    case CA__AWAIT_CALL:
    case CA__AWAIT_IN_PLACE:
    case CA__AWAIT_BOXED:
      fputs(CA__ARROW, out);
      frame = ca__callee_of(frame, a, &d, &name);
      continue;
    case CA__AWAIT_JOIN:
    case CA__AWAIT_SELECT: {
      const ca__combinator *c =
          (const ca__combinator *)(const void *)(frame + a->offset);
      fputs(CA__ARROW, out);
      fputs(a->kind == CA__AWAIT_JOIN ? "ca_join\n" : "ca_select\n", out);
      for (unsigned i = 0; i < a->nbranches; i++) {
        if (!(c->pending & (uint32_t)1 << i))
          continue;
        const ca__frame_desc *bd;
        const char *bn;
        const unsigned char *sub =
            ca__callee_of(frame, &a->branches[i], &bd, &bn);
        ca__indent(out, depth + 1);
        fprintf(out, "[%u] ", i);
        ca__dump_chain(out, sub, bd, bn, depth + 1);
      }
      return;
    }
    default:
      fputc('\n', out);
      return;
    }
  }
}

typedef struct ca__dump {
  FILE *out;
  unsigned ntasks; /* tasks printed */
  int any;         /* anything printed: a task or the future */
} ca__dump;

static const char *const ca__status_names[] = {
    [CA__TASK_RUNNING] = "running",
    [CA__TASK_RUNNABLE] = "runnable",
    [CA__TASK_WAITING] = "waiting",
};

static void ca__dump_one(void *arg, const void *task, const char *name,
                         const void *frame, const ca__frame_desc *desc,
                         int status) {
  ca__dump *dump = arg;
  FILE *out = dump->out;
  dump->any = 1;
  if (task)
    fprintf(out, "task %u %s, %s\n", ++dump->ntasks, name,
            ca__status_names[status]);
  else
    fprintf(out, "ca_block_on%s%s, %s\n", name ? " " : "", name ? name : "",
            ca__status_names[status]);
  if (status == CA__TASK_RUNNING)
    return; /* in transition: see the header */
  ca__indent(out, 1);
  if (!desc)
    fputs("(no description)\n", out);
  else
    ca__dump_chain(out, frame, desc, name, 1);
}

void ca_dump_tasks(FILE *out) {
  ca__dump dump = {out, 0, 0};
  fputs("cawait tasks:\n", out);
  ca__tasks_visit(ca__dump_one, &dump);
  if (!dump.any)
    fputs("none\n", out);
  fflush(out);
}
