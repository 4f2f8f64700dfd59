/* executor.c - the single-threaded executor: tasks and their handles, the
 * run queue, ca__block_on, ca_run and ca_executor_shutdown. One executor
 * per thread.
 *
 * A task is one block, from the slab (task_mem.c) or a slot of a static
 * pool: a header (ca__task: 3 words on 64-bit, 16 bytes on 32-bit)
 * followed by the frame, which starts aligned for any type. Every pending task
 * is in exactly one of two circular lists that share the header's links: the
 * run queue (FIFO, flag QUEUED set) or the waiting list (flag clear). Waking
 * moves a task from waiting to the run queue's tail; polling moves it back
 * first, so a task may wake itself while it is being polled. A task that
 * completes writes its result over its frame; one that is dropped runs its
 * drop function first (which disarms its timers and so releases every
 * waker that points at it). Then a detached task is freed at once, and a
 * task whose handle is held stays, in no list, until the handle is joined,
 * aborted or detached. The handle is not a pointer to the task but a slot
 * of handle.c's table, so a handle used again after that is caught there
 * without reading the freed task.
 *
 * The future of ca__block_on is not a task, but it is queued like one (the
 * executor's `main` node), so it runs in wake order with the tasks: timers
 * firing together wake their frames in deadline order, whoever owns them.
 *
 * The run loop works in rounds:
 *   1. fire the expired timers (they only queue tasks or the main node);
 *   2. move the whole run queue into a round list and poll each entry on it
 *      once, in FIFO order; tasks woken meanwhile go to the run queue, for
 *      the next round (each task runs at most once per round);
 *   3. ca__block_on returns once its future completed;
 *   4. if nothing is runnable: park in the platform until the earliest
 *      timer deadline or a wake (ca__platform_park), or, when no timer is
 *      armed and the platform watches nothing, stop (ca_run, no task left)
 *      or abort (the future or the tasks are pending and nothing can wake
 *      them).
 * Between rounds, while the platform watches sources (I/O, events), it is
 * polled (ca__platform_poll) so busy tasks cannot starve them.
 *
 * Portable: no OS header (platform.h).
 */
#include "internal.h"
#include "platform.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

/* Set in ca__task.prev_flags while the task is linked. Tasks and list
 * sentinels are all ca__task, aligned on 8 bytes, so the low bits of a
 * link are free: that is how the header stays at three words. */
#define CA__TASK_QUEUED ((uintptr_t)1)   /* on the run queue (or dying) */
#define CA__TASK_DETACHED ((uintptr_t)2) /* no handle: freed when done */
#define CA__TASK_SCOPED ((uintptr_t)4)   /* dropped when ca_block_on ends */
#define CA__TASK_FLAGS ((uintptr_t)7)

/* A finished task (completed or dropped, its handle not yet consumed) is
 * in no list: `next` is NULL and prev_flags holds one of these. */
#define CA__TASK_COMPLETED ((uintptr_t)1) /* the result is in the area */
#define CA__TASK_CANCELLED ((uintptr_t)3) /* dropped before completing */
/* Both have the queued bit: a wake reaching a finished task (through a
 * waker some frame kept) does nothing. */
_Static_assert((CA__TASK_COMPLETED & CA__TASK_CANCELLED & CA__TASK_QUEUED) != 0,
               "a finished task reads as queued");

/* The block's header. Its tag is not `ca__task`, which is the (never
 * defined) type a handle points to: a handle is not a task pointer. */
typedef struct ca__task_block ca__task;
struct ca__task_block {
  _Alignas(8) ca__task *next; /* next in its list (circular) */
  uintptr_t prev_flags;       /* previous in its list | flags, or the outcome */
  const ca_wake_ops *ops;     /* &vt->wake: a waker points here */
#if CA__TASK_JOINER_IN_HEADER
  ca_waker *joiner; /* in the frame of the ca_task_join awaiting it, or NULL
                     * (64-bit: task_mem.c's table) */
#endif
  /* The frame follows, aligned for any type: the block is placed so (the
   * slab's blocks, and a pool slot's header at its end, below). */
};

_Static_assert(sizeof(ca__task) == CA__TASK_HEADER_BYTES,
               "the slab places blocks for this header (internal.h)");
_Static_assert(sizeof(ca__task) <= CA__TASK_HEADER_SIZE,
               "pool slots (CA__POOL_SLOT_SIZE) have room for the header");
/* A pool slot's header ends where the slot's first CA__TASK_HEADER_SIZE
 * bytes do, so the area after it is aligned for any type. */
#define CA__POOL_HEADER_AT (CA__TASK_HEADER_SIZE - sizeof(ca__task))
#if defined(__x86_64__)
_Static_assert(sizeof(ca__task) == 24, "task header is 24 bytes on x86-64");
#endif

#if CA__TASK_JOINER_IN_HEADER
static ca_waker *ca__joiner_get(const ca__task *t) { return t->joiner; }
static void ca__joiner_set(ca__task *t, ca_waker *joiner) {
  t->joiner = joiner;
}
#endif

/* The vtable of a task, whose first member its header points to. */
static inline const ca__task_vtable *ca__vt(const ca__task *t) {
  return (const ca__task_vtable *)(const void *)t->ops;
}

#define CA__CONTAINER_OF(ptr, type, member)                                    \
  ((type *)(void *)((uintptr_t)(ptr)-offsetof(type, member)))

typedef struct ca__executor {
  ca__task runq;            /* sentinel: runnable tasks, FIFO */
  ca__task waiting;         /* sentinel: started tasks that are not queued */
  ca__task main;            /* queue node of the ca__block_on future */
  ca_poll_fn main_poll;     /* that future's poll, */
  void *main_frame;         /* its frame, */
  void *main_out;           /* where its result goes, */
  unsigned char main_done;  /* and whether it completed */
  unsigned char main_woken; /* woken while the run queue was empty: it is
                             * first in wake order without being linked */
  unsigned char running;    /* inside ca__block_on or ca_run */
  unsigned char in_block_on; /* tasks spawned now are scoped */
  size_t ntasks;             /* started and not yet finished */
  ca__task *current;         /* the task being polled, or NULL */
  ca__task round;            /* sentinel: the tasks left to poll in the
                              * round being run (ca_dump_tasks finds them) */
  const ca__frame_desc *main_desc; /* the future's description, or NULL */
} ca__executor;

static CA__THREAD_LOCAL ca__executor ca__exec;

/* gdb's commands for this state (runtime/gdb/cawait.py: cawait tasks, bt,
 * next, the frame printer), in gdb's inline form of .debug_gdb_scripts: a
 * program that runs an executor links this file, so gdb loads them from
 * the binary when its auto-load safe-path allows (docs/user-guide.md,
 * "Debugging"). The section is not allocated: nothing is loaded at run
 * time. CMake generates the bytes for the hosted libraries only. */
#ifdef CA__GDB_SCRIPT_HEADER
#include CA__GDB_SCRIPT_HEADER
__asm__(".pushsection .debug_gdb_scripts, \"MS\", %progbits, 1\n"
        ".byte 4\n" /* SECTION_SCRIPT_ID_PYTHON_TEXT */
        ".ascii \"cawait-gdb\\n\"\n" CA__GDB_SCRIPT_BYTES ".byte 0\n"
        ".popsection\n");
#endif

/* ----------------------------------------------------------------- lists */

/* The previous task in the list, from a task's prev_flags. */
static ca__task *ca__prev_of(uintptr_t prev_flags) {
  return (ca__task *)(prev_flags & ~CA__TASK_FLAGS);
}

static void ca__task_set_prev(ca__task *t, ca__task *prev) {
  t->prev_flags = (uintptr_t)prev | (t->prev_flags & CA__TASK_FLAGS);
}

static int ca__task_queued(const ca__task *t) {
  return (t->prev_flags & CA__TASK_QUEUED) != 0;
}

static void ca__list_init(ca__task *sentinel) {
  sentinel->next = sentinel;
  sentinel->prev_flags = (uintptr_t)sentinel;
}

static int ca__list_empty(const ca__task *sentinel) {
  return sentinel->next == sentinel;
}

/* The prev_flags of a task whose links were `old` (its flags kept) now
 * linked after prev, its queued flag `queued` (0 or CA__TASK_QUEUED). */
static uintptr_t ca__task_relinked(uintptr_t old, ca__task *prev,
                                   uintptr_t queued) {
  return (uintptr_t)prev | (old & (CA__TASK_FLAGS & ~CA__TASK_QUEUED)) | queued;
}

/* Unlinks t from whatever list holds it; t is left linked to itself, its
 * queued flag set to `queued` (0 or CA__TASK_QUEUED). Each field is read
 * once (clang would read them again after every store). */
CA__SIZE_NOINLINE static void ca__list_remove(ca__task *t, uintptr_t queued) {
  uintptr_t old = t->prev_flags;
  ca__task *prev = ca__prev_of(old), *next = t->next;
  prev->next = next;
  ca__task_set_prev(next, prev);
  t->next = t;
  t->prev_flags = ca__task_relinked(old, t, queued);
}

/* Links t (unlinked) at the tail of `sentinel`'s list, its queued flag set
 * to `queued`. */
CA__SIZE_NOINLINE static void
ca__list_push_back(ca__task *sentinel, ca__task *t, uintptr_t queued) {
  uintptr_t tail = sentinel->prev_flags;
  ca__task *last = ca__prev_of(tail);
  t->next = sentinel;
  t->prev_flags = ca__task_relinked(t->prev_flags, last, queued);
  last->next = t;
  sentinel->prev_flags = (uintptr_t)t | (tail & CA__TASK_FLAGS);
}

/* Moves every task of `from` to the (empty) list `to`, in order: `to`
 * joins from's ring at the tail, and `from` leaves it (then empty). The
 * sentinels have no flags. */
static void ca__list_take(ca__task *to, ca__task *from) {
  ca__list_push_back(from, to, 0);
  ca__list_remove(from, 0);
}

static ca__executor *ca__executor_get(void) {
  ca__executor *ex = &ca__exec;
  if (!ex->runq.next) {
    ca__list_init(&ex->runq);
    ca__list_init(&ex->waiting);
    ca__list_init(&ex->round);
  }
  return ex;
}

/* ---------------------------------------------------------------- errors */

_Noreturn void ca__die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ca__platform_fatal(fmt, ap);
}

_Noreturn void ca__poll_after_done(const char *function) {
  ca__die("'%s' was polled after it completed or was dropped", function);
}

void ca__budget_check(const char *function, const char *file, size_t budget,
                      size_t frame_size) {
  if (frame_size > budget)
    ca__die("the frame of '%s' is %zu bytes, more than the budget of %zu "
            "bytes that %s gives it; raise the budget",
            function, frame_size, budget, file);
}

/* ----------------------------------------------------------------- tasks */

static void *ca__task_frame(ca__task *t) { return t + 1; }

static ca__task *ca__task_of(void *frame) { return (ca__task *)frame - 1; }

static int ca__task_finished(const ca__task *t) { return t->next == NULL; }

void *ca__task_new(const ca__task_vtable *vt, size_t area_size) {
  ca__task *t;
  ca_task_pool *pool = vt->pool;
  if (!vt->poll || !vt->drop || vt->wake.wake != ca__task_wake)
    ca__die("ca_spawn: a task needs a poll and a drop function, and "
            "ca__task_wake first in its vtable");
  if (pool) {
    if (CA__TASK_HEADER_SIZE + area_size > pool->slot_size)
      ca__die("ca_spawn_in: a task of '%s' needs %zu bytes, the slots of "
              "pool '%s' have %zu",
              vt->name, CA__TASK_HEADER_SIZE + area_size, pool->name,
              pool->slot_size);
    if (pool->free_list) {
      t = (ca__task *)pool->free_list;
      pool->free_list = t->next;
    } else if (pool->used < pool->capacity) {
      t = (ca__task *)(void *)(pool->slots + pool->used++ * pool->slot_size +
                               CA__POOL_HEADER_AT);
    } else {
      return NULL;
    }
  } else {
    if (area_size > SIZE_MAX - sizeof(ca__task))
      ca__die("ca_spawn: a frame of %zu bytes is too large", area_size);
    t = ca__slab_alloc(sizeof(ca__task) + area_size);
    if (!t)
      ca__die("ca_spawn: out of memory allocating a task of %zu bytes",
              sizeof(ca__task) + area_size);
  }
  t->next = t; /* unlinked until started */
  t->prev_flags = (uintptr_t)t | CA__TASK_DETACHED;
  t->ops = &vt->wake;
#if CA__TASK_JOINER_IN_HEADER
  t->joiner = NULL;
#endif
  return ca__task_frame(t);
}

/* Hand-written tasks pass poll and drop rather than a vtable: it is kept
 * after the frame, in the same block. */
void *ca__task_alloc(size_t frame_size, ca_poll_fn poll, ca_drop_fn drop) {
  size_t align = _Alignof(ca__task_vtable);
  size_t at = (frame_size + align - 1) / align * align;
  if (frame_size > SIZE_MAX / 2)
    ca__die("ca_spawn: a frame of %zu bytes is too large", frame_size);
  ca__task_vtable tmp = {.wake = {ca__task_wake},
                         .poll = poll,
                         .drop = drop,
                         .name = "task",
                         .drop_completed = 1};
  void *frame = ca__task_new(&tmp, at + sizeof(ca__task_vtable));
  ca__task_vtable *vt = (ca__task_vtable *)((unsigned char *)frame + at);
  *vt = tmp;
  ca__task_of(frame)->ops = &vt->wake;
  return frame;
}

static void ca__task_release(ca__task *t) {
  ca_task_pool *pool = ca__vt(t)->pool;
  if (pool) {
    t->next = pool->free_list;
    pool->free_list = t;
  } else {
    ca__slab_free(t);
  }
}

static const ca_wake_ops ca__main_wake_ops[2];

static ca__task *ca__task_queue_new(void *frame, uintptr_t detached) {
  ca__executor *ex = ca__executor_get();
  ca__task *t = ca__task_of(frame);
  if (t->next != t || ca__task_queued(t))
    ca__die("ca_spawn: task %p was started twice", frame);
  /* Scoped: started by the ca__block_on future, or by a scoped task. */
  uintptr_t scoped = ex->current ? ex->current->prev_flags & CA__TASK_SCOPED
                     : ex->in_block_on ? CA__TASK_SCOPED
                                       : 0;
  t->prev_flags = (uintptr_t)t | detached | scoped;
  ca__list_push_back(&ex->runq, t, CA__TASK_QUEUED);
  ex->ntasks++;
  /* A ca__block_on future woken from now on may have to queue behind t. */
  ex->main.ops = &ca__main_wake_ops[1];
  return t;
}

void ca__task_start(void *frame) {
  (void)ca__task_queue_new(frame, CA__TASK_DETACHED);
}

ca_task *ca__task_start_joinable(void *frame) {
  return ca__handle_new(ca__task_queue_new(frame, 0));
}

void ca__task_wake(ca_waker waker) {
  ca__task *t = CA__CONTAINER_OF(waker, ca__task, ops);
  if (ca__task_queued(t))
    return;
  ca__list_remove(t, 0);
  ca__list_push_back(&ca__executor_get()->runq, t, CA__TASK_QUEUED);
}

/* t left the executor with `outcome`: freed when nobody holds its handle,
 * otherwise kept (in no list) for the handle's owner, whose join is woken. */
static void ca__task_finish(ca__executor *ex, ca__task *t, uintptr_t outcome) {
  int detached = (t->prev_flags & CA__TASK_DETACHED) != 0;
  ex->ntasks--;
  if (detached) {
    ca__task_release(t);
    return;
  }
  t->next = NULL;
  t->prev_flags = outcome;
  ca_waker *joiner = ca__joiner_get(t);
  if (joiner)
    ca_waker_wake(joiner);
}

/* Unlinks and drops a pending task. Marked queued first, so wakes that its
 * drop function causes (its own included) do nothing. */
static void ca__task_cancel(ca__executor *ex, ca__task *t) {
  ca__list_remove(t, CA__TASK_QUEUED);
  ca__vt(t)->drop(ca__task_frame(t));
  ca__task_finish(ex, t, CA__TASK_CANCELLED);
}

void ca__task_detach(ca_task *h) {
  if (!h)
    return;
  ca__task *t = ca__handle_get(h, "ca_task_detach");
  if (ca__joiner_get(t))
    ca__die("ca_task_detach: task of '%s' is awaited by ca_task_join",
            ca__vt(t)->name);
  ca__handle_release(h, CA__HANDLE_DETACHED);
  if (ca__task_finished(t))
    ca__task_release(t);
  else
    t->prev_flags |= CA__TASK_DETACHED;
}

void ca__task_abort_as(ca_task *h, const char *who) {
  ca__executor *ex = ca__executor_get();
  if (!h)
    return;
  ca__task *t = ca__handle_get(h, who);
  if (ca__joiner_get(t))
    ca__die("%s: task of '%s' is awaited by ca_task_join", who,
            ca__vt(t)->name);
  if (ca__task_finished(t)) {
    ca__handle_release(h, CA__HANDLE_ABORTED);
    ca__task_release(t);
    return;
  }
  if (t == ex->current)
    ca__die("%s: task of '%s' aborted itself from its own poll", who,
            ca__vt(t)->name);
  ca__handle_release(h, CA__HANDLE_ABORTED);
  t->prev_flags |= CA__TASK_DETACHED; /* freed once dropped */
  ca__task_cancel(ex, t);
}

void ca__task_abort(ca_task *h) { ca__task_abort_as(h, "ca_task_abort"); }

/* --------------------------------------------------------- ca_task_join */

void ca__task_join__init(struct ca__task_join__frame *f, ca_task *task,
                         void *out, size_t out_size) {
  f->task = task;
  f->out = out;
  f->out_size = out_size;
  f->waker = CA_WAKER_NONE;
}

CA__LEAF_DESC(ca__task_join, "ca_task_join", CA__WAIT_TASK, task);

ca_poll ca__task_join__poll(struct ca__task_join__frame *f, ca_context *cx,
                            int *out) {
  ca__task *t = ca__handle_get(f->task, "ca_task_join");
  if (!ca__task_finished(t)) {
    ca_waker *joiner = ca__joiner_get(t);
    if (joiner && joiner != &f->waker)
      ca__die("ca_task_join: task of '%s' is already awaited by another "
              "ca_task_join",
              ca__vt(t)->name);
    f->waker = cx->waker;
    if (!joiner)
      ca__joiner_set(t, &f->waker);
    return CA_PENDING;
  }
  ca__joiner_set(t, NULL);
  ca__handle_release(f->task, CA__HANDLE_JOINED);
  f->task = NULL;
  if (t->prev_flags == CA__TASK_CANCELLED) {
    *out = -ECANCELED;
  } else {
    if (f->out) {
      if (f->out_size != ca__vt(t)->result_size)
        ca__die("ca_task_join: '%s' returns %zu bytes, the result pointer "
                "points to %zu",
                ca__vt(t)->name, ca__vt(t)->result_size, f->out_size);
      memcpy(f->out, ca__task_frame(t), f->out_size);
    }
    *out = 0;
  }
  ca__task_release(t);
  return CA_READY;
}

CA__LEAF_DESC(ca_yield, "ca_yield", CA__WAIT_NONE, yielded);

void ca__task_join__drop(struct ca__task_join__frame *f) {
  ca__task *t = ca__handle_peek(f->task);
  if (t && ca__joiner_get(t) == &f->waker)
    ca__joiner_set(t, NULL);
}

/* The waker of the ca__block_on future points into the executor (at its
 * queue node's ops): no thread-local lookup needed. */
static void ca__main_wake_at(ca__executor *ex) {
  ca__task *t = &ex->main;
  /* The await hot path: nothing else queued, no list to touch (setting
   * the flag twice is harmless). Unless main is queued in the round being
   * run, whose list is not the run queue: then it was woken already. */
  if (ca__list_empty(&ex->runq)) {
    if (!ca__task_queued(t))
      ex->main_woken = 1;
    return;
  }
  if (ex->main_woken || ca__task_queued(t))
    return;
  ca__list_push_back(&ex->runq, t, CA__TASK_QUEUED);
}

static void ca__main_wake(ca_waker waker) {
  ca__main_wake_at(CA__CONTAINER_OF(waker, ca__executor, main.ops));
}

/* The ca__block_on future's wake while the executor has no task: then
 * the run queue is empty and the future is not queued, so a wake only
 * sets the flag (ca__main_wake_at's first case, in one store: the await
 * chain's hot path). ca__block_on installs it when no task exists, and a
 * task's start puts ca__main_wake back before anything can queue. */
static void ca__main_flag_wake(ca_waker waker) {
  CA__CONTAINER_OF(waker, ca__executor, main.ops)->main_woken = 1;
}

/* The future's two wakes, indexed by whether a task may queue. */
static const ca_wake_ops ca__main_wake_ops[2] = {{ca__main_flag_wake},
                                                 {ca__main_wake}};

/* The future's wake for what the executor holds now (see above). */
CA__SIZE_NOINLINE static void ca__main_wake_choose(ca__executor *ex) {
  ex->main.ops =
      &ca__main_wake_ops[ex->ntasks != 0 || ca__task_queued(&ex->main)];
}

static void ca__noop_wake(ca_waker waker) { (void)waker; }
static const ca_wake_ops ca__noop_wake_ops = {ca__noop_wake};
static const ca_wake_ops *const ca__noop_slot = &ca__noop_wake_ops;
const ca_waker ca_noop_waker = &ca__noop_slot;

static void ca__task_poll(ca__executor *ex, ca__task *t) {
  ca_context cx = {.waker = &t->ops}; /* main's: &ex->main.ops */
  ca__list_remove(t, 0);
  if (t == &ex->main) {
    /* The ca__block_on future: unlinked while not queued. */
    if (ex->main_poll(ex->main_frame, &cx, ex->main_out) == CA_READY)
      ex->main_done = 1;
    return;
  }
  ca__list_push_back(&ex->waiting, t, 0);
  ex->current = t;
  ca_poll r = ca__vt(t)->poll(ca__task_frame(t), &cx, NULL);
  ex->current = NULL;
  if (r == CA_READY) {
    ca__list_remove(t, CA__TASK_QUEUED); /* its drop's wakes do nothing */
    if (ca__vt(t)->drop_completed)
      ca__vt(t)->drop(ca__task_frame(t));
    ca__task_finish(ex, t, CA__TASK_COMPLETED);
  }
}

/* ------------------------------------------------------------- run loop */

/* ----------------------------------------------------- platform sources */

CA__THREAD_LOCAL unsigned ca__sources;

/* Armed (never to fire) while the platform watches a source: the run
 * loop's await hot path re-polls a self-woken future only while no timer
 * is armed, so this makes it look at the platform too, at no cost when
 * nothing is watched. */
static CA__THREAD_LOCAL ca_timer ca__sources_sentinel;

void ca__sources_add(int delta) {
  if (delta > 0 && ca__sources++ == 0)
    ca__timer_arm(&ca__sources_sentinel, UINT64_MAX, CA_WAKER_NONE);
  if (delta < 0 && --ca__sources == 0)
    ca__timer_disarm(&ca__sources_sentinel);
}

/* The result of ca__executor_park (below) when the park took what was
 * ready in the platform. */
#define CA__PARKED_IO 2

/* Step 1: fires the expired timers, then, while the platform watches
 * something, takes what became ready (I/O, events) without waiting, so
 * busy tasks cannot starve it; unless `parked`, the last park's result, is
 * CA__PARKED_IO: that park took it already. */
CA__SIZE_NOINLINE static void ca__executor_events(int parked) {
  ca__timer_fire_due();
  if (__builtin_expect(parked != CA__PARKED_IO && ca__sources != 0, 0))
    ca__platform_poll();
}

/* Polls between two looks at the timers and the reactor inside a round. */
#define CA__POLLS_PER_EVENT_CHECK 64

/* Step 3: polls each task queued now once, in order. Every
 * CA__POLLS_PER_EVENT_CHECK polls it also fires the expired timers and
 * takes the ready I/O: the tasks these wake queue for the next round (every
 * runnable task still runs once before any runs twice) ahead of those woken
 * later in this round, so a long round delays an event's task by at most
 * that many polls, not by the whole round. */
static void ca__executor_round(ca__executor *ex) {
  ca__task *round = &ex->round;
  unsigned polls = 0;
  ca__list_take(round, &ex->runq);
  while (!ca__list_empty(round)) {
    ca__task_poll(ex, round->next);
    if (__builtin_expect(++polls == CA__POLLS_PER_EVENT_CHECK, 0)) {
      polls = 0;
      ca__executor_events(1);
    }
  }
}

/* Step 4: returns 1 when something is runnable (after sleeping until a
 * timer deadline if needed), CA__PARKED_IO after a park in the platform
 * while it watched sources (what was ready already taken: the next round
 * need not look again), 0 when nothing can ever run again. */
__attribute__((noinline)) static int ca__executor_park(ca__executor *ex,
                                                       int has_main) {
  uint64_t deadline = CA__NO_DEADLINE; /* kept when no timer is armed */
  if (!ca__list_empty(&ex->runq) || (has_main && ex->main_woken))
    return 1;
  int timer = ca__timer_next(&deadline);
  if (ca__sources) {
    /* Until a source is ready, a wake, or the next deadline. */
    ca__platform_park(deadline);
    return CA__PARKED_IO;
  }
  if (!timer)
    return 0;
  ca__timer_wait(deadline);
  return 1;
}

static void ca__executor_enter(ca__executor *ex, const char *who) {
  if (ex->running)
    ca__die("%s: called while this thread's executor is running (from "
            "inside a poll or a drop)",
            who);
  ex->running = 1;
}

/* Moves the tasks of `from` flagged `flag` to `to`, marked queued so that
 * wakes leave them there. */
static void ca__list_take_flagged(ca__task *to, ca__task *from,
                                  uintptr_t flag) {
  ca__task *t = from->next;
  while (t != from) {
    ca__task *next = t->next;
    if (t->prev_flags & flag) {
      ca__list_remove(t, 0);
      ca__list_push_back(to, t, CA__TASK_QUEUED);
    }
    t = next;
  }
}

/* The tasks spawned while ca__block_on ran and still pending: dropped, in
 * queue order (runnable ones first), when it returns. */
static void ca__executor_drop_scoped(ca__executor *ex) {
  ca__task doomed;
  ca__list_init(&doomed);
  ca__list_take_flagged(&doomed, &ex->runq, CA__TASK_SCOPED);
  ca__list_take_flagged(&doomed, &ex->waiting, CA__TASK_SCOPED);
  while (!ca__list_empty(&doomed))
    ca__task_cancel(ex, doomed.next);
}

void ca__block_on(void *frame, ca_poll_fn poll, void *out) {
  ca__block_on_desc(frame, poll, out, NULL);
}

void ca__block_on_desc(void *frame, ca_poll_fn poll, void *out,
                       const ca__frame_desc *desc) {
  ca__executor *ex = ca__executor_get();
  ca__executor_enter(ex, "ca_block_on");
  ex->main_desc = desc;
  ex->main_poll = poll;
  ex->main_frame = frame;
  ex->main_out = out;
  ex->main_done = 0;
  ex->main_woken = 0;
  ex->in_block_on = 1;
  ca__list_init(&ex->main);
  ca__main_wake_choose(ex);
  ca__main_wake_at(ex);
  ca_context cx = {.waker = &ex->main.ops};
  int parked = 1; /* the last park's result (none yet: as if 1) */
  for (;;) {
    ca__executor_events(parked);
    if (ex->main_woken) {
      for (;;) {
        /* Woken before anything now queued: it goes first. */
        ex->main_woken = 0;
        if (poll(frame, &cx, out) == CA_READY)
          goto done;
        /* The await hot path: it woke itself while the run queue was empty
         * (tasks queued since come after it, and it will queue behind them
         * when it wakes again) and no timer could expire: poll it again at
         * once, which is what a full round would do. */
        if (__builtin_expect(ca__timer_armed() || !ex->main_woken, 0))
          break;
      }
    }
    if (!ca__list_empty(&ex->runq)) {
      ca__executor_round(ex);
      if (ex->main_done)
        break;
      ca__main_wake_choose(ex);
    }
    parked = ca__executor_park(ex, 1);
    if (!parked)
      ca__die("ca_block_on: the future is pending and nothing can wake it");
  }
done:
  /* A future that woke itself before completing is still queued. */
  ca__list_remove(&ex->main, 0);
  ex->main_woken = 0;
  ex->in_block_on = 0;
  ex->main_desc = NULL;
  if (ex->ntasks)
    ca__executor_drop_scoped(ex);
  ex->running = 0;
}

void ca__block_on_sync_enter(void) {
  ca__executor *ex = ca__executor_get();
  ca__executor_enter(ex, "ca_block_on");
  ex->in_block_on = 1;
}

void ca__block_on_sync_leave(ca_poll polled) {
  ca__executor *ex = &ca__exec;
  if (polled != CA_READY)
    ca__die("ca_block_on: a future the plugin found never suspends is "
            "pending (a cawait bug: please report it)");
  ex->in_block_on = 0;
  if (ex->ntasks)
    ca__executor_drop_scoped(ex);
  ex->running = 0;
}

void ca_run(void) {
  ca__executor *ex = ca__executor_get();
  if (ex->ntasks == 0)
    return;
  ca__executor_enter(ex, "ca_run");
  int parked = 1; /* as in ca__block_on */
  for (;;) {
    ca__executor_events(parked);
    ca__executor_round(ex);
    if (ex->ntasks == 0)
      break;
    parked = ca__executor_park(ex, 0);
    if (!parked)
      ca__die("ca_run: %zu task(s) are pending and nothing can wake them",
              ex->ntasks);
  }
  ex->running = 0;
}

int ca_executor_shutdown(void) {
  ca__executor *ex = ca__executor_get();
  int dropped = 0;
  if (ex->running)
    return -EBUSY;
  ex->running = 1; /* a drop function must not run the executor */
  for (;;) {
    if (!ca__list_empty(&ex->runq))
      ca__task_cancel(ex, ex->runq.next);
    else if (!ca__list_empty(&ex->waiting))
      ca__task_cancel(ex, ex->waiting.next);
    else
      break;
    dropped++;
  }
  ca__slab_trim(); /* the chunks, when no task is left (finished ones
                    * whose handle is held keep theirs) */
  ex->running = 0;
  return dropped;
}

/* ---------------------------------------------- queries for the runtime */

int ca__executor_running(void) { return ca__exec.running; }

const void *ca__executor_id(void) { return &ca__exec; }

int ca__task_done(ca_task *task, const char *who) {
  return ca__task_finished(ca__handle_get(task, who));
}

/* --------------------------------------------------------- ca_dump_tasks */

static void ca__visit_list(ca__executor *ex, ca__task *list,
                           ca__task_visit_fn *fn, void *arg) {
  for (ca__task *t = list->next; t != list; t = t->next) {
    if (t == &ex->main)
      continue;
    const ca__task_vtable *vt = ca__vt(t);
    const ca__frame_desc *desc = vt->desc;
    uintptr_t area = (uintptr_t)ca__task_frame(t);
    size_t align = desc && desc->align > _Alignof(max_align_t)
                       ? desc->align
                       : _Alignof(max_align_t);
    int status = t == ex->current       ? CA__TASK_RUNNING
                 : list == &ex->waiting ? CA__TASK_WAITING
                                        : CA__TASK_RUNNABLE;
    fn(arg, t, vt->name, (const void *)(area + (-area & (align - 1))), desc,
       status);
  }
}

void ca__tasks_visit(ca__task_visit_fn *fn, void *arg) {
  ca__executor *ex = ca__executor_get();
  if (ex->in_block_on) {
    /* User code runs in a poll or a drop: with no task being polled, the
     * caller is the future's own poll (or a drop it caused). */
    int status = !ex->current ? CA__TASK_RUNNING
                 : ex->main_woken || ca__task_queued(&ex->main)
                     ? CA__TASK_RUNNABLE
                     : CA__TASK_WAITING;
    const ca__frame_desc *desc = ex->main_desc;
    fn(arg, NULL, desc ? desc->name : NULL, ex->main_frame, desc, status);
  }
  ca__visit_list(ex, &ex->round, fn, arg);
  ca__visit_list(ex, &ex->runq, fn, arg);
  ca__visit_list(ex, &ex->waiting, fn, arg);
}

size_t ca__task_block_size(ca_task *handle) {
  ca__task *t = ca__handle_get(handle, "ca__task_block_size");
  ca_task_pool *pool = ca__vt(t)->pool;
  return pool ? pool->slot_size : ca__slab_block_size(t);
}

const char *ca__task_name(ca_task *handle) {
  ca__task *t = ca__handle_peek(handle);
  return t ? ca__vt(t)->name : NULL;
}
