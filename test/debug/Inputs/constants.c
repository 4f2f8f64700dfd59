/* Prints cawait/abi.h's CA__AWAIT_* and CA__WAIT_* values in the format of
 * `python3 runtime/gdb/cawait.py --constants` (test/debug/constants.test). */
#include <cawait.h>
#include <stdio.h>

#define P(name) printf("%s=%d\n", #name, (int)(name))

int main(void) {
  P(CA__AWAIT_CALL); P(CA__AWAIT_IN_PLACE); P(CA__AWAIT_BOXED);
  P(CA__AWAIT_JOIN); P(CA__AWAIT_SELECT); P(CA__AWAIT_YIELD);
  P(CA__WAIT_NONE); P(CA__WAIT_TIMER); P(CA__WAIT_READ); P(CA__WAIT_WRITE);
  P(CA__WAIT_READ_FD); P(CA__WAIT_WRITE_FD); P(CA__WAIT_SIGNAL);
  P(CA__WAIT_CHAN); P(CA__WAIT_ONESHOT); P(CA__WAIT_NOTIFY); P(CA__WAIT_SEM);
  P(CA__WAIT_CANCEL); P(CA__WAIT_EVENT); P(CA__WAIT_GROUP); P(CA__WAIT_TASK);
  P(CA__WAIT_BLOCKING); P(CA__WAIT_REMOTE_CHAN);
  return 0;
}
