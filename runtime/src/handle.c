/* handle.c - task handles: generation-checked references to tasks. Takes a
 * task (a block of executor.c, or a result of sync_task.c) when its handle
 * is made; gives the handle (a `ca_task *` that is not a pointer: a slot
 * index and a generation), and a message naming the call for a handle
 * that is not live: NULL, consumed (joined, aborted, detached) or never
 * made. internal.h has the table's layout and the inline lookup.
 *
 * Why a table (docs/design.md, "Tasks and handles"): a handle is a value
 * the program may copy and use again after its task was freed, so the
 * check must never read the task. The slots live as long as the thread
 * and never move (segments of 64, 64, 128, 256... slots; the first in the
 * thread's static storage, so a program with at most 64 joinable handles
 * alive at once allocates nothing here). A consumed slot's generation goes
 * up by 4, and the slot goes to the tail of a FIFO free list: reused as
 * late as possible. How the previous handle of a slot was consumed is
 * kept, so using that handle again says exactly what happened to it.
 *
 * Portable; on bare metal (no heap) segment 0 is the whole table
 * (CA_MAX_HANDLES slots, internal.h).
 */
#include "internal.h"

#include <stdint.h>
#if !CA_BARE_METAL
#include <pthread.h>
#include <stdlib.h>
#endif

/* Generations step by 4: a free slot keeps how in the low bits. */
#define CA__HANDLE_GEN_STEP 4u
#define CA__HANDLE_HOW_MASK 3u
/* The generations a handle can carry (they wrap there). */
#define CA__HANDLE_GEN_MASK ((uint32_t)(UINTPTR_MAX >> CA__HANDLE_INDEX_BITS))

CA__THREAD_LOCAL ca__handles ca__handle_table;

#if !CA_BARE_METAL
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

/* Segment s >= 1 holds indices [64 << (s-1), 64 << s). */
static unsigned ca__handle_seg(uint32_t i) {
  return i < CA__HANDLE_SEG0
             ? 0
             : 32u - (unsigned)__builtin_clz(i / CA__HANDLE_SEG0);
}
#endif

static ca__handle_slot *ca__handle_slot_at(ca__handles *h, uint32_t i) {
#if CA_BARE_METAL
  return &h->seg0[i]; /* the only segment (ca__handle_grow stops there) */
#else
  if (__builtin_expect(i < CA__HANDLE_SEG0, 1))
    return &h->seg0[i];
  unsigned s = ca__handle_seg(i);
  return &h->segs[s][i - (CA__HANDLE_SEG0 << (s - 1))];
#endif
}

ca__handle_slot *ca__handle_find(ca_task *handle) {
  ca__handles *h = &ca__handle_table;
  uintptr_t i = (uintptr_t)handle & CA__HANDLE_INDEX_MASK;
  return i == 0 || i > h->used ? NULL : ca__handle_slot_at(h, (uint32_t)i - 1);
}

/* A slot never handed out: the bump index, with a new segment when it
 * starts one. */
__attribute__((noinline)) static uint32_t ca__handle_grow(ca__handles *h) {
  uint32_t i = h->used;
#if CA_BARE_METAL
  if (i >= CA__HANDLE_SEG0)
    ca__die("ca_spawn: more than %u task handles are held at once (build "
            "the runtime with a larger CA_MAX_HANDLES)",
            (unsigned)i);
#else
  if ((uintptr_t)i + 1 >= CA__HANDLE_INDEX_MASK || i == UINT32_MAX)
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
#endif
  h->used++;
  return i;
}

ca_task *ca__handle_new(void *task) {
  ca__handles *h = &ca__handle_table;
  uint32_t i, how = 0;
  ca__handle_slot *slot;
  if (h->free_head) {
    i = h->free_head - 1;
    slot = ca__handle_slot_at(h, i);
    h->free_head = slot->next;
    if (!h->free_head)
      h->free_tail = 0;
    how = slot->gen & CA__HANDLE_HOW_MASK;
  } else {
    i = ca__handle_grow(h);
    slot = ca__handle_slot_at(h, i);
  }
  slot->gen &= ~CA__HANDLE_HOW_MASK;
  slot->next = how;
  slot->task = task;
  return (ca_task *)(((uintptr_t)slot->gen << CA__HANDLE_INDEX_BITS) | (i + 1));
}

void ca__handle_release(ca_task *handle, unsigned how) {
  ca__handles *h = &ca__handle_table;
  uint32_t i = (uint32_t)((uintptr_t)handle & CA__HANDLE_INDEX_MASK) - 1;
  ca__handle_slot *slot = ca__handle_slot_at(h, i);
  slot->task = NULL;
  slot->gen = ((slot->gen + CA__HANDLE_GEN_STEP) & CA__HANDLE_GEN_MASK) | how;
  slot->next = 0;
  if (h->free_tail)
    ca__handle_slot_at(h, h->free_tail - 1)->next = i + 1;
  else
    h->free_head = i + 1;
  h->free_tail = i + 1;
}

_Noreturn void ca__handle_die(ca_task *handle, const char *who) {
  static const char *const what[] = {"joined, aborted or detached", "joined",
                                     "aborted", "detached"};
  uintptr_t v = (uintptr_t)handle;
  uint32_t gen = (uint32_t)(v >> CA__HANDLE_INDEX_BITS);
  ca__handle_slot *slot = ca__handle_find(handle);
  if (!handle)
    ca__die("%s: no task (a NULL handle)", who);
  if (!slot || (gen & CA__HANDLE_HOW_MASK) || !slot->gen)
    ca__die("%s: %p is not a task handle of this thread", who, (void *)handle);
  /* Consumed just before the slot's current generation: how is known (an
   * older handle's is not: the slot was consumed again since). */
  uint32_t now = slot->gen & ~CA__HANDLE_HOW_MASK;
  uint32_t how = slot->task ? slot->next : slot->gen & CA__HANDLE_HOW_MASK;
  unsigned k =
      ((now - gen) & CA__HANDLE_GEN_MASK) == CA__HANDLE_GEN_STEP ? how : 0;
  ca__die("%s: the task handle was already %s", who, what[k]);
}
