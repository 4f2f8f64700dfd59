// A spawned task whose frame is aligned beyond max_align_t (an _Alignas(64)
// local) gets a frame at that alignment (UBSan checks it).
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
