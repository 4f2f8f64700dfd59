/* cawait/abi.h - the frame ABI and the runtime's entry points for the code
 * the plugin generates. Included by <cawait.h>; never include it alone.
 *
 * Takes: CA_LOWERED and the ca_task / ca_task_pool typedefs from cawait.h.
 * Gives: what a poll function and the executor exchange (ca_poll,
 * ca_context, wakers: also what a leaf future written by hand implements,
 * see docs/user-guide.md), the `ca__` entry points the generated code and
 * cawait.h's macros call, and the types that user-visible structs embed
 * (waiters, timers). Nothing here is meant to be called by hand, except
 * the waker functions of a hand-written leaf future; its `ca__` names may
 * change between releases.
 */
#ifndef CAWAIT_ABI_H
#define CAWAIT_ABI_H
/* A system header like cawait.h (issue 16: the header never warns, at any
 * level). The pragma does not carry over to the files a system header
 * includes: each header under cawait/ has its own. */
#pragma GCC system_header

#ifndef CAWAIT_H
#error "include <cawait.h>, not <cawait/abi.h>"
#endif

#include <stddef.h>
#include <stdint.h>

/* The platform (docs/user-guide.md, "Bare metal and GCC"): 0 on a hosted
 * OS (Linux: threads, epoll, a heap), 1 on bare metal (one executor, no
 * heap, no OS: the Cortex-M platform). It follows the target (a compiler
 * for an OS defines __linux__, __unix__, __APPLE__ or _WIN32; one for
 * arm-none-eabi defines none); define it to override. */
#ifndef CA_BARE_METAL
#if defined(__linux__) || defined(__unix__) || defined(__APPLE__) ||           \
    defined(_WIN32)
#define CA_BARE_METAL 0
#else
#define CA_BARE_METAL 1
#endif
#endif
/* The runtime's state is per thread on a hosted OS (one executor per
 * thread); bare metal has one executor and no thread-local storage. */
#if CA_BARE_METAL
#define CA__THREAD_LOCAL
#else
#define CA__THREAD_LOCAL _Thread_local
#endif

/* The runtime's own async functions (runtime/async/): written as async C,
 * compiled into libcawait twice, with the plugin (f__init, f__poll, f__drop
 * in a frame of the budget given here) and without it (the blocking f).
 * An async function pointer cannot point to one. */
#ifdef CA__ASYNC_ATTR
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

#ifdef CA_LOWERED
extern char ca__boxed; /* never defined: only the plugin sees it (ca_boxed) */
/* The handle a ca_spawn or ca_spawn_in gives in the plugin's analysis of the
 * user's text. Never defined: the plugin replaces every start. A call, not
 * a null constant, so that clang's flow warnings (-Wunreachable-code) see
 * a handle that may be NULL, as they do without the plugin. */
ca_task *ca__started(void);
#endif

/* Without the plugin, ca_spawn keeps a non-void result in the handle. */
#define CA__IS_VOID(e) __builtin_types_compatible_p(__typeof__(e), void)
#define CA__NONVOID(e) __builtin_choose_expr(CA__IS_VOID(e), 0, (e))

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------ frame ABI */

typedef enum ca_poll {
  CA_PENDING = 0, /* not finished; the context's waker will be woken */
  CA_READY = 1,   /* finished; *out holds the result (a generator: no item) */
  CA_ITEM = 2     /* a generator's next item is in *out; poll again for the
                   * one after it (only generators return it) */
} ca_poll;

/* A waker makes its task runnable again: a pointer into the task (or into
 * the frame of a combinator, for one of its branches) at a slot holding the
 * operations that wake it. Copying one is free; waking a task that is
 * already queued does nothing. It is borrowed: it stays valid as long as
 * the frame that was polled with it. Thread: the executor's only (waking
 * links the task into its thread's run queue); from another thread, an
 * interrupt or a signal handler wake a ca_remote_waker instead (cawait.h),
 * which wakes this one on the executor's thread. */
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

/* ------------------------------------------------------- async backtraces
 * Static descriptions of frames (docs/design.md, "Async backtraces"): from
 * a frame, its state and these, ca_dump_tasks (or a debugger reading the
 * stopped process's memory) finds the await it is suspended in and the
 * callee's frame there, down to the leaf future. The plugin emits one
 * `const ca__frame_desc f__ca__desc` per lowered async function (its
 * awaits' table before it), the runtime one per leaf future. They are
 * read-only data: a task reaches its function's through its vtable, the
 * ca_block_on future through the executor, a call through an async
 * function pointer through its ops; no poll, wake or spawn reads them.
 * All offsets are bytes from the start of the frame that holds them. */

/* What the await at a state holds at `offset`. */
enum {
  CA__AWAIT_CALL = 0,     /* the callee's frame */
  CA__AWAIT_IN_PLACE = 1, /* through a pointer: the callee's frame; its
                           * `const ca__frame_ops *` at ops_offset */
  CA__AWAIT_BOXED = 2,    /* through a pointer: a pointer to the callee's
                           * frame; its ops at ops_offset */
  CA__AWAIT_JOIN = 3,     /* a ca_join's storage (a ca__combinator first) */
  CA__AWAIT_SELECT = 4,   /* a ca_select's (ca_timeout_ms is one) */
  CA__AWAIT_YIELD = 5     /* a generator's yield: nothing */
};

struct ca__frame_desc;

/* One suspend point of a lowered function: entry s - 1 of its table
 * describes state s. A combinator's branches are entries too (kind
 * CA__AWAIT_CALL, at their own frames' offsets, in branch order: branch i
 * runs while bit i of the head's `pending` is set). */
typedef struct ca__await_desc {
  const struct ca__frame_desc *callee; /* NULL: not described (a pointer's
                                        * callee is found by its ops; a
                                        * leaf written by hand has none) */
  const char *callee_name;             /* as called; NULL through a pointer */
  const char *file;    /* the await's presumed file, as __FILE__ */
  uint32_t line;       /* and line */
  uint32_t offset;     /* what it holds (CA__AWAIT_*) */
  uint32_t ops_offset; /* CA__AWAIT_IN_PLACE, _BOXED: the ops pointer */
  uint16_t kind;       /* CA__AWAIT_* */
  uint16_t nbranches;  /* a combinator's */
  const struct ca__await_desc *branches; /* [nbranches] */
} ca__await_desc;

/* What a leaf future waits on: the object at wait_offset of its frame. */
enum {
  CA__WAIT_NONE = 0,
  CA__WAIT_TIMER = 1,       /* a ca_timer */
  CA__WAIT_READ = 2,        /* a ca_io *: to read */
  CA__WAIT_WRITE = 3,       /* a ca_io *: to write */
  CA__WAIT_READ_FD = 4,     /* an int, a descriptor: to read */
  CA__WAIT_WRITE_FD = 5,    /* an int, a descriptor: to write */
  CA__WAIT_SIGNAL = 6,      /* an int, the signal number */
  CA__WAIT_CHAN = 7,        /* a ca_chan * */
  CA__WAIT_ONESHOT = 8,     /* a ca_oneshot * */
  CA__WAIT_NOTIFY = 9,      /* a ca_notify * */
  CA__WAIT_SEM = 10,        /* a ca_sem * */
  CA__WAIT_CANCEL = 11,     /* a ca_cancel_token * */
  CA__WAIT_EVENT = 12,      /* a ca_event * */
  CA__WAIT_GROUP = 13,      /* a ca_task_group * */
  CA__WAIT_TASK = 14,       /* a ca_task * (a handle) */
  CA__WAIT_BLOCKING = 15,   /* a function pointer: ca_blocking's job */
  CA__WAIT_REMOTE_CHAN = 16 /* a ca_remote_chan * */
};

/* An async function's frame (or a leaf future's: no state). */
typedef struct ca__frame_desc {
  const char *name;             /* the function, as the user calls it */
  const ca__await_desc *awaits; /* [nawaits]: state s is awaits[s - 1] */
  uint32_t nawaits;             /* states 1..nawaits suspend; 0 has not
                                 * started, nawaits + 1 is finished */
  uint32_t state_offset;        /* the state, an unsigned integer */
  uint32_t align;               /* _Alignof the frame */
  uint32_t wait_offset;         /* a leaf: what it waits on */
  uint8_t state_size;           /* bytes of the state; 0: a leaf */
  uint8_t wait;                 /* a leaf: CA__WAIT_* */
} ca__frame_desc;

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
/* ca__block_on, with the frame's description for ca_dump_tasks (what the
 * plugin's ca_block_on calls). */
void ca__block_on_desc(void *frame, ca_poll_fn poll, void *out,
                       const ca__frame_desc *desc);

/* ca_block_on of a future the plugin proved never suspends (an async
 * function of the same file that awaits only such functions): the lowering
 * inits its frame, then calls
 *   ca__block_on_sync_enter(); ca__block_on_sync_leave(f__poll(...));
 * with no executor round, which is what ca__block_on does with a future
 * whose first poll completes. Enter aborts as ca__block_on does when this
 * thread's executor is running, and scopes the tasks spawned until leave to
 * it; leave drops those still pending and aborts when the poll did not
 * complete (a cawait bug). */
void ca__block_on_sync_enter(void);
void ca__block_on_sync_leave(ca_poll polled);

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
/* Plain C (no clang-only __builtin_align_up): the lowered text builds with
 * any C11 compiler. The offset is what rounds area up to the alignment. */
#define CA__TASK_FRAME(T, area)                                                \
  ((T *)((char *)(area) +                                                      \
         (-(uintptr_t)(area) & (CA__TASK_FRAME_ALIGN(T) - 1))))
#define CA__TASK_FRAME_ALIGN(T)                                                \
  (_Alignof(T) > _Alignof(max_align_t) ? _Alignof(T) : _Alignof(max_align_t))
void ca__task_start(void *frame);

/* Polling a frame that already completed: prints
 * "cawait: '<function>' was polled after it completed or was dropped" and
 * aborts. */
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
 * A task is one block: a header (three pointers on 64-bit: 24 bytes on
 * x86-64; 16 bytes on 32-bit Arm), then the area, aligned for any type,
 * holding the frame (at least as large as the result, which replaces the
 * frame once the task completes). A pool slot reserves
 * CA__TASK_HEADER_SIZE bytes (four pointers rounded up to max_align_t)
 * for the header, which sits at their end. */
#define CA__TASK_HEADER_SIZE                                                   \
  ((4 * sizeof(void *) + _Alignof(max_align_t) - 1) &                          \
   ~(_Alignof(max_align_t) - 1))
typedef struct ca__task_vtable {
  ca_wake_ops wake;   /* ca__task_wake: the task's waker points at it */
  ca_poll_fn poll;    /* polls the frame; writes the result over it */
  ca_drop_fn drop;    /* drops a frame that has not completed */
  size_t result_size; /* bytes of the result (0: void) */
  const char *name;   /* the async function, for messages */
  ca_task_pool *pool; /* the slots it lives in, or NULL: malloc */
  int drop_completed; /* also drop a completed frame (ca__task_alloc) */
  const ca__frame_desc *desc; /* the frame's, for ca_dump_tasks, or NULL */
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
  void *free_list;      /* slots given back, linked through the header */
  const char *name;     /* the pool's name, for messages */
};

/* Takes a task of vt (from vt->pool, or malloc) whose frame area is
 * `area_size` bytes, and returns the area, aligned for any type. NULL only
 * when vt->pool is full; aborts when out of memory. */
void *ca__task_new(const ca__task_vtable *vt, size_t area_size);
/* Queues a task made by ca__task_new (or ca__task_alloc) whose frame is
 * initialised, and returns its handle: the caller owns it. */
ca_task *ca__task_start_joinable(void *area);

/* The bytes the block of a live handle's task takes in memory: its slab
 * class's size (header and area included; nothing else is allocated for
 * it), or its pool's slot size. For tests and tools. */
size_t ca__task_block_size(ca_task *handle);

/* Bytes the area of a task of frame type T and result size R needs. */
#define CA__TASK_AREA_SIZE(T, R)                                               \
  (CA__TASK_FRAME_SIZE(T) > (R) ? CA__TASK_FRAME_SIZE(T) : (R))
/* Bytes of a pool slot for an area of A bytes. */
#define CA__POOL_SLOT_SIZE(A)                                                  \
  (CA__TASK_HEADER_SIZE +                                                      \
   (((A) + _Alignof(max_align_t) - 1) & ~(_Alignof(max_align_t) - 1)))

/* Without the plugin: handles that hold the result of a call that already
 * ran. Handles never consumed are freed at exit. */
ca_task *ca__sync_task_new(const void *result, size_t size);
void ca__sync_task_abort(ca_task *task);
void ca__sync_task_detach(ca_task *task);
void ca__task_abort(ca_task *task);
void ca__task_detach(ca_task *task);

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
  const ca__frame_desc *desc; /* the frame's, for ca_dump_tasks, or NULL */
} ca__frame_ops;

typedef struct ca__indirect_call {
  void *storage;            /* in place: budget bytes; NULL: box it */
  size_t budget;            /* bytes at storage */
  void *frame;              /* out: where the callee's frame is */
  const ca__frame_ops *ops; /* out: how to poll and drop it */
} ca__indirect_call;

/* The call being made through an async function pointer on this thread. */
extern CA__THREAD_LOCAL ca__indirect_call *ca__indirect;

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

/* ---------------------------------------------------------------- timers */
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

/* ----------------------------------------------------------------- I/O */

/* The readiness flags of a ca_io, kept in its private part. */
#define CA__IO_READABLE 1u
#define CA__IO_WRITABLE 2u
#define CA__IO_HUP 4u

/* ------------------------------------------------- waiting operations */

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

#ifdef __cplusplus
}
#endif

#endif /* CAWAIT_ABI_H */
