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
/* The header's macros use GNU C (statement expressions, `, ##__VA_ARGS__`):
 * like a C library's headers, it is a system header, so a program built with
 * -Wpedantic (or -Weverything) -Werror is judged on its own code. */
#pragma GCC system_header

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

/* Frame budgets, for frames the caller cannot see:
 *
 *   CA_ASYNC_BUDGET(256) int f(int);   a prototype (in a header): callers
 *                                      in other files keep 256 bytes for
 *                                      f's frame; f's definition fails to
 *                                      compile if its frame is larger
 *   typedef CA_ASYNC_BUDGET(64) int add_fn(struct calc *, int, int);
 *                                      an async function pointer type:
 *                                      await(p(...)) keeps 64 bytes in the
 *                                      caller's frame; taking the address
 *                                      of a function whose frame is larger
 *                                      is a compile error
 *   typedef CA_ASYNC_BOXED int add_fn(...);
 *                                      calls through it allocate the frame
 *                                      (one malloc per call, freed when it
 *                                      completes or is dropped)
 *   await(ca_boxed(p(...)))            box one call through any async
 *                                      function pointer
 *
 * Without the plugin a pointer to an async function is an ordinary
 * function pointer. */
#ifdef CA_LOWERED
#define CA_ASYNC_BUDGET(n) __attribute__((__async__(n)))
#define CA_ASYNC_BOXED __attribute__((__async__("boxed")))
extern char ca__boxed; /* never defined: only the plugin sees it */
#define ca_boxed(e) ((void)ca__boxed, (e))
#else
#define CA_ASYNC_BUDGET(n)
#define CA_ASYNC_BOXED
#define ca_boxed(e) (e)
#endif
/* The runtime's own async functions (runtime/async/): written as async C,
 * compiled into libcawait twice, with the plugin (f__init, f__poll, f__drop
 * in a frame of the budget given here) and without it (the blocking f).
 * An async function pointer cannot point to one. */
#ifdef CA_LOWERED
#define CA__RUNTIME_ASYNC(n)                                                   \
  CA_ASYNC_BUDGET(n) __attribute__((annotate("cawait.runtime")))
#else
#define CA__RUNTIME_ASYNC(n)
#endif
/* Frames of runtime/async/stream.c (checked when libcawait is built). */
#define CA__READ_EXACT_BUDGET 64
#define CA__WRITE_ALL_BUDGET 64
#define CA__READ_LINE_BUDGET 64
#define CA__READER_READ_BUDGET 32
#ifndef CA_NO_ASYNC_KEYWORD
#define async_budget(n) CA_ASYNC_BUDGET(n)
#define async_boxed CA_ASYNC_BOXED
#endif

/* The plugin recognises these macros by name; their plain expansion is the
 * synchronous meaning of the program. */
#define await(e) (e)
#define ca_block_on(e) (e)

/* A spawned task (see "Tasks" below). */
typedef struct ca__task ca_task;
typedef struct ca_task_pool ca_task_pool;

/* Tasks: `ca_task *t = ca_spawn(f(x))` starts f(x) as a task of this
 * thread's executor (one allocation: a 32-byte header and f's frame) and
 * returns its handle; `ca_spawn(f(x));` as a statement detaches it.
 * `ca_spawn_in(&pool, f(x))` takes a slot of a static pool instead, and is
 * NULL when every slot is in use (the arguments are then not evaluated).
 * Every handle is consumed exactly once: by `await(ca_task_join(t, &out))`
 * (or ca_task_wait(t), for void tasks or to discard the result),
 * ca_task_abort(t) or ca_task_detach(t).
 *
 * Without the plugin, ca_spawn runs the call to completion at once and the
 * handle keeps its result for the join. */
#ifdef CA_LOWERED
#define ca_spawn(e) ((ca_task *)((void)(e), (void *)0))
#define ca_spawn_in(pool, e) ((ca_task *)((void)(pool), (void)(e), (void *)0))
/* A static pool of N task slots for the async function f, at file scope:
 * no heap at all (the embedded way). The plugin replaces it with the
 * storage, sized for f's frame. */
#define CA_TASK_POOL(name, f, N)                                               \
  static ca_task_pool name __attribute__((unused,                             \
                                         annotate("cawait.pool", #f, (N))))
#else
#define CA__IS_VOID(e) __builtin_types_compatible_p(__typeof__(e), void)
#define CA__NONVOID(e) __builtin_choose_expr(CA__IS_VOID(e), 0, (e))
#define ca_spawn(e)                                                            \
  __builtin_choose_expr(                                                       \
      CA__IS_VOID(e), ((e), ca__sync_task_new((void *)0, 0)),                  \
      __extension__({                                                          \
        __typeof__(CA__NONVOID(e)) ca__v = CA__NONVOID(e);                     \
        ca__sync_task_new(&ca__v, sizeof ca__v);                               \
      }))
#define ca_spawn_in(pool, e) ((void)(pool), ca_spawn(e))
#define CA_TASK_POOL(name, f, N)                                               \
  static ca_task_pool name __attribute__((unused)) = {.capacity = (N)}
#endif

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

/* A waker makes its task runnable again: a pointer into the task (or into
 * the frame of a combinator, for one of its branches) at a slot holding the
 * operations that wake it. Copying one is free; waking a task that is
 * already queued does nothing. It is borrowed: it stays valid as long as
 * the frame that was polled with it. */
typedef struct ca_wake_ops {
  void (*wake)(const struct ca_wake_ops *const *waker);
} ca_wake_ops;
typedef const ca_wake_ops *const *ca_waker;

/* What a poll function receives: how to be woken. */
typedef struct ca_context {
  ca_waker waker; /* wake this when the frame can make progress */
} ca_context;

static inline void ca_waker_wake(const ca_waker *w) { (**w)->wake(*w); }

/* A waker that does nothing, for polling a frame by hand:
 * `ca_context cx = {ca_noop_waker};`. */
extern const ca_waker ca_noop_waker;

/* An empty waker slot (nobody waits), and the test for one. */
#define CA_WAKER_NONE ((ca_waker)0)
static inline int ca_waker_is_set(const ca_waker *w) { return *w != 0; }
/* Wakes the waker in *slot, if any, and empties the slot first (so the
 * wake may refill it). */
static inline void ca_waker_take_wake(ca_waker *slot) {
  ca_waker w = *slot;
  *slot = CA_WAKER_NONE;
  if (w)
    ca_waker_wake(&w);
}

/* The head of the storage of an awaited ca_join / ca_select in its frame.
 * Each branch is polled with its own waker, a pointer to that branch's
 * slot in the array that follows the head (`const ca_wake_ops *[n]`, each
 * set to the branch's static operations): waking it marks the branch woken
 * and wakes the task, so a poll re-polls only the woken branches. */
typedef struct ca__combinator {
  ca_waker parent;  /* the task's waker, refreshed at every poll */
  uint32_t woken;   /* branches woken since their last poll */
  uint32_t pending; /* branches started and not completed */
} ca__combinator;
/* Branch `branch`'s waker, whose slot is `slot_offset` bytes into the
 * storage that starts with the head. */
static inline void ca__branch_woken(ca_waker slot, size_t slot_offset,
                                    unsigned branch) {
  ca__combinator *c =
      (ca__combinator *)((uintptr_t)slot - (uintptr_t)slot_offset);
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
 * when nothing is runnable. Writes the result to *out. The tasks its
 * future spawned, directly or through those tasks, that are still pending
 * when it returns are dropped (their cleanups run; a handle still held
 * then joins with -ECANCELED); other tasks (spawned from plain code, and
 * their own tasks) stay queued for the next ca_block_on or ca_run. Aborts when
 * called while this thread's executor is already running, or when nothing is
 * runnable, no timer is armed and the future is still pending. `frame` and
 * `out` are borrowed; the frame's waker (a flag in this thread's executor)
 * stays valid for the life of the thread.
 *
 * Each round: expired timers fire and ready I/O is taken; the future is
 * polled if it was woken (first round included), and completion returns at
 * once; then every task queued at that point is polled once, in FIFO order
 * (tasks woken during the round wait for the next one), with timers and
 * I/O looked at again every 64 polls. */
void ca__block_on(void *frame, ca_poll_fn poll, void *out);

/* Allocates a detached task holding a frame of `frame_size` bytes (aligned
 * for any type) and returns the frame; aborts when out of memory. The
 * caller inits the frame, then hands it to ca__task_start (exactly once),
 * which queues it on this thread's executor. The task owns itself: it is
 * freed after `drop` when it completes or when the executor drops it
 * (`drop` is also called on a completed frame, and must then release
 * nothing). A detached future's
 * result is discarded: `poll` is called with out == NULL, so for a
 * non-void future pass a trampoline that supplies the storage. */
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

/* Run once at start-up in each file that embeds an async function of
 * another file in the budget its declaration gives (async_budget(N)):
 * frame_size is what the defining file exports (0 when no file built with
 * the plugin defines it). Nothing else ties the two files' views of the
 * frame, so a frame larger than the budget aborts here, before any frame
 * can overflow: "cawait: the frame of '<f>' is S bytes, more than the
 * budget of N bytes that <file> gives it; raise the budget". */
void ca__budget_check(const char *function, const char *file, size_t budget,
                      size_t frame_size);

/* ----------------------------------------------------------------- tasks
 * A task is one block: a 32-byte header, then the frame (at least as large
 * as the result, which replaces the frame once the task completes). */
typedef struct ca__task_vtable {
  ca_wake_ops wake;   /* ca__task_wake: the task's waker points at it */
  ca_poll_fn poll;    /* polls the frame; writes the result over it */
  ca_drop_fn drop;    /* drops a frame that has not completed */
  size_t result_size; /* bytes of the result (0: void) */
  const char *name;   /* the async function, for messages */
  ca_task_pool *pool; /* the slots it lives in, or NULL: malloc */
  int drop_completed; /* also drop a completed frame (ca__task_alloc) */
} ca__task_vtable;

/* The wake operation of a task's waker, which points at the header's
 * pointer to the vtable's first member: queues the task at the tail of the
 * run queue unless it is already queued or is being freed. */
void ca__task_wake(ca_waker waker);

/* Storage of a CA_TASK_POOL (the plugin generates the definition). */
struct ca_task_pool {
  unsigned char *slots; /* capacity slots of slot_size bytes */
  size_t slot_size;     /* header + frame area, a multiple of max_align_t */
  unsigned capacity;    /* number of slots */
  unsigned used;        /* slots ever handed out (a bump index) */
  ca_task *free_list;   /* slots given back, linked through the header */
  const char *name;     /* the pool's name, for messages */
};

/* Takes a task of vt (from vt->pool, or malloc) whose frame area is
 * `area_size` bytes, and returns the area, aligned for any type. NULL only
 * when vt->pool is full; aborts when out of memory. */
void *ca__task_new(const ca__task_vtable *vt, size_t area_size);
/* Queues a task made by ca__task_new (or ca__task_alloc) whose frame is
 * initialised, and returns its handle: the caller owns it. */
ca_task *ca__task_start_joinable(void *area);

/* Bytes the area of a task of frame type T and result size R needs. */
#define CA__TASK_AREA_SIZE(T, R)                                               \
  (CA__TASK_FRAME_SIZE(T) > (R) ? CA__TASK_FRAME_SIZE(T) : (R))
/* Bytes of a pool slot for an area of A bytes. */
#define CA__POOL_SLOT_SIZE(A)                                                  \
  (32 + (((A) + _Alignof(max_align_t) - 1) & ~(_Alignof(max_align_t) - 1)))

/* Waits for a task and consumes its handle: 0 with the result written to
 * *out (out_size must be the result's size; out may be NULL to discard it),
 * or -ECANCELED when the task was dropped before it completed (it was
 * pending when the ca_block_on that spawned it returned). Dropping the
 * join (a select, a timeout) leaves the handle to its owner: join again,
 * abort or detach. */
CA_ASYNC int ca__task_join(ca_task *task, void *out, size_t out_size);
struct ca__task_join__frame {
  ca_task *task;   /* NULL once joined */
  void *out;       /* where the result goes */
  size_t out_size; /* sizeof *out, checked against the result */
  ca_waker waker;  /* the task wakes this when it completes */
};
void ca__task_join__init(struct ca__task_join__frame *f, ca_task *task,
                         void *out, size_t out_size);
ca_poll ca__task_join__poll(struct ca__task_join__frame *f, ca_context *cx,
                            int *out);
void ca__task_join__drop(struct ca__task_join__frame *f);

/* Without the plugin: handles that hold the result of a call that already
 * ran. Handles never consumed are freed at exit. */
ca_task *ca__sync_task_new(const void *result, size_t size);
void ca__sync_task_abort(ca_task *task);
void ca__sync_task_detach(ca_task *task);
void ca__task_abort(ca_task *task);
void ca__task_detach(ca_task *task);

/* await(ca_task_join(t, &out)): the task's result into out (the plugin
 * checks out's type against the spawned function's return type where it
 * can see the spawn); 0, or -ECANCELED. await(ca_task_wait(t)): the same,
 * the result discarded. */
#define ca_task_join(task, out) ca__task_join((task), (out), sizeof(*(out)))
#define ca_task_wait(task) ca__task_join((task), (void *)0, 0)
/* ca_task_abort(t): drops the task at its suspend point (its cleanups run)
 * unless it completed, and frees it. Not from the task itself, and not
 * while a ca_task_join awaits it. ca_task_detach(t): the task runs on, and
 * is freed when it completes. Both accept NULL. */
#ifdef CA_LOWERED
#define ca_task_abort(task) ca__task_abort(task)
#define ca_task_detach(task) ca__task_detach(task)
#else
#define ca_task_abort(task) ca__sync_task_abort(task)
#define ca_task_detach(task) ca__sync_task_detach(task)
#endif

/* ------------------------------------------------ async function pointers
 * A pointer to an async function f points to a function named f, with f's
 * signature, that the plugin generates beside f__init: called by an await
 * through the pointer, it places f's frame (in the caller's budget, or in
 * a box) and inits it. The await has put the call's storage in
 * ca__indirect first. */
typedef struct ca__frame_ops {
  ca_poll_fn poll;  /* polls the frame */
  ca_drop_fn drop;  /* drops it, in any state */
  size_t size;      /* sizeof the frame */
  size_t align;     /* _Alignof the frame */
  const char *name; /* the async function, for messages */
} ca__frame_ops;

typedef struct ca__indirect_call {
  void *storage;            /* in place: budget bytes; NULL: box it */
  size_t budget;            /* bytes at storage */
  void *frame;              /* out: where the callee's frame is */
  const ca__frame_ops *ops; /* out: how to poll and drop it */
} ca__indirect_call;

/* The call being made through an async function pointer on this thread. */
extern _Thread_local ca__indirect_call *ca__indirect;

/* The callee's side: the storage for a frame of `ops` (aborting when it
 * exceeds the budget, or when no await made the call). */
void *ca__indirect_place(const ca__frame_ops *ops);
/* The caller's side, after the call: aborts unless the pointer pointed to
 * an async function lowered by the plugin. */
void ca__indirect_check(ca__indirect_call *call);
/* Frees a boxed frame. */
void ca__box_free(void *frame);

/* The storage an await through an async(N) pointer keeps in its frame. */
#define CA__IN_PLACE(n)                                                        \
  struct {                                                                     \
    _Alignas(max_align_t) unsigned char frame[n];                              \
    const ca__frame_ops *ops;                                                  \
  }
/* ... and one through a boxed call. */
typedef struct ca__boxed_call {
  void *frame;
  const ca__frame_ops *ops;
} ca__boxed_call;

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

/* The links of an armed timer in one slot of the thread's timing wheel (a
 * circular list whose sentinel is the slot). */
typedef struct ca__timer_link {
  struct ca__timer_link *next, *prev; /* both NULL while not armed */
} ca__timer_link;

/* A timer entry: lives inside the awaiting frame, linked into the
 * executor's timing wheel while armed (no allocation). Zero-initialized is
 * "not armed". 40 bytes on LP64. */
typedef struct ca_timer {
  ca__timer_link link;  /* wheel slot, in arming order; next NULL: not armed */
  uint64_t deadline_ms; /* ca_now_ms() value at which it fires */
  ca_waker waker;       /* woken when the deadline passes */
} ca_timer;
/* Whether `t` is armed: it has neither fired nor been disarmed. */
static inline int ca__timer_is_armed(const ca_timer *t) {
  return t->link.next != 0;
}

/* Completes once `ms` milliseconds have passed. Cancellation-safe: dropping
 * it disarms the timer. The first poll arms the timer (deadline
 * ca_now_ms() + ms, saturating) and is always pending, even for 0 ms, so it
 * also yields; polls after completion return CA_READY again. The timer is
 * on the polling thread's list: poll and drop the frame on one thread.
 * Without the plugin it is nanosleep(), retried on EINTR. */
CA_ASYNC void ca_sleep_ms(uint64_t ms);
struct ca_sleep_ms__frame {
  ca_timer timer; /* until the first poll, deadline_ms holds the duration */
};
void ca_sleep_ms__init(struct ca_sleep_ms__frame *f, uint64_t ms);
ca_poll ca_sleep_ms__poll(struct ca_sleep_ms__frame *f, ca_context *cx,
                          void *out);
void ca_sleep_ms__drop(struct ca_sleep_ms__frame *f);

/* Completes once ca_now_ms() >= deadline_ms; like ca_sleep_ms otherwise
 * (pending at its first poll even when the deadline has passed,
 * cancellation-safe). Without the plugin it sleeps until then. */
CA_ASYNC void ca_sleep_until(uint64_t deadline_ms);
struct ca_sleep_until__frame {
  ca_timer timer; /* armed at the first poll (deadline_ms set by init) */
};
void ca_sleep_until__init(struct ca_sleep_until__frame *f,
                          uint64_t deadline_ms);
ca_poll ca_sleep_until__poll(struct ca_sleep_until__frame *f, ca_context *cx,
                             void *out);
void ca_sleep_until__drop(struct ca_sleep_until__frame *f);

/* ---------------------------------------------------------------- I/O
 * A file descriptor registered with this thread's reactor (edge-triggered
 * epoll): the registration lives in the ca_io, which must stay in place
 * while registered. Readiness seen by epoll is kept in `ready` and cleared
 * by an operation that meets EAGAIN; the reader's and the writer's wakers
 * are those of the frames waiting on it (one of each at a time).
 *
 * Errors are negative errno values; EINTR and EAGAIN are handled inside.
 * Without the plugin the operations block (poll(2) on EAGAIN). */
typedef struct ca_io {
  int fd;            /* -1 when closed */
  uint32_t ready;    /* CA__IO_READABLE | CA__IO_WRITABLE | CA__IO_HUP */
  ca_waker reader;   /* woken when readable (CA_WAKER_NONE: nobody) */
  ca_waker writer;   /* woken when writable */
} ca_io;
#define CA__IO_READABLE 1u
#define CA__IO_WRITABLE 2u
#define CA__IO_HUP 4u

/* Makes fd non-blocking and registers it: 0, or a negative errno (the fd
 * is then left as it was, and io is closed: ca_io_close does nothing).
 * The ca_io owns fd from now on. */
int ca_io_open(ca_io *io, int fd);
/* Deregisters and closes the fd (once; a closed ca_io does nothing).
 * Frames waiting on io are woken, and their operation gives -EBADF.
 * Returns 0 or a negative errno from close(2). */
int ca_io_close(ca_io *io);
/* A TCP socket listening on host:port (host NULL: 127.0.0.1; port 0: any,
 * then ca_io_port tells which), registered in io. 0 or a negative errno. */
int ca_tcp_listen(ca_io *io, const char *host, int port, int backlog);
/* The local port of a socket, or a negative errno. */
int ca_io_port(const ca_io *io);

/* Completes once the fd is readable (or hung up, or in error). */
CA_ASYNC void ca_readable(ca_io *io);
struct ca_readable__frame {
  ca_io *io;
};
void ca_readable__init(struct ca_readable__frame *f, ca_io *io);
ca_poll ca_readable__poll(struct ca_readable__frame *f, ca_context *cx,
                          void *out);
void ca_readable__drop(struct ca_readable__frame *f);

/* Completes once the fd is writable (or hung up, or in error). */
CA_ASYNC void ca_writable(ca_io *io);
struct ca_writable__frame {
  ca_io *io;
};
void ca_writable__init(struct ca_writable__frame *f, ca_io *io);
ca_poll ca_writable__poll(struct ca_writable__frame *f, ca_context *cx,
                          void *out);
void ca_writable__drop(struct ca_writable__frame *f);

/* Completes once fd, a descriptor no ca_io holds (a pipe, an eventfd, a
 * serial port, one another library owns), is readable (or hung up, or in
 * error): 0, or a negative errno (-EPERM for a regular file, which epoll
 * refuses; -EBADF for a descriptor that is not open). The frame registers
 * its own duplicate of fd from the first poll until it completes or is
 * dropped: fd's flags are left as they are, it is not closed, the owner
 * may close it meanwhile, and several frames (a ca_io too) may wait on one
 * file. Cancellation-safe. */
CA_ASYNC int ca_fd_readable(int fd);
struct ca_fd_readable__frame {
  ca_io io; /* registered while waiting */
  int fd;
};
void ca_fd_readable__init(struct ca_fd_readable__frame *f, int fd);
ca_poll ca_fd_readable__poll(struct ca_fd_readable__frame *f, ca_context *cx,
                             int *out);
void ca_fd_readable__drop(struct ca_fd_readable__frame *f);

/* Completes once fd is writable (or hung up, or in error); like
 * ca_fd_readable otherwise. */
CA_ASYNC int ca_fd_writable(int fd);
struct ca_fd_writable__frame {
  ca_io io;
  int fd;
};
void ca_fd_writable__init(struct ca_fd_writable__frame *f, int fd);
ca_poll ca_fd_writable__poll(struct ca_fd_writable__frame *f, ca_context *cx,
                             int *out);
void ca_fd_writable__drop(struct ca_fd_writable__frame *f);

/* read(2) of at most n bytes: the count (0 at end of file) or a negative
 * errno. Cancellation-safe: nothing is read unless it completes. */
CA_ASYNC long ca_read(ca_io *io, void *buf, size_t n);
struct ca_read__frame {
  ca_io *io;
  void *buf;
  size_t n;
};
void ca_read__init(struct ca_read__frame *f, ca_io *io, void *buf, size_t n);
ca_poll ca_read__poll(struct ca_read__frame *f, ca_context *cx, long *out);
void ca_read__drop(struct ca_read__frame *f);

/* write(2) of at most n bytes (send with MSG_NOSIGNAL on sockets: a peer
 * that reset gives -EPIPE, never SIGPIPE): the count or a negative errno.
 * Cancellation-safe. */
CA_ASYNC long ca_write(ca_io *io, const void *buf, size_t n);
struct ca_write__frame {
  ca_io *io;
  const void *buf;
  size_t n;
};
void ca_write__init(struct ca_write__frame *f, ca_io *io, const void *buf,
                    size_t n);
ca_poll ca_write__poll(struct ca_write__frame *f, ca_context *cx, long *out);
void ca_write__drop(struct ca_write__frame *f);

/* Accepts a connection on a listening ca_io: the new descriptor
 * (non-blocking, close-on-exec; register it with ca_io_open where its ca_io
 * will stay) or a negative errno. Out of descriptors (EMFILE, ENFILE), it
 * waits 10 ms and tries again instead of spinning. Cancellation-safe. */
CA_ASYNC int ca_accept(ca_io *listener);
struct ca_accept__frame {
  ca_io *listener;
  ca_timer backoff; /* armed while out of descriptors */
};
void ca_accept__init(struct ca_accept__frame *f, ca_io *listener);
ca_poll ca_accept__poll(struct ca_accept__frame *f, ca_context *cx, int *out);
void ca_accept__drop(struct ca_accept__frame *f);

/* Opens a TCP connection to host:port (an IPv4 address) in *out: 0 or a
 * negative errno, *out then closed (ca_io_close does nothing). Dropped
 * before it completes, the socket is closed. */
CA_ASYNC int ca_tcp_connect(ca_io *out, const char *host, int port);
struct ca_tcp_connect__frame {
  ca_io *out;
  const char *host;
  int port;
  int started;
};
void ca_tcp_connect__init(struct ca_tcp_connect__frame *f, ca_io *out,
                          const char *host, int port);
ca_poll ca_tcp_connect__poll(struct ca_tcp_connect__frame *f, ca_context *cx,
                             int *out);
void ca_tcp_connect__drop(struct ca_tcp_connect__frame *f);

/* A UDP socket bound to host:port (host NULL: 127.0.0.1; port 0: any),
 * registered in io. 0 or a negative errno. */
int ca_udp_bind(ca_io *io, const char *host, int port);

/* Sends one datagram of n bytes to host:port: the count or a negative
 * errno. Cancellation-safe. */
CA_ASYNC long ca_send_to(ca_io *io, const void *buf, size_t n,
                         const char *host, int port);
struct ca_send_to__frame {
  ca_io *io;
  const void *buf;
  size_t n;
  const char *host;
  int port;
};
void ca_send_to__init(struct ca_send_to__frame *f, ca_io *io, const void *buf,
                      size_t n, const char *host, int port);
ca_poll ca_send_to__poll(struct ca_send_to__frame *f, ca_context *cx,
                         long *out);
void ca_send_to__drop(struct ca_send_to__frame *f);

/* Receives one datagram into buf (at most n bytes; the rest of a longer
 * one is discarded), and the sender's port in *from_port when not NULL:
 * the count or a negative errno. Cancellation-safe. */
CA_ASYNC long ca_recv_from(ca_io *io, void *buf, size_t n, int *from_port);
struct ca_recv_from__frame {
  ca_io *io;
  void *buf;
  size_t n;
  int *from_port;
};
void ca_recv_from__init(struct ca_recv_from__frame *f, ca_io *io, void *buf,
                        size_t n, int *from_port);
ca_poll ca_recv_from__poll(struct ca_recv_from__frame *f, ca_context *cx,
                           long *out);
void ca_recv_from__drop(struct ca_recv_from__frame *f);

/* Shuts down part of a full-duplex connection (shutdown(2); how is
 * SHUT_RD, SHUT_WR or SHUT_RDWR): 0 or a negative errno. After SHUT_WR the
 * peer reads end of file; reading here still works. Frames waiting here on
 * a side shut down are woken (a writer then gets -EPIPE). */
int ca_shutdown(ca_io *io, int how);
/* The names: ca_close is ca_io_close, ca_connect ca_tcp_connect. */
#define ca_close(io) ca_io_close(io)
#define ca_connect(io, host, port) ca_tcp_connect((io), (host), (port))

/* -------------------------------------------------------------- streams
 * Written as async C in runtime/async/stream.c (compiled with the plugin,
 * and without it for the blocking versions); the budget is their frame. */

/* Reads exactly n bytes into buf: n, or fewer when the peer closed first
 * (the bytes read before end of file; 0 when it closed before any), or a
 * negative errno. Not cancellation-safe: dropped mid-way, the bytes read
 * so far are in buf but their count is lost. */
CA__RUNTIME_ASYNC(CA__READ_EXACT_BUDGET)
long ca_read_exact(ca_io *io, void *buf, size_t n);

/* Writes all n bytes of buf: n, or a negative errno (-EPIPE, -ECONNRESET
 * when the peer went away). Not cancellation-safe: dropped mid-way, part
 * of buf may have been sent. */
CA__RUNTIME_ASYNC(CA__WRITE_ALL_BUDGET)
long ca_write_all(ca_io *io, const void *buf, size_t n);

/* A buffered reader over a ca_io, for line-oriented protocols: the
 * storage (buf, cap bytes) is the caller's, and holds what was read past
 * the last line returned. */
typedef struct ca_reader {
  ca_io *io;
  char *buf;
  size_t cap;   /* bytes at buf */
  size_t start; /* the unread bytes are buf[start, end) */
  size_t end;
  int eof; /* the peer closed: nothing more will come */
} ca_reader;
void ca_reader_init(ca_reader *r, ca_io *io, void *buf, size_t cap);

/* Reads one line into line (at most cap - 1 bytes, then a NUL): its length
 * with the '\n' (so an empty line is 1 and end of file is 0), or a
 * negative errno. A line longer than cap - 1 comes in pieces without '\n';
 * a last line without '\n' at end of file comes without it. Cancellation-
 * safe: bytes read before a drop stay in the reader for the next call. */
CA__RUNTIME_ASYNC(CA__READ_LINE_BUDGET)
long ca_read_line(ca_reader *r, char *line, size_t cap);

/* Reads at most n bytes: first from the reader's buffer, then from the
 * ca_io; the count (0 at end of file) or a negative errno (for a body
 * after line-oriented headers). Cancellation-safe. */
CA__RUNTIME_ASYNC(CA__READER_READ_BUDGET)
long ca_reader_read(ca_reader *r, void *buf, size_t n);

/* Completes when the signal signo is delivered to the process (SIGINT,
 * SIGTERM: a server's graceful stop), returning signo, or a negative errno.
 * From its first poll on, signo is blocked on this thread (so it is never
 * lost between waits, and its default action no longer applies) and read
 * through a signalfd; it stays blocked afterwards. Cancellation-safe: the
 * signalfd is closed when it completes or is dropped. */
CA_ASYNC int ca_signal(int signo);
struct ca_signal__frame {
  int signo;
  unsigned char open; /* io holds the signalfd */
  ca_io io;
};
void ca_signal__init(struct ca_signal__frame *f, int signo);
ca_poll ca_signal__poll(struct ca_signal__frame *f, ca_context *cx, int *out);
void ca_signal__drop(struct ca_signal__frame *f);

/* ------------------------------------------- channels and synchronisation
 * Nothing here allocates: the storage is the user's (the structures below,
 * a channel's buffer, a group's slots) and a waiting operation is a node
 * inside the awaiting frame, linked into the primitive's queue in FIFO
 * order and unlinked when it completes or is dropped. A primitive must stay
 * in place, and outlive every operation awaiting it. Every awaitable
 * operation below is cancellation-safe: dropped before it completes, it has
 * had no effect, and a wake-up it received passes to the next waiter.
 *
 * Without the plugin the operations are blocking functions: one that can
 * complete at once does; one that would wait (nothing else can run to
 * unblock it) prints "cawait: <operation> ... would block forever without
 * the plugin" and aborts. */

/* A waiting operation, in its frame. */
typedef struct ca__waiter {
  struct ca__waiter *next, *prev; /* the queue, oldest first */
  ca_waker waker;                 /* of the frame's task, from its last poll */
  unsigned char linked;           /* in the queue */
  unsigned char notified; /* ca_notified: 1 by notify_one, 2 by notify_all */
} ca__waiter;

/* The waiting operations of a primitive, oldest first. Zero: empty. */
typedef struct ca__waitq {
  ca__waiter *head, *tail;
} ca__waitq;

/* A bounded channel of fixed-size elements (multi-producer,
 * multi-consumer), over a ring buffer the user supplies. Senders and
 * receivers are served in FIFO order: an operation does not overtake one
 * that waits. */
typedef struct ca_chan {
  unsigned char *buf;   /* capacity * elem_size bytes, borrowed */
  size_t elem_size;     /* bytes of one element */
  size_t capacity;      /* elements the buffer holds */
  size_t first;         /* index of the oldest element */
  size_t len;           /* elements held */
  ca__waitq senders;    /* sends waiting for a free slot */
  ca__waitq receivers;  /* receives waiting for an element */
  unsigned char closed; /* ca_chan_close was called */
} ca_chan;

/* Makes c an open, empty channel of `capacity` elements of `elem_size`
 * bytes stored in buf (borrowed: it must outlive the channel). 0, or
 * -EINVAL when buf is NULL or a size is 0 (the channel is then unusable). */
int ca_chan_init(ca_chan *c, void *buf, size_t elem_size, size_t capacity);

/* await(ca_chan_send(&c, &v)): copies *v into the channel once a slot is
 * free (and every earlier waiting send has sent): 0, or -EPIPE when the
 * channel is closed (v not sent). sizeof *v must be the element size
 * (checked: a mismatch aborts). v is borrowed until it completes.
 * Cancellation-safe: dropped, it has not sent. Without the plugin: sends,
 * -EPIPE, or aborts when the channel is full. */
#define ca_chan_send(c, v) ca__chan_send((c), (v), sizeof(*(v)))
CA_ASYNC int ca__chan_send(ca_chan *c, const void *v, size_t size);
struct ca__chan_send__frame {
  ca_chan *c;
  const void *v;
  size_t size;
  ca__waiter w; /* in c->senders while waiting */
};
void ca__chan_send__init(struct ca__chan_send__frame *f, ca_chan *c,
                         const void *v, size_t size);
ca_poll ca__chan_send__poll(struct ca__chan_send__frame *f, ca_context *cx,
                            int *out);
void ca__chan_send__drop(struct ca__chan_send__frame *f);

/* await(ca_chan_recv(&c, &v)): moves the oldest element into *v: 0, or
 * -EPIPE once the channel is closed and empty (*v untouched). sizeof *v
 * must be the element size. Cancellation-safe: dropped, it has taken no
 * element. Without the plugin: receives, -EPIPE, or aborts when the
 * channel is empty and open. */
#define ca_chan_recv(c, v) ca__chan_recv((c), (v), sizeof(*(v)))
CA_ASYNC int ca__chan_recv(ca_chan *c, void *v, size_t size);
struct ca__chan_recv__frame {
  ca_chan *c;
  void *v;
  size_t size;
  ca__waiter w; /* in c->receivers while waiting */
};
void ca__chan_recv__init(struct ca__chan_recv__frame *f, ca_chan *c, void *v,
                         size_t size);
ca_poll ca__chan_recv__poll(struct ca__chan_recv__frame *f, ca_context *cx,
                            int *out);
void ca__chan_recv__drop(struct ca__chan_recv__frame *f);

/* Not async: send or receive now, or -EAGAIN (full, or sends are waiting;
 * empty, or receives are waiting), or -EPIPE (closed; for a receive:
 * closed and empty). Sizes checked as above. */
#define ca_chan_try_send(c, v) ca__chan_try_send((c), (v), sizeof(*(v)))
#define ca_chan_try_recv(c, v) ca__chan_try_recv((c), (v), sizeof(*(v)))
int ca__chan_try_send(ca_chan *c, const void *v, size_t size);
int ca__chan_try_recv(ca_chan *c, void *v, size_t size);

/* Closes the channel (again: nothing) and wakes every waiting operation:
 * sends then fail with -EPIPE, receives drain the elements left, then
 * fail with -EPIPE. */
void ca_chan_close(ca_chan *c);

/* Elements in the channel now. */
size_t ca_chan_len(const ca_chan *c);

/* A oneshot: one value, sent once (not async), received once, stored in
 * the user's slot. */
typedef struct ca_oneshot {
  void *slot;           /* size bytes, borrowed: holds the value sent */
  size_t size;          /* bytes of the value */
  ca__waitq receivers;  /* receives waiting for the value */
  unsigned char full;   /* the value is in slot, not yet received */
  unsigned char sent;   /* ca_oneshot_send succeeded once */
  unsigned char closed; /* ca_oneshot_close was called */
} ca_oneshot;

/* Makes o an empty oneshot whose value is stored in slot (borrowed, `size`
 * bytes). 0, or -EINVAL when slot is NULL or size is 0. */
int ca_oneshot_init(ca_oneshot *o, void *slot, size_t size);

/* ca_oneshot_send(&o, &v): copies *v into the slot and wakes the receiver:
 * 0, -EALREADY when a value was sent before, or -EPIPE when o is closed.
 * sizeof *v must be the slot's size (checked: a mismatch aborts). */
#define ca_oneshot_send(o, v) ca__oneshot_send((o), (v), sizeof(*(v)))
int ca__oneshot_send(ca_oneshot *o, const void *v, size_t size);

/* await(ca_oneshot_recv(&o, &v)): the value into *v, once it is sent: 0,
 * or -EPIPE when o is closed without a value or the value was already
 * received. Cancellation-safe: dropped, the value stays for the next
 * receive. Without the plugin: receives, -EPIPE, or aborts when no value
 * was sent and o is open. */
#define ca_oneshot_recv(o, v) ca__oneshot_recv((o), (v), sizeof(*(v)))
CA_ASYNC int ca__oneshot_recv(ca_oneshot *o, void *v, size_t size);
struct ca__oneshot_recv__frame {
  ca_oneshot *o;
  void *v;
  size_t size;
  ca__waiter w; /* in o->receivers while waiting */
};
void ca__oneshot_recv__init(struct ca__oneshot_recv__frame *f, ca_oneshot *o,
                            void *v, size_t size);
ca_poll ca__oneshot_recv__poll(struct ca__oneshot_recv__frame *f,
                               ca_context *cx, int *out);
void ca__oneshot_recv__drop(struct ca__oneshot_recv__frame *f);

/* Closes o: later sends fail with -EPIPE, and waiting receives complete
 * (with a value sent before the close, or -EPIPE). */
void ca_oneshot_close(ca_oneshot *o);

/* Notify (like tokio::sync::Notify). Zero-initialised: no waiter, no
 * permit (or ca_notify_init). */
typedef struct ca_notify {
  ca__waitq waiters;    /* ca_notified frames not yet notified */
  unsigned char permit; /* a notify_one nobody waited for */
} ca_notify;

/* Empties n: no waiter, no permit. */
void ca_notify_init(ca_notify *n);
/* Wakes the oldest waiting ca_notified; with none waiting, stores a permit
 * (at most one) that the next ca_notified consumes at once. */
void ca_notify_one(ca_notify *n);
/* Wakes every ca_notified waiting now (a later one waits); stores no
 * permit. */
void ca_notify_all(ca_notify *n);

/* await(ca_notified(&n)): completes when notified (or at once when a
 * permit is stored, consuming it). A frame waits from its first poll on.
 * Cancellation-safe: dropped after a notify_one reached it, the
 * notification passes to the next waiter (or is stored as the permit).
 * Without the plugin: consumes the permit, or aborts when there is none. */
CA_ASYNC void ca_notified(ca_notify *n);
struct ca_notified__frame {
  ca_notify *n;
  ca__waiter w; /* in n->waiters while waiting */
};
void ca_notified__init(struct ca_notified__frame *f, ca_notify *n);
ca_poll ca_notified__poll(struct ca_notified__frame *f, ca_context *cx,
                          void *out);
void ca_notified__drop(struct ca_notified__frame *f);

/* A counting semaphore, FIFO: an acquire never overtakes one that waits. */
typedef struct ca_sem {
  size_t permits;       /* available now */
  ca__waitq waiters;    /* acquires waiting, oldest first */
  unsigned char closed; /* ca_sem_close was called */
} ca_sem;

/* Makes s an open semaphore holding `permits` permits, nobody waiting. */
void ca_sem_init(ca_sem *s, size_t permits);
/* await(ca_sem_acquire(&s)): takes one permit: 0, or -EPIPE when s is (or
 * gets) closed. The permit is the caller's, returned with ca_sem_release.
 * Cancellation-safe: dropped, it took no permit. Without the plugin: takes
 * one, -EPIPE, or aborts when none is available. */
CA_ASYNC int ca_sem_acquire(ca_sem *s);
struct ca_sem_acquire__frame {
  ca_sem *s;
  ca__waiter w; /* in s->waiters while waiting */
};
void ca_sem_acquire__init(struct ca_sem_acquire__frame *f, ca_sem *s);
ca_poll ca_sem_acquire__poll(struct ca_sem_acquire__frame *f, ca_context *cx,
                             int *out);
void ca_sem_acquire__drop(struct ca_sem_acquire__frame *f);
/* Not async: 0 (one permit taken), -EAGAIN (none, or acquires waiting) or
 * -EPIPE (closed). */
int ca_sem_try_acquire(ca_sem *s);
/* Gives one permit back (or adds one) and wakes the oldest waiter. */
void ca_sem_release(ca_sem *s);
/* Closes s: acquires, waiting or later, fail with -EPIPE. */
void ca_sem_close(ca_sem *s);

/* A cancellation token: set once, never reset. Zero-initialised: not
 * cancelled (or ca_cancel_init). */
typedef struct ca_cancel_token {
  ca__waitq waiters;       /* ca_cancelled frames waiting */
  unsigned char cancelled; /* ca_cancel was called */
} ca_cancel_token;

/* Makes t an uncancelled token, nobody waiting. */
void ca_cancel_init(ca_cancel_token *t);
/* Cancels t (again: nothing) and wakes every ca_cancelled waiting. */
void ca_cancel(ca_cancel_token *t);
/* 1 when t is cancelled, else 0. */
int ca_is_cancelled(const ca_cancel_token *t);

/* await(ca_cancelled(&t)): completes once t is cancelled; race it with
 * the work: await(ca_select(n = handle(conn), ca_cancelled(&stop))).
 * Cancellation-safe. Without the plugin: returns when t is cancelled,
 * aborts otherwise. */
CA_ASYNC void ca_cancelled(ca_cancel_token *t);
struct ca_cancelled__frame {
  ca_cancel_token *t;
  ca__waiter w; /* in t->waiters while waiting */
};
void ca_cancelled__init(struct ca_cancelled__frame *f, ca_cancel_token *t);
ca_poll ca_cancelled__poll(struct ca_cancelled__frame *f, ca_context *cx,
                           void *out);
void ca_cancelled__drop(struct ca_cancelled__frame *f);

/* A task group: owns task handles, kept in an array the user supplies. */
typedef struct ca_task_group {
  ca_task **slots;       /* capacity handles, borrowed; count in use */
  unsigned capacity;     /* slots */
  unsigned count;        /* handles held */
  ca_task *awaited;      /* joined by a pending ca_group_wait, or NULL */
  unsigned char lowered; /* initialised by code the plugin lowered */
} ca_task_group;

/* Makes g an empty group over slots[capacity] (borrowed). */
#ifdef CA_LOWERED
#define ca_group_init(g, slots, capacity)                                      \
  ca__group_init((g), (slots), (capacity), 1)
#else
#define ca_group_init(g, slots, capacity)                                      \
  ca__group_init((g), (slots), (capacity), 0)
#endif
void ca__group_init(ca_task_group *g, ca_task **slots, unsigned capacity,
                    int lowered);

/* ca_group_add(&g, ca_spawn(f(x))): the group takes the handle (always,
 * even when it fails). When the group is full it first frees the slots of
 * the tasks that finished. 0; -ENOSPC when still full (the task is then
 * aborted: a task just spawned has not run); -EINVAL for a NULL handle
 * (ca_spawn_in of a full pool). */
int ca_group_add(ca_task_group *g, ca_task *task);

/* await(ca_group_wait(&g)): waits until every task of the group (those
 * added while it waits included) finished, and frees them (results
 * discarded): the number of tasks that had been dropped by their
 * executor (joined with -ECANCELED), normally 0. One wait per group at a
 * time. Cancellation-safe: dropped, the tasks not yet finished stay in the
 * group. Without the plugin the tasks have all run: it frees them. */
CA_ASYNC int ca_group_wait(ca_task_group *g);
struct ca_group_wait__frame {
  ca_task_group *g;
  int cancelled;                    /* tasks joined with -ECANCELED */
  unsigned char joining;            /* join is initialised */
  struct ca__task_join__frame join; /* of g->awaited */
};
void ca_group_wait__init(struct ca_group_wait__frame *f, ca_task_group *g);
ca_poll ca_group_wait__poll(struct ca_group_wait__frame *f, ca_context *cx,
                            int *out);
void ca_group_wait__drop(struct ca_group_wait__frame *f);

/* Aborts every task of the group (ca_task_abort: the pending ones are
 * dropped at their suspend point, their cleanups run; every handle is
 * consumed) and empties it: the number of tasks that were still pending
 * (0 without the plugin, where they all ran). Not while a ca_group_wait
 * awaits g, nor from a task of g. */
int ca_group_abort(ca_task_group *g);

#ifdef __cplusplus
}
#endif

#endif /* CAWAIT_H */
