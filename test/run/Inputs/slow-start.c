// slow-start.c: linked into a program by slow-cawait-cc.sh; it sleeps
// $SLOW_SECONDS before main.
#include <stdlib.h>
#include <unistd.h>

__attribute__((constructor)) static void slow_start(void) {
  const char *S = getenv("SLOW_SECONDS");
  if (S)
    sleep((unsigned)atoi(S));
}
