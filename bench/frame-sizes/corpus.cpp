// C++20 side of the frame-size corpus: the functions of corpus.c, same names.
// Build: clang-19 -O2 -c helpers.c && clang++-19 -std=c++20 -O2 corpus.cpp helpers.o
// The task type and P0-P8 follow /work/shared/anchors/layout-research/frames.cpp
// (frame size = argument of promise_type::operator new; handles are stored in
// a global, so HALO cannot elide the top frame; here frames are destroyed
// through an opaque function for the same reason). Changes: task<T> returns a
// value, final_suspend resumes the awaiting coroutine, and every function is
// run to completion while sized operator new/delete track the peak bytes of
// frames live at once (a nested callee is a separate heap frame in C++).
// Prints "name<TAB>first frame<TAB>peak live bytes<TAB>frames live at peak".
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>
#include "helpers.h"

static std::size_t g_first, g_live, g_peak;
static int g_nlive, g_npeak, g_nalloc;
static std::coroutine_handle<> g_resume;   // the coroutine that suspended last

// Destroys a frame out of the optimizer's sight, so CoroElide (HALO) cannot
// turn any frame into a caller's local: every frame is a real allocation.
[[gnu::noinline]] static void destroy_opaque(void* p) {
  asm volatile("" : "+r"(p) :: "memory");
  std::coroutine_handle<>::from_address(p).destroy();
}

struct promise_base {
  std::coroutine_handle<> cont;
  static void* operator new(std::size_t n) {
    if (g_nalloc++ == 0) g_first = n;
    g_live += n; g_nlive++;
    if (g_live > g_peak) { g_peak = g_live; g_npeak = g_nlive; }
    return std::malloc(n);
  }
  static void operator delete(void* p, std::size_t n) { g_live -= n; g_nlive--; std::free(p); }
  std::suspend_always initial_suspend() noexcept { return {}; }
  struct final_awaiter {
    bool await_ready() noexcept { return false; }
    template <class P> std::coroutine_handle<> await_suspend(std::coroutine_handle<P> h) noexcept {
      auto c = h.promise().cont;
      return c ? c : std::noop_coroutine();
    }
    void await_resume() noexcept {}
  };
  final_awaiter final_suspend() noexcept { return {}; }
  void unhandled_exception() { std::abort(); }
};
template <class T> struct ret_part { T value{}; void return_value(T v) { value = v; } T get() { return value; } };
template <> struct ret_part<void> { void return_void() {} void get() {} };

template <class T = void> struct task {
  struct promise_type : promise_base, ret_part<T> {
    task get_return_object() { return task{std::coroutine_handle<promise_type>::from_promise(*this)}; }
  };
  std::coroutine_handle<promise_type> h;
  explicit task(std::coroutine_handle<promise_type> h) : h(h) {}
  task(task&& o) noexcept : h(std::exchange(o.h, {})) {}
  ~task() { if (h) destroy_opaque(h.address()); }
  struct awaiter {
    std::coroutine_handle<promise_type> h;
    bool await_ready() noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) noexcept { h.promise().cont = c; return h; }
    T await_resume() { return h.promise().get(); }
  };
  awaiter operator co_await() && noexcept { return awaiter{h}; }
};
// Empty awaitable, always suspends once (the anchors' std::suspend_always,
// plus recording who to resume).
struct pend {
  bool await_ready() noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) noexcept { g_resume = h; }
  void await_resume() noexcept {}
};

struct Arr4k { unsigned char b[4096]; };
struct alignas(64) A64 { unsigned char b[4096]; };

task<> p0_empty() { co_await pend{}; }
task<> p1_arg(Arr4k arg) { co_await pend{}; consume(&arg, sizeof arg); }
task<> p2_branches(bool c) {
  if (c) { unsigned char a[4096]; std::memset(a, 1, sizeof a); consume(a, sizeof a); co_await pend{}; consume(a, sizeof a); }
  else   { unsigned char b[4096]; std::memset(b, 2, sizeof b); consume(b, sizeof b); co_await pend{}; consume(b, sizeof b); }
}
task<> p3_seq() {
  { unsigned char a[4096]; std::memset(a, 1, sizeof a); consume(a, sizeof a); co_await pend{}; consume(a, sizeof a); }
  { unsigned char b[4096]; std::memset(b, 2, sizeof b); consume(b, sizeof b); co_await pend{}; consume(b, sizeof b); }
}
task<> p4_prefix() {
  { unsigned char a[4096]; std::memset(a, 1, sizeof a); consume(a, sizeof a); co_await pend{}; co_await pend{}; consume(a, sizeof a); }
  { unsigned char b[4096]; std::memset(b, 2, sizeof b); consume(b, sizeof b); co_await pend{}; consume(b, sizeof b); }
}
task<> p5_borrowed() {
  unsigned char a[4096]; std::memset(a, 1, sizeof a);
  std::uint64_t s = sum(a, sizeof a);
  co_await pend{};
  use_u64(s);
}
task<> p5_scoped() {
  std::uint64_t s;
  { unsigned char a[4096]; std::memset(a, 1, sizeof a); s = sum(a, sizeof a); }
  co_await pend{};
  use_u64(s);
}
#define STEP { std::uint64_t x = produce(); co_await pend{}; use_u64(x); }
task<> p6_scalars() { STEP STEP STEP STEP STEP STEP STEP STEP STEP STEP STEP STEP STEP STEP STEP STEP }
#define STEPF(n) std::uint64_t x##n = produce(); co_await pend{}; use_u64(x##n);
task<> p6_flat() {
  STEPF(0) STEPF(1) STEPF(2) STEPF(3) STEPF(4) STEPF(5) STEPF(6) STEPF(7)
  STEPF(8) STEPF(9) STEPF(10) STEPF(11) STEPF(12) STEPF(13) STEPF(14) STEPF(15)
}
task<> p7_leaf() { unsigned char a[4096]; std::memset(a, 1, sizeof a); consume(a, sizeof a); co_await pend{}; consume(a, sizeof a); }
task<> p7_nest1() { co_await p7_leaf(); }
task<> p7_nest2() { co_await p7_nest1(); }
task<> p7_nest3() { co_await p7_nest2(); }
task<> p8_align(bool c) {
  if (c) { unsigned char a[8192]; std::memset(a, 1, sizeof a); consume(a, sizeof a); co_await pend{}; consume(a, sizeof a); }
  else   { A64 b; std::memset(&b, 2, sizeof b); consume(&b, sizeof b); co_await pend{}; consume(&b, sizeof b); }
}
task<> loop_buf(int n) {
  for (int i = 0; i < n; i++) {
    unsigned char buf[1024]; std::memset(buf, i, sizeof buf); consume(buf, sizeof buf);
    co_await pend{};
    consume(buf, sizeof buf);
  }
}
task<std::uint64_t> fetch(std::uint64_t x) { std::uint64_t y = produce(); co_await pend{}; co_return x + y; }
task<std::uint64_t> loop_accum(int n) {
  std::uint64_t total = 0;
  for (int i = 0; i < n; i++) total += co_await fetch(i);
  co_return total;
}
task<> do_while(int n) {
  int i = 0;
  do { std::uint64_t v = produce(); co_await pend{}; use_u64(v + i); } while (++i < n);
}
task<> switch_cases(int k) {
  switch (k) {
  case 0: { unsigned char a[512]; std::memset(a, 1, sizeof a); consume(a, sizeof a); co_await pend{}; consume(a, sizeof a); break; }
  case 1: { std::uint64_t b[128]; std::memset(b, 2, sizeof b); consume(b, sizeof b); co_await pend{}; consume(b, sizeof b); break; }
  case 2: { double d = (double)produce(); co_await pend{}; consume(&d, sizeof d); break; }
  default: co_await pend{}; break;
  }
}
task<> goto_retry(int n) {
  int tries = 0;
retry:
  { unsigned char buf[256]; std::memset(buf, tries, sizeof buf); consume(buf, sizeof buf); co_await pend{}; consume(buf, sizeof buf); }
  if (++tries < n) goto retry;
  co_await pend{};
}
task<> mixed_align() {
  char c = (char)produce();
  short s = (short)produce();
  co_await pend{};
  double d = (double)produce();
  co_await pend{};
  use_u64((std::uint64_t)c + (std::uint64_t)d);
  char e = (char)produce();
  co_await pend{};
  use_u64((std::uint64_t)s + (std::uint64_t)e);
}
task<> arr_live() {
  std::uint32_t v[64];
  for (int i = 0; i < 64; i++) v[i] = (std::uint32_t)produce();
  co_await pend{};
  std::uint64_t s = 0;
  for (int i = 0; i < 64; i++) s += v[i];
  use_u64(s);
}
task<> arr_dead() {
  std::uint32_t v[1024];
  for (int i = 0; i < 1024; i++) v[i] = (std::uint32_t)produce();
  std::uint64_t s = 0;
  for (int i = 0; i < 1024; i++) s += v[i];
  co_await pend{};
  use_u64(s);
}
task<> big_first() {
  unsigned char big[16384];
  for (int i = 0; i < 16384; i++) big[i] = (unsigned char)produce();
  std::uint64_t h = 0;
  for (int i = 0; i < 16384; i++) h = h * 31 + big[i];
  co_await pend{};
  std::uint64_t x = produce();
  co_await pend{};
  use_u64(h + x);
}
task<> never_meet() {
  std::uint64_t x = produce(); co_await pend{}; co_await pend{}; use_u64(x);
  std::uint64_t y = produce(); co_await pend{}; co_await pend{}; use_u64(y);
  std::uint64_t z = produce(); co_await pend{}; co_await pend{}; use_u64(z);
}
task<> never_meet_big() {
  { unsigned char a[2048]; std::memset(a, 1, sizeof a); consume(a, sizeof a); co_await pend{}; co_await pend{}; consume(a, sizeof a); }
  { unsigned char b[2048]; std::memset(b, 2, sizeof b); consume(b, sizeof b); co_await pend{}; co_await pend{}; consume(b, sizeof b); }
  { unsigned char c[2048]; std::memset(c, 3, sizeof c); consume(c, sizeof c); co_await pend{}; co_await pend{}; consume(c, sizeof c); }
}
task<> small_cb() { std::uint64_t x = produce(); co_await pend{}; use_u64(x); }
task<> nest_seq() { co_await small_cb(); co_await p7_leaf(); co_await small_cb(); }
task<> nest_live() {
  std::uint64_t r = co_await fetch(1);
  co_await p7_leaf();
  use_u64(r);
}
task<std::uint64_t> ret_await(std::uint64_t x) { co_return co_await fetch(x); }
task<std::uint64_t> callee_branches(int k) {
  std::uint64_t r = 0;
  if (k == 0) r = co_await fetch(7);
  else if (k == 1) { co_await p7_leaf(); r = 1; }
  else { co_await never_meet_big(); r = 2; }
  co_return r;
}

// Runs f() to completion for each argument in args... and reports the first
// (top) frame and the peak live frame bytes over all runs.
template <class F> static void measure(const char* name, F f, std::initializer_list<int> args) {
  std::size_t first = 0, peak = 0; int npeak = 0;
  for (int a : args) {
    g_first = g_live = g_peak = 0; g_nlive = g_npeak = g_nalloc = 0;
    {
      auto t = f(a);
      g_resume = t.h;
      while (!t.h.done()) g_resume.resume();
    }
    if (g_first > first) first = g_first;
    if (g_peak > peak) { peak = g_peak; npeak = g_npeak; }
  }
  std::printf("%s\t%zu\t%zu\t%d\n", name, first, peak, npeak);
}
#define M(name, ...) measure(#name, [](int a) { (void)a; return name(__VA_ARGS__); }, {0})
#define MA(name, ...) measure(#name, [](int a) { return name(a); }, {__VA_ARGS__})

int main() {
  M(p0_empty); measure("p1_arg", [](int) { static Arr4k big; return p1_arg(big); }, {0});
  MA(p2_branches, 1, 0); M(p3_seq); M(p4_prefix); M(p5_borrowed); M(p5_scoped);
  M(p6_scalars); M(p6_flat); M(p7_leaf); M(p7_nest1); M(p7_nest2); M(p7_nest3);
  MA(p8_align, 1, 0); MA(loop_buf, 3); MA(fetch, 1); MA(loop_accum, 3); MA(do_while, 3);
  MA(switch_cases, 0, 1, 2, 3); MA(goto_retry, 3); M(mixed_align); M(arr_live); M(arr_dead);
  M(big_first); M(never_meet); M(never_meet_big); M(small_cb); M(nest_seq); M(nest_live);
  MA(ret_await, 1); MA(callee_branches, 0, 1, 2);
  return 0;
}
