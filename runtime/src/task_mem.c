/* task_mem.c - the memory of tasks beside their frames: the slab that task
 * blocks come from (internal.h says how it is laid out) and, on 64-bit,
 * the table of joiners that keeps the task header at three words.
 *
 * Why a slab: a sleeping task is its header and its frame (64 bytes for a
 * task in ca_sleep_ms on x86-64); malloc would add its own chunk header
 * and round up (80 bytes). Why the joiner is not in the header: only a
 * task awaited by ca_task_join has one, and that is rare next to the tasks
 * that sleep, so it costs a table look-up there rather than a word in
 * every task (docs/design.md, "Tasks and handles").
 *
 * Per thread; called on the executor's thread only. Portable: no OS header
 * (the thread-exit hook is pthread's on a hosted OS, like handle.c's).
 */
#include "internal.h"
#include "platform.h"

#include <string.h>
#if !CA_BARE_METAL
#include <pthread.h>
#endif
#if CA__SLAB_POISONING
#include <sanitizer/asan_interface.h>
#define CA__POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define CA__UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define CA__POISON(p, n) ((void)(p), (void)(n))
#define CA__UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#if CA_BARE_METAL

void *ca__slab_alloc(size_t size) {
  return ca__platform_alloc(size, "ca_spawn");
}
void ca__slab_free(void *block) { ca__platform_free(block); }
void ca__slab_trim(void) {}
size_t ca__slab_block_size(const void *block) {
  (void)block;
  return 0;
}

#else

CA__THREAD_LOCAL ca__slab ca__slab_state;

#define Q CA__SLAB_QUANTUM
#define C4(a) (a) * Q, (a + 1) * Q, (a + 2) * Q, (a + 3) * Q
#define C16(a) C4(a), C4(a + 4), C4(a + 8), C4(a + 12)
/* 16..1024 by 16, then 4 sizes per doubling up to 32 KiB (x86-64). */
/* clang-format off */
const uint32_t ca__slab_size[CA__SLAB_CLASSES] = {
    C16(1), C16(17), C16(33), C16(49),
    80 * Q, 96 * Q, 112 * Q, 128 * Q,
    160 * Q, 192 * Q, 224 * Q, 256 * Q,
    320 * Q, 384 * Q, 448 * Q, 512 * Q,
    640 * Q, 768 * Q, 896 * Q, 1024 * Q,
    1280 * Q, 1536 * Q, 1792 * Q, 2048 * Q};
/* clang-format on */
#undef C16
#undef C4
_Static_assert(CA__SLAB_CLASSES == 84, "ca__slab_size lists every class");

/* Where a chunk's first block starts: after the chunk's header, such that
 * the area after the task header is aligned for any type. */
#define CA__SLAB_FIRST                                                         \
  (((sizeof(ca__slab_chunk) + CA__TASK_HEADER_BYTES + Q - 1) / Q * Q) -        \
   CA__TASK_HEADER_BYTES)
#define CA__SLAB_MAX (2048 * Q)

/* The class of a block of `size` bytes (at most CA__SLAB_MAX). */
static unsigned ca__slab_class_of(size_t size) {
  if (size <= CA__SLAB_SMALL * Q)
    return (unsigned)((size + Q - 1) / Q - 1);
  size_t q = (size + Q - 1) / Q; /* > 64 quanta */
  unsigned p = 63u - (unsigned)__builtin_clzll((unsigned long long)(q - 1));
  size_t step = (size_t)1 << (p - 2); /* q is in (2^p, 2^(p+1)] */
  unsigned k = (unsigned)((q + step - 1) / step) - 4; /* 1..4 */
  return CA__SLAB_SMALL + (p - 6) * 4 + k - 1;
}

static pthread_key_t ca__task_mem_key;
static pthread_once_t ca__task_mem_once = PTHREAD_ONCE_INIT;
static void ca__task_mem_thread_exit(void *unused);

static void ca__task_mem_key_create(void) {
  if (pthread_key_create(&ca__task_mem_key, ca__task_mem_thread_exit) != 0)
    ca__die("ca_spawn: cannot create the thread key of task memory");
}

/* The thread's task memory is freed when it ends. */
static void ca__task_mem_hook(void) {
  pthread_once(&ca__task_mem_once, ca__task_mem_key_create);
  if (!pthread_getspecific(ca__task_mem_key))
    pthread_setspecific(ca__task_mem_key, &ca__slab_state);
}

static void *ca__slab_large(size_t size) {
  if (size > SIZE_MAX - CA__SLAB_FIRST - CA__SLAB_CHUNK)
    return NULL;
  size_t bytes = (CA__SLAB_FIRST + size + CA__SLAB_CHUNK - 1) / CA__SLAB_CHUNK *
                 CA__SLAB_CHUNK;
  ca__slab_chunk *ch =
      ca__platform_alloc_aligned(CA__SLAB_CHUNK, bytes, "ca_spawn");
  if (!ch)
    return NULL;
  ch->next = NULL;
  ch->cls = CA__SLAB_CLASSES;
  ch->bytes = bytes;
  ca__slab_state.live++;
  return (unsigned char *)ch + CA__SLAB_FIRST;
}

void *ca__slab_alloc_slow(size_t size) {
  ca__slab *s = &ca__slab_state;
  if (size > CA__SLAB_MAX)
    return ca__slab_large(size);
  unsigned c = ca__slab_class_of(size);
  ca__slab_class *k = &s->cls[c];
  size_t bs = ca__slab_size[c];
  unsigned char *b = k->free;
  if (b) {
    CA__UNPOISON(b, bs);
    k->free = *(void **)b;
  } else {
    if ((size_t)(k->end - k->bump) < bs) {
      if (s->carve == s->carve_end) {
        unsigned n = s->region_chunks ? s->region_chunks : CA__SLAB_REGION_FIRST;
        size_t bytes = n * CA__SLAB_CHUNK;
        ca__slab_chunk *r =
            ca__platform_alloc_aligned(CA__SLAB_CHUNK, bytes, "ca_spawn");
        if (!r)
          return NULL;
        if (!s->regions)
          ca__task_mem_hook();
        r->next = s->regions;
        r->bytes = bytes;
        s->regions = r;
        s->region_chunks = n < CA__SLAB_REGION_MAX ? 2 * n : n;
        s->carve = (unsigned char *)r;
        s->carve_end = s->carve + bytes;
      }
      ca__slab_chunk *ch = (ca__slab_chunk *)(void *)s->carve;
      s->carve += CA__SLAB_CHUNK;
      ch->cls = c;
      k->bump = (unsigned char *)ch + CA__SLAB_FIRST;
      k->end = (unsigned char *)ch + CA__SLAB_CHUNK;
      CA__POISON(k->bump, (size_t)(k->end - k->bump));
    }
    b = k->bump;
    k->bump += bs;
    CA__UNPOISON(b, bs);
  }
  s->live++;
  return b;
}

void ca__slab_free_slow(void *block) {
  ca__slab *s = &ca__slab_state;
  ca__slab_chunk *ch =
      (ca__slab_chunk *)((uintptr_t)block & ~(uintptr_t)(CA__SLAB_CHUNK - 1));
  s->live--;
  if (ch->cls == CA__SLAB_CLASSES) {
    ca__platform_free(ch);
    return;
  }
  ca__slab_class *k = &s->cls[ch->cls];
  *(void **)block = k->free;
  k->free = block;
  CA__POISON(block, ca__slab_size[ch->cls]);
}

size_t ca__slab_block_size(const void *block) {
  const ca__slab_chunk *ch =
      (const ca__slab_chunk *)((uintptr_t)block &
                               ~(uintptr_t)(CA__SLAB_CHUNK - 1));
  return ch->cls == CA__SLAB_CLASSES ? ch->bytes - CA__SLAB_FIRST
                                     : ca__slab_size[ch->cls];
}

/* Frees every region, whatever is in them. */
static void ca__slab_release_all(ca__slab *s) {
  ca__slab_chunk *r = s->regions;
  while (r) {
    ca__slab_chunk *next = r->next;
    CA__UNPOISON(r, r->bytes);
    ca__platform_free(r);
    r = next;
  }
  memset(s->cls, 0, sizeof s->cls);
  s->regions = NULL;
  s->carve = s->carve_end = NULL;
  s->region_chunks = 0;
}

void ca__slab_trim(void) {
  if (ca__slab_state.live == 0)
    ca__slab_release_all(&ca__slab_state);
}

#endif /* !CA_BARE_METAL */

/* ------------------------------------------------------------- joiners */

#if !CA__TASK_JOINER_IN_HEADER

typedef struct ca__joiner_entry {
  const void *task; /* NULL: an empty entry */
  ca_waker *joiner;
} ca__joiner_entry;

/* Open addressing, linear probing; at most half full. The first table is
 * static, large enough for as many joins as handle.c's static segment has
 * handles: a program that allocates no handle segment allocates nothing
 * here either (pools on a hosted OS, with malloc forbidden). */
#define CA__JOINER_SEG0 (2 * CA__HANDLE_SEG0)
static CA__THREAD_LOCAL ca__joiner_entry ca__joiner_seg0[CA__JOINER_SEG0];
static CA__THREAD_LOCAL struct {
  ca__joiner_entry *tab;
  size_t mask; /* entries - 1 (a power of two), or 0 before the first */
  size_t count;
} ca__joiners;

static size_t ca__joiner_home(const void *task, size_t mask) {
  uint64_t v = (uint64_t)(uintptr_t)task * 0x9E3779B97F4A7C15ull;
  return (size_t)(v >> 32) & mask;
}

ca_waker *ca__joiner_get(const void *task) {
  if (ca__joiners.count == 0)
    return NULL;
  size_t mask = ca__joiners.mask;
  for (size_t i = ca__joiner_home(task, mask);; i = (i + 1) & mask) {
    ca__joiner_entry *e = &ca__joiners.tab[i];
    if (e->task == task)
      return e->joiner;
    if (!e->task)
      return NULL;
  }
}

static void ca__joiner_remove(const void *task) {
  size_t mask = ca__joiners.mask;
  ca__joiner_entry *tab = ca__joiners.tab;
  size_t i = ca__joiner_home(task, mask);
  while (tab[i].task != task) {
    if (!tab[i].task)
      return;
    i = (i + 1) & mask;
  }
  ca__joiners.count--;
  /* Backward shift: later entries of the run move up into the hole when
   * their home is not between the hole and them. */
  for (size_t j = (i + 1) & mask; tab[j].task; j = (j + 1) & mask) {
    size_t home = ca__joiner_home(tab[j].task, mask);
    if (((j - home) & mask) >= ((j - i) & mask)) {
      tab[i] = tab[j];
      i = j;
    }
  }
  tab[i].task = NULL;
}

static void ca__joiner_grow(void) {
  ca__joiner_entry *old = ca__joiners.tab;
  if (!old) {
    ca__joiners.tab = ca__joiner_seg0;
    ca__joiners.mask = CA__JOINER_SEG0 - 1;
    return;
  }
  size_t old_n = ca__joiners.mask + 1, n = old_n * 2;
  ca__joiner_entry *tab = ca__platform_alloc(n * sizeof *tab, "ca_task_join");
  if (!tab)
    ca__die("ca_task_join: out of memory");
#if !CA_BARE_METAL
  if (old == ca__joiner_seg0)
    ca__task_mem_hook();
#endif
  memset(tab, 0, n * sizeof *tab);
  ca__joiners.tab = tab;
  ca__joiners.mask = n - 1;
  for (size_t i = 0; i < old_n; i++)
    if (old[i].task) {
      size_t j = ca__joiner_home(old[i].task, n - 1);
      while (tab[j].task)
        j = (j + 1) & (n - 1);
      tab[j] = old[i];
    }
  if (old != ca__joiner_seg0)
    ca__platform_free(old);
}

void ca__joiner_set(const void *task, ca_waker *joiner) {
  if (!joiner) {
    if (ca__joiners.count)
      ca__joiner_remove(task);
    return;
  }
  if ((ca__joiners.count + 1) * 2 > ca__joiners.mask + 1)
    ca__joiner_grow();
  size_t mask = ca__joiners.mask;
  size_t i = ca__joiner_home(task, mask);
  while (ca__joiners.tab[i].task && ca__joiners.tab[i].task != task)
    i = (i + 1) & mask;
  if (!ca__joiners.tab[i].task)
    ca__joiners.count++;
  ca__joiners.tab[i].task = task;
  ca__joiners.tab[i].joiner = joiner;
}

#endif /* !CA__TASK_JOINER_IN_HEADER */

#if !CA_BARE_METAL
static void ca__task_mem_thread_exit(void *unused) {
  (void)unused;
  /* Only when no block is in use: the blocks of tasks still pending when
   * their thread ends stay (leaked, as they were with malloc), since
   * another thread may still hold a pointer into one (a ca_remote_waker
   * it wakes). */
  ca__slab_trim();
#if !CA__TASK_JOINER_IN_HEADER
  if (ca__joiners.tab != ca__joiner_seg0)
    ca__platform_free(ca__joiners.tab);
  memset(ca__joiner_seg0, 0, sizeof ca__joiner_seg0);
  ca__joiners.tab = NULL;
  ca__joiners.mask = 0;
  ca__joiners.count = 0;
#endif
}
#endif
