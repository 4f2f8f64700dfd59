/* indirect.c - calls through async function pointers: the generated
 * function a pointer points to places the callee's frame in the storage
 * the awaiting frame keeps for it (a budget of bytes) or in a box.
 */
#include "internal.h"
#include "platform.h"

CA__THREAD_LOCAL ca__indirect_call *ca__indirect;

void *ca__indirect_place(const ca__frame_ops *ops) {
  ca__indirect_call *call = ca__indirect;
  ca__indirect = NULL;
  if (!call)
    ca__die("'%s' is async: it was called through a function pointer "
            "outside await(...)",
            ops->name);
  call->ops = ops;
  if (call->storage) {
    if (ops->size > call->budget)
      ca__die("the frame of '%s' is %zu bytes, more than the %zu bytes of "
              "the async function pointer it was called through",
              ops->name, ops->size, call->budget);
    if (ops->align > _Alignof(max_align_t))
      ca__die("the frame of '%s' is aligned to %zu bytes, more than an "
              "async function pointer's storage (%zu)",
              ops->name, ops->align, (size_t) _Alignof(max_align_t));
    call->frame = call->storage;
  } else {
    size_t align =
        ops->align > _Alignof(max_align_t) ? ops->align : _Alignof(max_align_t);
    call->frame = ca__platform_alloc_aligned(
        align, (ops->size + align - 1) / align * align, "async_boxed");
    if (!call->frame)
      ca__die("out of memory boxing a frame of '%s' (%zu bytes)", ops->name,
              ops->size);
  }
  return call->frame;
}

void ca__indirect_check(ca__indirect_call *call) {
  ca__indirect = NULL;
  if (!call->ops)
    ca__die("await through an async function pointer called a function "
            "that is not an async function lowered by cawait");
}

void ca__box_free(void *frame) { ca__platform_free(frame); }
