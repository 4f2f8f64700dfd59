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
  static ca_task_pool name __attribute__((annotate("cawait.pool", #f, (N))))
#else
#define CA__IS_VOID(e) __builtin_types_compatible_p(__typeof__(e), void)
#define CA__NONVOID(e) __builtin_choose_expr(CA__IS_VOID(e), 0, (e))
#define ca_spawn(e)                                                            \
  __builtin_choose_expr(CA__IS_VOID(e),                                        \
                        ((e), ca__sync_task_new((void *)0, 0)), ({             \
                          __typeof__(CA__NONVOID(e)) ca__v = CA__NONVOID(e);   \
                          ca__sync_task_new(&ca__v, sizeof ca__v);             \
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

/* An empty waker slot (nobody waits), and the test for one. Leaf futures
 * that keep a waker use these, not the waker's members. */
#define CA_WAKER_NONE ((ca_waker){0})
static inline int ca_waker_is_set(const ca_waker *w) { return w->wake != 0; }
/* Wakes the waker in *slot, if any, and empties the slot first (so the
 * wake may refill it). */
static inline void ca_waker_take_wake(ca_waker *slot) {
  ca_waker w = *slot;
  *slot = CA_WAKER_NONE;
  if (ca_waker_is_set(&w))
    ca_waker_wake(&w);
}

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
 * Each round: expired timers fire; the future is polled if it was woken
 * (first round included), and completion returns at once; then every task
 * queued at that point is polled once, in FIFO order (tasks woken during
 * the round wait for the next one). */
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

/* ----------------------------------------------------------------- tasks
 * A task is one block: a 32-byte header, then the frame (at least as large
 * as the result, which replaces the frame once the task completes). */
typedef struct ca__task_vtable {
  ca_poll_fn poll;    /* polls the frame; writes the result over it */
  ca_drop_fn drop;    /* drops a frame that has not completed */
  size_t result_size; /* bytes of the result (0: void) */
  const char *name;   /* the async function, for messages */
  ca_task_pool *pool; /* the slots it lives in, or NULL: malloc */
  int drop_completed; /* also drop a completed frame (ca__task_alloc) */
} ca__task_vtable;

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
  ca_timer timer; /* armed at the first poll */
  uint64_t ms;    /* requested duration, until the first poll */
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
  ca_timer timer;       /* armed at the first poll */
  uint64_t deadline_ms; /* until the first poll */
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
  ca_waker reader;   /* woken when readable (wake NULL: nobody waits) */
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
 * negative errno. Dropped before it completes, the socket is closed. */
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

#ifdef __cplusplus
}
#endif

#endif /* CAWAIT_H */
