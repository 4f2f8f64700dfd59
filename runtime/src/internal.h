/* internal.h - what the runtime's files share and users never see: fatal
 * errors, the task waker, and the per-thread timing wheel that executor.c
 * drives and timer.c owns. What the core needs from the platform it runs
 * on is in platform.h.
 *
 * Everything here is per thread (the executor and its timers are
 * CA__THREAD_LOCAL: _Thread_local on a hosted OS, plain statics on bare
 * metal) and is called on the executor's thread only.
 */
#ifndef CAWAIT_INTERNAL_H
#define CAWAIT_INTERNAL_H

/* The runtime names fields `gen` (handle generations). */
#define CA_NO_GEN_KEYWORDS 1
#include <cawait.h>
#include <stddef.h>
#include <stdint.h>

/* A small helper that several hot paths call: out of line when optimizing
 * for size (-Os, -Oz: __OPTIMIZE_SIZE__, which gcc and clang both define),
 * where clang would otherwise copy it into every caller (the Cortex-M
 * core's size, docs/performance.md); left to the compiler otherwise, so a
 * hosted -O2 build inlines it as before. */
#ifdef __OPTIMIZE_SIZE__
#define CA__SIZE_NOINLINE __attribute__((noinline))
#else
#define CA__SIZE_NOINLINE
#endif

/* ASan builds of the runtime (libcawait-san) poison freed task blocks
 * (task_mem.c), so a use after free is reported. */
#if defined(__SANITIZE_ADDRESS__)
#define CA__SLAB_POISONING 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CA__SLAB_POISONING 1
#endif
#endif
#ifndef CA__SLAB_POISONING
#define CA__SLAB_POISONING 0
#endif

/* ------------------------------------------------------ async backtraces */

/* The description of the leaf future f (cawait/abi.h): called `label` in
 * the user's code, it waits on `wait` (CA__WAIT_*) at member `member` of its
 * frame. Defined beside f__init, which every program awaiting f links:
 * the plugin's tables refer to it weakly. */
#define CA__LEAF_DESC(f, label, wait_kind, member)                             \
  const ca__frame_desc f##__ca__desc = {                                       \
      .name = label,                                                           \
      .align = _Alignof(struct f##__frame),                                    \
      .wait = wait_kind,                                                       \
      .wait_offset = offsetof(struct f##__frame, member)}

/* ------------------------------------------------------------ executor.c */

/* Flushes stdout (so a program's last lines are not lost), prints
 * "cawait: <message>" and a newline to stderr, and aborts. */
_Noreturn void ca__die(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* Whether the task of a live handle has finished (completed, or dropped
 * by its executor): its handle can then be consumed without waiting. `who`
 * names the call for the message when the handle is not live. */
int ca__task_done(ca_task *task, const char *who);

/* ca_task_abort, with `who` naming the call for the messages. */
void ca__task_abort_as(ca_task *task, const char *who);

/* For ca_dump_tasks (dump.c): how a task stands. */
enum { CA__TASK_RUNNING, CA__TASK_RUNNABLE, CA__TASK_WAITING };
/* Calls fn for the ca_block_on future running on this thread, if any
 * (task NULL), then for every pending task, in the order they would next
 * be polled (runnable ones first): its function's name, its frame (placed
 * in the task's area at the frame's alignment: desc->align) and the
 * frame's description (NULL when none: a task of ca__task_alloc, a
 * ca__block_on called by hand; the future's name is then NULL too, as for
 * a ca_block_on run in place, ca__block_on_sync_enter). */
typedef void ca__task_visit_fn(void *arg, const void *task, const char *name,
                               const void *frame, const ca__frame_desc *desc,
                               int status);
void ca__tasks_visit(ca__task_visit_fn *fn, void *arg);
/* The name of the function a live handle's task runs, or NULL. */
const char *ca__task_name(ca_task *handle);

/* Whether this thread's executor is running (inside ca_block_on, ca_run,
 * a poll or a drop). */
int ca__executor_running(void);

/* This thread's executor, as an identity to compare (never followed by
 * another thread). */
const void *ca__executor_id(void);

/* ------------------------------------------------------------ task_mem.c
 * Where task blocks live (ca__task_new's heap blocks): a slab per size
 * class, per thread, with no per-block header. Blocks are carved from
 * chunks of CA__SLAB_CHUNK bytes aligned on their size (cut from larger
 * regions), so a block finds
 * its chunk, and the chunk its class, from the block's address; a freed
 * block goes on its class's free list and is reused first (last freed,
 * first reused). Every block is placed so that the area after a task
 * header (CA__TASK_HEADER_BYTES) is aligned for any type. A block larger
 * than the largest class gets a chunk of its own, freed with it.
 * Single-threaded: a block is allocated and freed on its executor's thread
 * only. A thread that ends, and ca_executor_shutdown, free its chunks
 * when no block is in use. With ASan (libcawait-san) a freed block is
 * poisoned, so a use after free is reported. Bare metal has no heap: there
 * ca__slab_alloc is ca__platform_alloc, which aborts. */

/* The task header keeps the joiner where it has room: 32-bit, where the
 * header's 3 words are padded to 16 bytes anyway (its links carry 3 flag
 * bits: it is 8-aligned). */
#define CA__TASK_JOINER_IN_HEADER (UINTPTR_MAX <= 0xffffffffu)
#define CA__TASK_HEADER_BYTES                                                  \
  (CA__TASK_JOINER_IN_HEADER ? 16u : 3 * sizeof(void *))

#if !CA_BARE_METAL
#define CA__SLAB_CHUNK ((size_t)256 << 10)
/* Chunks come in regions (one allocation each, whose own overhead of
 * about two pages is paid per region): the first of 4 chunks, each next
 * one twice as large, up to 128 chunks (32 MiB). */
#define CA__SLAB_REGION_FIRST 4u
#define CA__SLAB_REGION_MAX 128u
#define CA__SLAB_QUANTUM _Alignof(max_align_t)
#define CA__SLAB_SMALL 64 /* classes of 1..64 quanta: 16..1024 bytes */
#define CA__SLAB_CLASSES (CA__SLAB_SMALL + 20) /* then 4 per doubling */

typedef struct ca__slab_chunk {
  struct ca__slab_chunk *next; /* the first chunk of a region: the next
                                * region of the thread */
  uint32_t cls; /* the class of its blocks, or CA__SLAB_CLASSES: large */
  size_t bytes; /* a large chunk's size */
} ca__slab_chunk;

typedef struct ca__slab_class {
  void *free;          /* freed blocks, linked through their first word */
  unsigned char *bump; /* the next never-used block of the current chunk */
  unsigned char *end;  /* the end of the current chunk */
} ca__slab_class;

typedef struct ca__slab {
  ca__slab_class cls[CA__SLAB_CLASSES];
  ca__slab_chunk *regions;          /* a region's size is in its first
                                     * chunk's `bytes`; they are cut into
                                     * chunks as classes need them */
  unsigned char *carve, *carve_end; /* the chunks of the last region not
                                     * given to a class yet */
  size_t live;                      /* blocks handed out and not freed */
  unsigned region_chunks;           /* chunks of the next region (0: the
                                     * first size) */
} ca__slab;

extern CA__THREAD_LOCAL ca__slab ca__slab_state;
/* The block size of each class. */
extern const uint32_t ca__slab_size[CA__SLAB_CLASSES];

void *ca__slab_alloc_slow(size_t size);
void ca__slab_free_slow(void *block);

/* A block of at least `size` bytes (the header included), or NULL when out
 * of memory. */
static inline void *ca__slab_alloc(size_t size) {
#if !CA__SLAB_POISONING
  if (__builtin_expect(size <= CA__SLAB_SMALL * CA__SLAB_QUANTUM, 1)) {
    size_t c = (size + CA__SLAB_QUANTUM - 1) / CA__SLAB_QUANTUM - 1;
    ca__slab_class *k = &ca__slab_state.cls[c];
    void *b = k->free;
    if (__builtin_expect(b != NULL, 1)) {
      k->free = *(void **)b;
      ca__slab_state.live++;
      return b;
    }
    size_t bs = (c + 1) * CA__SLAB_QUANTUM;
    if ((size_t)(k->end - k->bump) >= bs) {
      b = k->bump;
      k->bump += bs;
      ca__slab_state.live++;
      return b;
    }
  }
#endif
  return ca__slab_alloc_slow(size);
}

/* Gives back a block of ca__slab_alloc. */
static inline void ca__slab_free(void *block) {
#if !CA__SLAB_POISONING
  ca__slab_chunk *ch =
      (ca__slab_chunk *)((uintptr_t)block & ~(uintptr_t)(CA__SLAB_CHUNK - 1));
  uint32_t c = ch->cls;
  if (__builtin_expect(c < CA__SLAB_CLASSES, 1)) {
    ca__slab_class *k = &ca__slab_state.cls[c];
    *(void **)block = k->free;
    k->free = block;
    ca__slab_state.live--;
    return;
  }
#endif
  ca__slab_free_slow(block);
}
#else
void *ca__slab_alloc(size_t size); /* ca__platform_alloc: aborts */
void ca__slab_free(void *block);
#endif

/* Frees every chunk when no block is in use (ca_executor_shutdown). */
void ca__slab_trim(void);
/* The bytes a block of ca__slab_alloc takes (its class's size). */
size_t ca__slab_block_size(const void *block);

#if !CA__TASK_JOINER_IN_HEADER
/* The joiner of a task (the waker in the frame of the ca_task_join that
 * awaits it), where the header has no room for it: a per-thread table
 * keyed by the task, with an entry only while a join waits. get: NULL when
 * none; set: NULL removes. */
ca_waker *ca__joiner_get(const void *task);
void ca__joiner_set(const void *task, ca_waker *joiner);
#endif

/* ------------------------------------------------------------- handle.c
 * Task handles: an index into this thread's handle table and a
 * generation, never a pointer into the task (docs/design.md). */

/* How a handle was consumed. */
enum { CA__HANDLE_JOINED = 1, CA__HANDLE_ABORTED = 2, CA__HANDLE_DETACHED = 3 };

/* How many bits of a handle are its slot's index plus one (0 is NULL); the
 * bits above are its generation, a multiple of 4. */
#define CA__HANDLE_INDEX_BITS (sizeof(uintptr_t) * 4)
#define CA__HANDLE_INDEX_MASK (((uintptr_t)1 << CA__HANDLE_INDEX_BITS) - 1)
#if CA_BARE_METAL
/* No heap: segment 0 is the whole table. A program holds at most
 * CA_MAX_HANDLES joinable handles at once (build the runtime with
 * -DCA_MAX_HANDLES=N to change it); one more aborts. */
#ifndef CA_MAX_HANDLES
#define CA_MAX_HANDLES 16
#endif
#define CA__HANDLE_SEG0 ((unsigned)CA_MAX_HANDLES)
#define CA__HANDLE_SEGS 1
#else
#define CA__HANDLE_SEG0 64u /* slots of segment 0; segment s has 64 << (s-1)   \
                             */
#define CA__HANDLE_SEGS 27  /* enough for 2^32 slots */
#endif

typedef struct ca__handle_slot {
  void *task;    /* the task while its handle is live, else NULL */
  uint32_t gen;  /* live: the handle's generation; free: the next handle's
                  * | how the previous one was consumed (CA__HANDLE_*), so
                  * a free slot never matches a handle */
  uint32_t next; /* live: how the previous handle was consumed; free: the
                  * next free slot's index + 1, or 0 */
} ca__handle_slot;

typedef struct ca__handles {
  ca__handle_slot seg0[CA__HANDLE_SEG0];  /* segment 0, static */
  ca__handle_slot *segs[CA__HANDLE_SEGS]; /* segments 1..: calloc */
  uint32_t used;                          /* slots ever handed out */
  uint32_t free_head, free_tail;          /* FIFO of free slots (+1) */
} ca__handles;

extern CA__THREAD_LOCAL ca__handles ca__handle_table;

/* A new live handle for `task` (not NULL). */
ca_task *ca__handle_new(void *task);
/* Consumes a live handle `how` (CA__HANDLE_*): it is never live again. */
void ca__handle_release(ca_task *handle, unsigned how);
/* The slot of a handle, or NULL when none of this thread's has its index
 * (NULL included). */
ca__handle_slot *ca__handle_find(ca_task *handle);
/* Prints why `handle` is not live and aborts. */
_Noreturn void ca__handle_die(ca_task *handle, const char *who);

/* The handle's slot when the handle is live, else NULL. */
static inline ca__handle_slot *ca__handle_live(ca_task *handle) {
  uintptr_t v = (uintptr_t)handle;
  uint32_t i = (uint32_t)(v & CA__HANDLE_INDEX_MASK) - 1; /* NULL: ~0 */
  ca__handle_slot *slot = __builtin_expect(i < CA__HANDLE_SEG0, 1)
                              ? &ca__handle_table.seg0[i]
                              : ca__handle_find(handle);
  /* Never handed out: task NULL; free: gen has how's bits. */
  return slot && slot->gen == (uint32_t)(v >> CA__HANDLE_INDEX_BITS) &&
                 slot->task
             ? slot
             : NULL;
}

/* The task of a live handle; otherwise prints "cawait: <who>: no task (a
 * NULL handle)", "<who>: the task handle was already joined" (aborted,
 * detached) or "<who>: ... is not a task handle" and aborts. */
static inline void *ca__handle_get(ca_task *handle, const char *who) {
  ca__handle_slot *slot = ca__handle_live(handle);
  if (__builtin_expect(!slot, 0))
    ca__handle_die(handle, who);
  return slot->task;
}

/* The task of a live handle, or NULL (for drop functions: never aborts). */
static inline void *ca__handle_peek(ca_task *handle) {
  ca__handle_slot *slot = ca__handle_live(handle);
  return slot ? slot->task : NULL;
}

/* ---------------------------------------------------------- sync_task.c */

/* ca_task_abort without the plugin, with `who` naming the call. */
void ca__sync_task_abort_as(ca_task *task, const char *who);

/* ------------------------------------------------ timer.c, timer-list.c
 * This thread's armed timers: a timing wheel (timer.c: O(1) whatever the
 * number of timers; 5.6 KiB of state on 64-bit) or, with CA_TIMER_LIST (the
 * default on bare metal), a sorted list (timer-list.c: arming walks the
 * timers armed later than the new one, usually none; 16 bytes of state).
 * Both keep the order below; timer.c's sleep futures use them. */
#ifndef CA_TIMER_LIST
#define CA_TIMER_LIST CA_BARE_METAL
#endif

/* Arms `t`: it fires once ca__timer_fire is given a time >= deadline_ms.
 * Timers fire in deadline order, and timers with equal deadlines in arming
 * order (the executor's wake order relies on it). A deadline already
 * passed (not later than the last ca__timer_fire's time) counts as that
 * time: such timers fire first at the next ca__timer_fire, in arming
 * order. `t`
 * is borrowed: it must stay in place until it fires or is disarmed. `t`
 * must not be armed already. O(1). */
void ca__timer_arm(ca_timer *t, uint64_t deadline_ms, ca_waker waker);

/* ca__timer_arm, given ca_now_ms() as now_ms; it is read only when nothing
 * is armed (ca_sleep_ms has read the clock already). */
void ca__timer_arm_at(ca_timer *t, uint64_t deadline_ms, ca_waker waker,
                      uint64_t now_ms);

/* Unlinks `t` if it is armed; does nothing otherwise. O(1). */
void ca__timer_disarm(ca_timer *t);

/* Disarms every timer whose deadline is <= now_ms, earliest first, and wakes
 * its waker. Returns how many fired. */
size_t ca__timer_fire(uint64_t now_ms);

/* How many timers this thread has armed (timer.c keeps it; the run loop
 * reads it inline). */
extern CA__THREAD_LOCAL size_t ca__timer_count;

static inline int ca__timer_armed(void) { return ca__timer_count != 0; }

/* ca__timer_fire(ca_now_ms()), without reading the clock when no timer is
 * armed (the await hot path). */
static inline size_t ca__timer_fire_due(void) {
  return ca__timer_armed() ? ca__timer_fire(ca_now_ms()) : 0;
}

/* Stores in *deadline_ms a time no later than the earliest armed deadline
 * and returns 1, or returns 0 (*deadline_ms left as it is) when no timer
 * is armed. It is the wheel's next step: waiting until then and calling
 * ca__timer_fire makes progress (fires or moves timers closer), never
 * busy-waits. */
int ca__timer_next(uint64_t *deadline_ms);

/* Parks the executor (ca__platform_park) until ca_now_ms() >= deadline_ms
 * at most; returns at once when the wheel's time is there already. The
 * caller loops. */
void ca__timer_wait(uint64_t deadline_ms);

/* --------------------------------------------------------------- sync.c
 * The wait queues of the channels and synchronisation primitives. A
 * resource (a free slot, an element, a permit) goes to the oldest waiter:
 * a waiter takes it only when nobody waits before it, and whoever makes
 * it available wakes the oldest waiter, which passes the wake-up on when
 * it leaves with the resource still available. */

/* Empties a waiter node (in a frame's init). */
void ca__waiter_init(ca__waiter *w);
/* Links w at the tail unless it is linked, and keeps cx's waker. */
void ca__waitq_wait(ca__waitq *q, ca__waiter *w, ca_context *cx);
/* Unlinks w if it is linked. */
void ca__waitq_remove(ca__waitq *q, ca__waiter *w);
/* Wakes the oldest waiter, if any (it stays linked). */
void ca__waitq_wake_head(ca__waitq *q);
/* Wakes every waiter (they stay linked). */
void ca__waitq_wake_all(ca__waitq *q);
/* 1 when w may take the resource now (`available`, and no older waiter):
 * w is then unlinked. Otherwise 0, and w waits (ca__waitq_wait). */
int ca__waitq_turn(ca__waitq *q, ca__waiter *w, int available, ca_context *cx);
/* w leaves without the resource (dropped, or failing): unlinks it, and
 * when it was the oldest and the resource is `available`, wakes the next
 * waiter, so a wake-up w received is not lost. */
void ca__waitq_leave(ca__waitq *q, ca__waiter *w, int available);

/* ------------------------------------------------------------- event.c */

/* The hosted blocking ca_event_wait (blocking.c) and event.c share these.
 * ca__event_take: 1 when e was set (the set and the port are then both
 * cleared), else 0. ca__event_attach: publishes this thread's wake port in
 * e, which holds none: 0, 1 when e is set already (nothing published), or
 * -ENOMEM when there is no port. */
int ca__event_take(ca_event *e);
int ca__event_attach(ca_event *e);

#endif /* CAWAIT_INTERNAL_H */
