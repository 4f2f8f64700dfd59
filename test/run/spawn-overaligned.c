// BUG: ca_spawn allocates the task frame with the runtime's max_align_t
// alignment (16), ignoring the frame's own alignment: a task keeping an
// _Alignas(64) local gets a misaligned frame (UBSan: "member access within
// misaligned address ... requires 64 byte alignment"). Without the plugin,
// and with ca_block_on, the buffer is aligned.
// RUN: %cawait-cc %s -o %t && %t | FileCheck %s
// RUN: %cawait-cc -fsanitize=address,undefined -fno-sanitize-recover=all %s -o %t.san && %t.san | FileCheck %s
#include <cawait.h>
#include <stdint.h>
#include <stdio.h>

async void worker(int id) {
  _Alignas(64) char buf[64];
  buf[0] = (char)id;
  await(ca_yield());
  printf("id=%d misalignment=%d\n", buf[0], (int)((uintptr_t)buf % 64));
}

int main(void) {
  ca_spawn(worker(1));
  ca_spawn(worker(2));
  ca_spawn(worker(3));
  ca_run();
  return 0;
}
// CHECK: id=1 misalignment=0
// CHECK-NEXT: id=2 misalignment=0
// CHECK-NEXT: id=3 misalignment=0
