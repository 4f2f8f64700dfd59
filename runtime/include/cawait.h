/* cawait.h - polled async/await for C: user macros, the frame ABI types and
 * the runtime's leaf futures.
 *
 * Compiled with the cawait plugin (`cawait-cc`, or `clang -fplugin=cawait.so`)
 * every `async` function becomes a stackless coroutine:
 *
 *   struct f__frame;                            the coroutine frame
 *   void    f__init(struct f__frame *, P...);   "calling" f: no code runs
 *   ca_poll f__poll(struct f__frame *, ca_context *, T *out);
 *   void    f__drop(struct f__frame *);         cancel in any state
 *
 * Compiled without the plugin (any C compiler), `async` is empty and
 * `await(e)` is `e`: the program is ordinary synchronous C, and the runtime
 * library provides blocking versions of its leaf functions.
 *
 * Threads: everything here runs on the executor's thread (one executor per
 * thread) unless stated otherwise.
 */
#ifndef CAWAIT_H
#define CAWAIT_H

#include <stddef.h>
#include <stdint.h>

/* The plugin registers the `async` attribute, so __has_attribute sees it
 * exactly when the program is being lowered. */
#if defined(__has_attribute)
#if __has_attribute(async)
#define CA_LOWERED 1
#endif
#endif

/* CA_ASYNC is the attribute; `async` is its short name. Define
 * CA_NO_ASYNC_KEYWORD to spell the attribute yourself, for example as C23
 * `[[async]]` (a macro named `async` would expand inside it). */
#ifdef CA_LOWERED
#define CA_ASYNC __attribute__((__async__))
#else
#define CA_ASYNC
#endif
#ifndef CA_NO_ASYNC_KEYWORD
#define async CA_ASYNC
#endif

/* The plugin recognises these three macros by name; their plain expansion
 * is the synchronous meaning of the program. */
#define await(e) (e)
#define ca_block_on(e) (e)
#define ca_spawn(e) ((void)(e))

/* Combinators, awaited: each branch is a call of an async function,
 * optionally assigned (`v = f(x)`, `*p += g(y)`).
 *
 *   await(ca_join(a = f(x), g(y)));     every branch, concurrently
 *   int k = await(ca_select(a = f(x), b = g(y)));
 *                                       the first to complete wins: only
 *                                       its assignment is done, the others
 *                                       are dropped; k is its index
 *   int timed_out = await(ca_timeout_ms(100, a = f(x)));
 *                                       1 when the deadline passed first
 *                                       (the call dropped, a untouched)
 *
 * With the plugin every branch frame lives in the caller's frame. Without
 * it, join runs the branches in order and select and timeout run their
 * first branch only (the others are type-checked, not evaluated). */
#ifdef CA_LOWERED
#define ca_join(...) ((void)(__VA_ARGS__))
#define ca_select(...) ((void)(__VA_ARGS__), 0)
#else
#define ca_join(...) ((void)(__VA_ARGS__))
#define ca_select(first, ...)                                                  \
  ((void)(first), (void)sizeof(((void)0, ##__VA_ARGS__, 0)), 0)
#endif
#define ca_timeout_ms(ms, call) ca_select(call, ca_sleep_ms(ms))

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------ frame ABI */

typedef enum ca_poll {
  CA_PENDING = 0, /* not finished; the context's waker will be woken */
  CA_READY = 1    /* finished; *out holds the result */
} ca_poll;

/* A waker makes its task runnable again. Copying one is free; waking a task
 * that is already queued does nothing. `data` is borrowed: it stays valid as
 * long as the frame that was polled with it. */
typedef struct ca_waker {
  void (*wake)(void *data); /* queues the task identified by data */
  void *data;               /* the task (or block_on's own flag) */
} ca_waker;

/* What a poll function receives: how to be woken. */
typedef struct ca_context {
  ca_waker waker; /* wake this when the frame can make progress */
} ca_context;

static inline void ca_waker_wake(const ca_waker *w) { w->wake(w->data); }

/* The head of the storage of an awaited ca_join / ca_select in its frame:
 * each branch is polled with its own waker, which marks the branch woken
 * and wakes the task, so a poll re-polls only the woken branches. */
typedef struct ca__combinator {
  ca_waker parent;  /* the task's waker, refreshed at every poll */
  uint32_t woken;   /* branches woken since their last poll */
  uint32_t pending; /* branches started and not completed */
} ca__combinator;
static inline void ca__branch_woken(void *head, unsigned branch) {
  ca__combinator *c = (ca__combinator *)head;
  c->woken |= (uint32_t)1 << branch;
  ca_waker_wake(&c->parent);
}

/* Type-erased poll and drop, used where the frame's type is not known
 * statically (the executor's tasks and block_on). */
typedef ca_poll (*ca_poll_fn)(void *frame, ca_context *cx, void *out);
typedef void (*ca_drop_fn)(void *frame);

/* --------------------------------------------------- runtime entry points
 * Called by the code the plugin generates; not meant to be called by hand. */

/* `poll` and `drop` are called through these exact types: a generated
 * `f__poll(struct f__frame *, ca_context *, T *)` cast to ca_poll_fn is
 * undefined behaviour (and -fsanitize=function, part of
 * -fsanitize=undefined, reports it), so pass a trampoline with this
 * signature that calls f__poll.
 *
 * Fatal errors below print "cawait: ..." to stderr after flushing stdout,
 * then abort(). */

/* Runs the executor on this thread until `frame` completes: polls it, the
 * spawned tasks (FIFO) and the timers, sleeping until the next deadline
 * when nothing is runnable. Writes the result to *out. Tasks still pending
 * when it returns stay queued for the next ca_block_on or ca_run. Aborts
 * when called while this thread's executor is already running, or when
 * nothing is runnable, no timer is armed and the future is still pending.
 * `frame` and `out` are borrowed; the frame's waker (a flag in this
 * thread's executor) stays valid for the life of the thread.
 *
 * Each round: expired timers fire; the future is polled if it was woken
 * (first round included), and completion returns at once; then every task
 * queued at that point is polled once, in FIFO order (tasks woken during
 * the round wait for the next one). */
void ca__block_on(void *frame, ca_poll_fn poll, void *out);

/* Allocates a task holding a frame of `frame_size` bytes (aligned for any
 * type) and returns the frame; aborts when out of memory. The caller inits
 * the frame, then hands it to ca__task_start (exactly once), which queues
 * it on this thread's executor. The task owns itself: it is freed (after
 * `drop`) when it completes or when the executor drops it. `drop` is also
 * called on a completed frame, and must then release nothing.
 * A spawned future's result is discarded: `poll` is called with out ==
 * NULL, so for a non-void future pass a trampoline that supplies the
 * storage. */
void *ca__task_alloc(size_t frame_size, ca_poll_fn poll, ca_drop_fn drop);

/* A frame of type T aligned more than max_align_t is placed inside the
 * task's area at its own alignment: the area is that much larger, and the
 * poll/drop trampolines find the frame with CA__TASK_FRAME. */
#define CA__TASK_FRAME_SIZE(T)                                                 \
  (sizeof(T) + (_Alignof(T) > _Alignof(max_align_t)                            \
                    ? _Alignof(T) - _Alignof(max_align_t)                      \
                    : 0))
#define CA__TASK_FRAME(T, area)                                                \
  ((T *)__builtin_align_up((area), _Alignof(T) > _Alignof(max_align_t)         \
                                       ? _Alignof(T)                           \
                                       : _Alignof(max_align_t)))
void ca__task_start(void *frame);

/* Polling a frame that already completed: prints
 * "cawait: '<function>' was polled after it completed or was dropped" and aborts. */
_Noreturn void ca__poll_after_done(const char *function);

/* ------------------------------------------------------------- user API */

/* Runs spawned tasks until none is left (returns at once without the
 * plugin, where ca_spawn runs the call to completion). Sleeps until the
 * next timer deadline when nothing is runnable; aborts when tasks are left
 * that nothing can wake, or when called from inside a poll. */
void ca_run(void);

/* Drops (calls the drop function of) and frees every task of this thread's
 * executor, queued or waiting; returns how many, or -EBUSY when called
 * from inside a poll or a drop. Tasks left pending are otherwise never
 * freed (there is no atexit hook): a program that may end with pending
 * tasks, and wants a clean leak check, calls this before it returns. The
 * executor stays usable afterwards. */
int ca_executor_shutdown(void);

/* Milliseconds of CLOCK_MONOTONIC. */
uint64_t ca_now_ms(void);

/* ------------------------------------------------------------ leaf futures
 * Each is an async prototype plus the four ABI names. Without the plugin the
 * prototype is an ordinary blocking function in libcawait. */

/* Pending once (waking itself), then ready: lets other tasks run.
 * Cancellation-safe. Without the plugin it returns at once. */
CA_ASYNC void ca_yield(void);
struct ca_yield__frame {
  unsigned char yielded; /* 0 before the first poll, 1 after */
};
static inline void ca_yield__init(struct ca_yield__frame *f) { f->yielded = 0; }
static inline ca_poll ca_yield__poll(struct ca_yield__frame *f, ca_context *cx,
                                     void *out) {
  (void)out;
  if (f->yielded)
    return CA_READY;
  f->yielded = 1;
  ca_waker_wake(&cx->waker);
  return CA_PENDING;
}
static inline void ca_yield__drop(struct ca_yield__frame *f) { (void)f; }

/* A timer entry: lives inside the awaiting frame, linked into the
 * executor's timer list while armed (no allocation). */
typedef struct ca_timer {
  struct ca_timer *next, *prev; /* executor's list, sorted by deadline */
  uint64_t deadline_ms;         /* ca_now_ms() value at which it fires */
  ca_waker waker;               /* woken when the deadline passes */
  unsigned char armed;          /* linked into the executor's list */
} ca_timer;

/* Completes once `ms` milliseconds have passed. Cancellation-safe: dropping
 * it disarms the timer. The first poll arms the timer (deadline
 * ca_now_ms() + ms, saturating) and is always pending, even for 0 ms, so it
 * also yields; polls after completion return CA_READY again. The timer is
 * on the polling thread's list: poll and drop the frame on one thread.
 * Without the plugin it is nanosleep(), retried on EINTR. */
CA_ASYNC void ca_sleep_ms(uint64_t ms);
struct ca_sleep_ms__frame {
  ca_timer timer; /* armed at the first poll */
  uint64_t ms;    /* requested duration, until the first poll */
};
void ca_sleep_ms__init(struct ca_sleep_ms__frame *f, uint64_t ms);
ca_poll ca_sleep_ms__poll(struct ca_sleep_ms__frame *f, ca_context *cx,
                          void *out);
void ca_sleep_ms__drop(struct ca_sleep_ms__frame *f);

#ifdef __cplusplus
}
#endif

#endif /* CAWAIT_H */
