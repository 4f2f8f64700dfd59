/* forbid-malloc.h - malloc, calloc and realloc that abort while
 * `forbidden` is set: included by tests proving code allocates nothing. */
#include <stdlib.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

static int forbidden;
static void refuse(void) {
  static const char msg[] = "malloc called while polling\n";
  write(2, msg, sizeof msg - 1);
  abort();
}
void *malloc(size_t n) {
  if (forbidden)
    refuse();
  return __libc_malloc(n);
}
void *calloc(size_t n, size_t m) {
  if (forbidden)
    refuse();
  return __libc_calloc(n, m);
}
void *realloc(void *p, size_t n) {
  if (forbidden)
    refuse();
  return __libc_realloc(p, n);
}
