/* handle.c - task handles: generation-checked references to tasks. Takes a
 * task (a block of executor.c, or a result of sync_task.c) when its handle
 * is made; gives the handle (a `ca_task *` that is not a pointer: a slot
 * index and a generation), the task back for a live handle, and a message
 * naming the call for any other: NULL, consumed (joined, aborted,
 * detached) or never made.
 *
 * Why a table (docs/design.md, "Tasks and handles"): a handle is a value
 * the program may copy and use again after its task was freed, so the
 * check must never read the task. The slots live as long as the thread
 * and never move (segments of 64, 64, 128, 256... slots; the first in the
 * thread's static storage, so a program with at most 64 joinable handles
 * alive at once allocates nothing here). A consumed slot's generation goes
 * up, and the slot goes to the tail of a FIFO free list: reused as late as
 * possible. The low two bits of a slot's generation say how its previous
 * handle was consumed, so using that handle again says exactly what
 * happened to it.
 */
#include "internal.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

/* How many bits of a handle are the slot index (plus one: 0 is NULL). */
#define CA__HANDLE_INDEX_BITS (sizeof(uintptr_t) * 4)
#define CA__HANDLE_INDEX_MASK (((uintptr_t)1 << CA__HANDLE_INDEX_BITS) - 1)
/* Generations step by 4: the low bits are the previous handle's end. */
#define CA__HANDLE_GEN_STEP 4u
#define CA__HANDLE_HOW_MASK 3u
/* The generations a handle can carry (they wrap there). */
#define CA__HANDLE_GEN_MASK ((uint32_t)(UINTPTR_MAX >> CA__HANDLE_INDEX_BITS))

#define CA__HANDLE_SEG0 64u /* slots of segment 0; segment s has 64 << (s-1) */
#define CA__HANDLE_SEGS 27  /* enough for 2^32 slots */

typedef struct ca__handle_slot {
  void *task;    /* the task while its handle is live, else NULL */
  uint32_t gen;  /* the live (or next) handle's generation | how the
                  * previous one was consumed (CA__HANDLE_*) */
  uint32_t next; /* while free: the next free slot's index + 1, or 0 */
} ca__handle_slot;

typedef struct ca__handles {
  ca__handle_slot seg0[CA__HANDLE_SEG0];      /* segment 0, static */
  ca__handle_slot *segs[CA__HANDLE_SEGS];     /* segments 1..: malloc */
  uint32_t used;                              /* slots ever handed out */
  uint32_t free_head, free_tail;              /* FIFO of free slots (+1) */
} ca__handles;

static _Thread_local ca__handles ca__handle_table;

/* Segments 1.. of a thread that ends are freed with it. */
static pthread_key_t ca__handle_key;
static pthread_once_t ca__handle_once = PTHREAD_ONCE_INIT;

static void ca__handle_free_segments(void *table) {
  ca__handles *h = table;
  for (int s = 1; s < CA__HANDLE_SEGS; s++) {
    free(h->segs[s]);
    h->segs[s] = NULL;
  }
}

static void ca__handle_key_create(void) {
  if (pthread_key_create(&ca__handle_key, ca__handle_free_segments) != 0)
    ca__die("ca_spawn: cannot create the thread key of task handles");
}

/* Segment s holds indices [64 << (s-1), 64 << s) for s >= 1. */
static unsigned ca__handle_seg(uint32_t i) {
  return i < CA__HANDLE_SEG0 ? 0 : 32u - (unsigned)__builtin_clz(i / CA__HANDLE_SEG0);
}

static ca__handle_slot *ca__handle_slot_at(ca__handles *h, uint32_t i) {
  unsigned s = ca__handle_seg(i);
  if (s == 0)
    return &h->seg0[i];
  return &h->segs[s][i - (CA__HANDLE_SEG0 << (s - 1))];
}

static uint32_t ca__handle_take_slot(ca__handles *h) {
  if (h->free_head) {
    uint32_t i = h->free_head - 1;
    h->free_head = ca__handle_slot_at(h, i)->next;
    if (!h->free_head)
      h->free_tail = 0;
    return i;
  }
  uint32_t i = h->used;
  if (i > (uint32_t)(CA__HANDLE_INDEX_MASK - 1) || i == UINT32_MAX)
    ca__die("ca_spawn: more than %u task handles are held at once", i);
  unsigned s = ca__handle_seg(i);
  if (s && !h->segs[s]) {
    size_t n = (size_t)CA__HANDLE_SEG0 << (s - 1);
    pthread_once(&ca__handle_once, ca__handle_key_create);
    h->segs[s] = calloc(n, sizeof(ca__handle_slot));
    if (!h->segs[s])
      ca__die("ca_spawn: out of memory for %zu task handles", n);
    pthread_setspecific(ca__handle_key, h);
  }
  h->used++;
  return i;
}

ca_task *ca__handle_new(void *task) {
  ca__handles *h = &ca__handle_table;
  uint32_t i = ca__handle_take_slot(h);
  ca__handle_slot *slot = ca__handle_slot_at(h, i);
  uint32_t gen = slot->gen & ~CA__HANDLE_HOW_MASK;
  slot->task = task;
  return (ca_task *)(((uintptr_t)gen << CA__HANDLE_INDEX_BITS) | (i + 1));
}

/* The slot of handle `handle`, or NULL when it has none on this thread. */
static ca__handle_slot *ca__handle_find(ca_task *handle, uint32_t *gen) {
  ca__handles *h = &ca__handle_table;
  uintptr_t v = (uintptr_t)handle;
  uintptr_t i = v & CA__HANDLE_INDEX_MASK;
  *gen = (uint32_t)(v >> CA__HANDLE_INDEX_BITS);
  if (i == 0 || i > h->used || (*gen & CA__HANDLE_HOW_MASK))
    return NULL;
  return ca__handle_slot_at(h, (uint32_t)(i - 1));
}

void *ca__handle_peek(ca_task *handle) {
  uint32_t gen;
  ca__handle_slot *slot = handle ? ca__handle_find(handle, &gen) : NULL;
  return slot && slot->task && (slot->gen & ~CA__HANDLE_HOW_MASK) == gen
             ? slot->task
             : NULL;
}

void *ca__handle_get(ca_task *handle, const char *who) {
  static const char *const how[] = {"joined, aborted or detached", "joined",
                                    "aborted", "detached"};
  uint32_t gen;
  if (!handle)
    ca__die("%s: no task (a NULL handle)", who);
  ca__handle_slot *slot = ca__handle_find(handle, &gen);
  if (!slot)
    ca__die("%s: %p is not a task handle of this thread", who,
            (void *)handle);
  uint32_t now = slot->gen & ~CA__HANDLE_HOW_MASK;
  if (slot->task && now == gen)
    return slot->task;
  /* Consumed just before the slot's current generation: its end is known
   * (an older one's is not: the slot was consumed again since). */
  unsigned k = ((now - gen) & CA__HANDLE_GEN_MASK) == CA__HANDLE_GEN_STEP
                   ? slot->gen & CA__HANDLE_HOW_MASK
                   : 0;
  ca__die("%s: the task handle was already %s", who, how[k]);
}

void ca__handle_release(ca_task *handle, unsigned how) {
  ca__handles *h = &ca__handle_table;
  uint32_t gen;
  ca__handle_slot *slot = ca__handle_find(handle, &gen);
  uint32_t i = (uint32_t)(((uintptr_t)handle & CA__HANDLE_INDEX_MASK) - 1);
  slot->task = NULL;
  slot->gen = ((gen + CA__HANDLE_GEN_STEP) & CA__HANDLE_GEN_MASK) | how;
  slot->next = 0;
  if (h->free_tail)
    ca__handle_slot_at(h, h->free_tail - 1)->next = i + 1;
  else
    h->free_head = i + 1;
  h->free_tail = i + 1;
}
