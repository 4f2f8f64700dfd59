// The frame descriptions of async backtraces (ca_dump_tasks): after each
// lowered function, `f__ca__desc` (name, table of awaits, state offset and
// size, alignment) and its table `f__ca__awaits`, one entry per state: the
// await's file and line, the callee's description (weakly declared when the
// callee is not defined here: a leaf, a function of another file) and the
// callee frame's offset; a combinator's entry points to its branches' table
// (each branch frame's offset in the frame); a call through a pointer gives
// the offset of its ops. The prototypes declare each description (static
// with the function); task vtables, pools, async pointer ops and
// ca_block_on refer to it. A generator has none; a function with no await
// has no table.
// RUN: %cawait-cc -fsyntax-only -fplugin-arg-cawait-emit=%t.c %s
// RUN: grep -v -e '^//' -e '^#line' %t.c | FileCheck %s
// The file is __FILE__'s: -fmacro-prefix-map applies.
// RUN: %cawait-cc -fsyntax-only -fmacro-prefix-map=%S/=src/ -fplugin-arg-cawait-emit=%t.map.c %s
// RUN: grep -v '^//' %t.map.c | grep -o '[.]file = "[^"]*"' | sort | uniq -c | FileCheck %s --check-prefix=MAP
// MAP: 11 .file = "src/frame-desc.c"
// MAP-EMPTY:
#include <cawait.h>

typedef async_budget(64) int get_fn(int x);
async_budget(32) int elsewhere(int x);

async int leaf(int ms) {
  await(ca_sleep_ms(ms));
  return ms;
}

static async int twice(int x) {
  int a = await(leaf(x));
  int b = await(elsewhere(a));
  return a + b;
}

async int both(get_fn *f) {
  await(ca_join(leaf(1), twice(2)));
  int r = await(ca_timeout_ms(5, leaf(3)));
  r += await(f(4));
  return r + await(ca_boxed(f(5)));
}

async int none(int x) { return x + 1; }

gen int count(int n) {
  for (int i = 0; i < n; i++)
    yield(i);
}

async void spawner(void) {
  ca_spawn(both(leaf));
  ca_for (int v, count(2))
    (void)v;
}

CA_TASK_POOL(pool, none, 2);

int main(void) {
  ca_spawn_in(&pool, none(1));
  return ca_block_on(both(leaf));
}

// CHECK-NOT:   count__ca__desc
// CHECK-LABEL: void leaf__drop(struct leaf__frame *ca__f);
// CHECK-NEXT:  extern const ca__frame_desc leaf__ca__desc;

// A pointer to leaf points to leaf's ops, which name its description.
// CHECK-LABEL: static const ca__frame_ops leaf__ops = {leaf__ops_poll, leaf__ops_drop, sizeof(struct leaf__frame), _Alignof(struct leaf__frame), "leaf", &leaf__ca__desc};
// CHECK:       const unsigned long leaf__ca__frame_size = sizeof(struct leaf__frame);
// CHECK-NEXT:  extern const ca__frame_desc ca_sleep_ms__ca__desc __attribute__((weak));
// CHECK-NEXT:  static const ca__await_desc leaf__ca__awaits[1] = {
// CHECK-NEXT:    {.callee = &ca_sleep_ms__ca__desc, .callee_name = "ca_sleep_ms", .file = "{{.*}}frame-desc.c", .line = 25, .offset = 0, .kind = CA__AWAIT_CALL},
// CHECK-NEXT:  };
// CHECK-NEXT:  const ca__frame_desc leaf__ca__desc = {.name = "leaf", .awaits = leaf__ca__awaits, .nawaits = 1, .state_offset = 36, .align = _Alignof(struct leaf__frame), .state_size = 1};
// CHECK:       static void twice__drop(struct twice__frame *ca__f);
// CHECK-NEXT:  static const ca__frame_desc __attribute__((unused)) twice__ca__desc;

// elsewhere is known only by its budget: its description is weak.
// CHECK-LABEL: void twice__drop(struct twice__frame *ca__f) {
// CHECK:       extern const ca__frame_desc elsewhere__ca__desc __attribute__((weak));
// CHECK-NEXT:  static const ca__await_desc twice__ca__awaits[2] = {
// CHECK-NEXT:    {.callee = &leaf__ca__desc, .callee_name = "leaf", .file = "{{.*}}frame-desc.c", .line = 30, .offset = 0, .kind = CA__AWAIT_CALL},
// CHECK-NEXT:    {.callee = &elsewhere__ca__desc, .callee_name = "elsewhere", .file = "{{.*}}frame-desc.c", .line = 31, .offset = 0, .kind = CA__AWAIT_CALL},
// CHECK-NEXT:  };
// CHECK-NEXT:  static const ca__frame_desc twice__ca__desc = {.name = "twice", .awaits = twice__ca__awaits, .nawaits = 2, .state_offset = 40, .align = _Alignof(struct twice__frame), .state_size = 1};

// The branches of the join at 32 and 80, of the select (ca_timeout_ms) at
// 32 and 72; the pointer's ops after its budget's bytes, or after the box.
// CHECK-LABEL: static const ca__frame_ops both__ops = {both__ops_poll, both__ops_drop, sizeof(struct both__frame), _Alignof(struct both__frame), "both", &both__ca__desc};
// CHECK:       const unsigned long both__ca__frame_size = sizeof(struct both__frame);
// CHECK-NEXT:  extern const ca__frame_desc ca_sleep_ms__ca__desc __attribute__((weak));
// CHECK-NEXT:  static const ca__await_desc both__ca__branches1[2] = {
// CHECK-NEXT:    {.callee = &leaf__ca__desc, .callee_name = "leaf", .file = "{{.*}}frame-desc.c", .line = 36, .offset = 32, .kind = CA__AWAIT_CALL},
// CHECK-NEXT:    {.callee = &twice__ca__desc, .callee_name = "twice", .file = "{{.*}}frame-desc.c", .line = 36, .offset = 80, .kind = CA__AWAIT_CALL},
// CHECK-NEXT:  };
// CHECK-NEXT:  static const ca__await_desc both__ca__branches2[2] = {
// CHECK-NEXT:    {.callee = &leaf__ca__desc, .callee_name = "leaf", .file = "{{.*}}frame-desc.c", .line = 37, .offset = 32, .kind = CA__AWAIT_CALL},
// CHECK-NEXT:    {.callee = &ca_sleep_ms__ca__desc, .callee_name = "ca_sleep_ms", .file = "{{.*}}frame-desc.c", .line = 37, .offset = 72, .kind = CA__AWAIT_CALL},
// CHECK-NEXT:  };
// CHECK-NEXT:  static const ca__await_desc both__ca__awaits[4] = {
// CHECK-NEXT:    {.callee_name = "ca_join", .file = "{{.*}}frame-desc.c", .line = 36, .offset = 0, .kind = CA__AWAIT_JOIN, .nbranches = 2, .branches = both__ca__branches1},
// CHECK-NEXT:    {.callee_name = "ca_select", .file = "{{.*}}frame-desc.c", .line = 37, .offset = 0, .kind = CA__AWAIT_SELECT, .nbranches = 2, .branches = both__ca__branches2},
// CHECK-NEXT:    {.file = "{{.*}}frame-desc.c", .line = 38, .offset = 0, .ops_offset = __builtin_offsetof(struct both__frame, ca__aw3.ops), .kind = CA__AWAIT_IN_PLACE},
// CHECK-NEXT:    {.file = "{{.*}}frame-desc.c", .line = 39, .offset = 0, .ops_offset = __builtin_offsetof(struct both__frame, ca__aw4.ops), .kind = CA__AWAIT_BOXED},
// CHECK-NEXT:  };
// CHECK-NEXT:  const ca__frame_desc both__ca__desc = {.name = "both", .awaits = both__ca__awaits, .nawaits = 4, .state_offset = 152, .align = _Alignof(struct both__frame), .state_size = 1};

// No await: no table.
// CHECK-LABEL: const unsigned long none__ca__frame_size = sizeof(struct none__frame);
// CHECK-NEXT:  const ca__frame_desc none__ca__desc = {.name = "none", .state_offset = 4, .align = _Alignof(struct none__frame), .state_size = 1};

// The vtable of a spawned function, of a pool, and ca_block_on.
// CHECK-LABEL: static const ca__task_vtable both__task_vt __attribute__((unused)) = {.wake = {.wake = ca__task_wake}, .poll = both__task_poll, .drop = both__task_drop, .result_size = sizeof(int), .name = "both", .pool = (ca_task_pool *)0, .drop_completed = 0, .desc = &both__ca__desc};
// CHECK-LABEL: const unsigned long spawner__ca__frame_size = sizeof(struct spawner__frame);
// CHECK-NEXT:  const ca__frame_desc spawner__ca__desc = {.name = "spawner", .state_offset = 0, .align = _Alignof(struct spawner__frame), .state_size = 1};
// CHECK:       static const ca__task_vtable pool__ca__vt __attribute__((unused)) = {{{.*}}, .pool = &pool, .drop_completed = 0, .desc = &none__ca__desc};
// CHECK:       ca__block_on_desc(&ca__b, both__erased_poll, &ca__v, &both__ca__desc);
// CHECK-NOT:   count__ca__desc
