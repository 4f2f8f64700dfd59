// cawait-gcc with CAWAIT_GCC=arm-none-eabi-gcc: that gcc makes enums as
// small as their values (AAPCS for bare metal) where clang's default for
// the same triple does not, so the lowering step is given -fshort-enums:
// the frame (an enum array kept across an await) is laid out as gcc lays
// it out (its _Static_asserts pass), 1 byte per enum.
// REQUIRES: arm-none-eabi
// RUN: env CAWAIT_GCC=arm-none-eabi-gcc %cawait-gcc -mcpu=cortex-m3 -mthumb \
// RUN:   --specs=picolibc.specs -isystem %picolibc_include \
// RUN:   -fplugin-arg-cawait-frame-report -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: env CAWAIT_GCC=arm-none-eabi-gcc %cawait-gcc -mcpu=cortex-m3 -mthumb \
// RUN:   --specs=picolibc.specs -isystem %picolibc_include -fno-short-enums \
// RUN:   -fplugin-arg-cawait-frame-report -c %s -o %t.o 2>&1 | FileCheck --check-prefix=INT %s
#include <cawait.h>

enum color { RED, GREEN };

async void tick(void) { await(ca_yield()); }

async int f(enum color c) {
  enum color d[4] = {c, c, c, c};
  await(tick());
  return (int)d[0] + (int)d[3];
}
// CHECK: remark: frame of 'f': 7 bytes (lower bound 7, without overlap 8), align 1
// CHECK: note: suspend point 1 holds 'd' at 0 (4 bytes), frame of 'tick' at 4 (2 bytes)
// INT: remark: frame of 'f': 20 bytes
// INT: note: suspend point 1 holds 'd' at 0 (16 bytes)
