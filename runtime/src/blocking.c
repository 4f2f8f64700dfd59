/* blocking.c - the leaf futures as ordinary blocking functions, for
 * programs compiled without the plugin (where `async` is empty and
 * `await(e)` is `e`, so `ca_sleep_ms(10)` is a plain call).
 *
 * The runtime itself is always compiled without the plugin, so cawait.h
 * declares these as ordinary prototypes here.
 */
#define _POSIX_C_SOURCE 200809L /* nanosleep */

#include <cawait.h>

#include <errno.h>
#include <time.h>

#ifdef CA_LOWERED
#error "libcawait must be compiled without the cawait plugin"
#endif

void ca_sleep_ms(uint64_t ms) {
  struct timespec left = {.tv_sec = (time_t)(ms / 1000u),
                          .tv_nsec = (long)(ms % 1000u) * 1000000L};
  while (nanosleep(&left, &left) == -1 && errno == EINTR) {
  }
}

void ca_yield(void) {}
