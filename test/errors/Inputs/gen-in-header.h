/* A generator defined in a header, and macros that iterate it: a file
 * that includes only this header names nothing of cawait itself. */
#include <cawait.h>
static gen int in_header(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}
#define EACH(v, n) ca_for (int v, in_header(n))
