// A local kept only because its address escaped gets a note saying so, with
// the hint that ending its scope earlier lets it share space.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-frame-larger-than=64 %s 2>&1 | FileCheck %s
#include <cawait.h>

long sum(const char *p);

// CHECK: frame-escape-note.c:[[@LINE+1]]:12: warning: async frame of 'f' is 4112 bytes, larger than 64 [-Wbackend-plugin]
async long f(void) {
  char buf[4096];
  long s = sum(buf);
  // CHECK: frame-escape-note.c:[[@LINE+2]]:3: note: 'buf' (4096 bytes) is held across this await
  // CHECK: frame-escape-note.c:[[@LINE+1]]:3: note: 'buf' is kept only because its address escaped and its block is still open; ending its scope before the await lets it share space
  await(ca_yield());
  return s;
}

// With the buffer's block ended before the await, it is not in the frame.
// CHECK-NOT: 'g'
async long g(void) {
  long s;
  {
    char buf[4096];
    s = sum(buf);
  }
  await(ca_yield());
  return s;
}

// An await of the block before the buffer's declaration does not hold it:
// the notes name the await after it.
void fill(char *p);
void use(int);
// CHECK: frame-escape-note.c:[[@LINE+1]]:12: warning: async frame of 'h' is 4100 bytes, larger than 64 [-Wbackend-plugin]
async void h(void) {
  {
    int x = 1;
    // CHECK-NOT: frame-escape-note.c:[[@LINE+1]]:{{.*}}'b'
    await(ca_yield());
    use(x);
  }
  char b[4096];
  fill(b);
  // CHECK: frame-escape-note.c:[[@LINE+2]]:3: note: 'b' (4096 bytes) is held across this await
  // CHECK: frame-escape-note.c:[[@LINE+1]]:3: note: 'b' is kept only because its address escaped and its block is still open; ending its scope before the await lets it share space
  await(ca_yield());
}
