//===- EmitStarts.cpp - ca_block_on, ca_spawn and task pools
//----------------===//
//
// Takes a start (StartSite) or a task pool (TaskPool) of Shape; gives its
// lowering: a ca_block_on or ca_spawn as one GNU statement expression that
// inits the callee's frame (in a task of the pool, for ca_spawn_in), the
// type-erased poll and drop thunks and the vtable of a callee that is
// started, and a CA_TASK_POOL's static storage.
//
//===----------------------------------------------------------------------===//
#include "EmitBody.h"
#include "SourceText.h"

using namespace clang;

namespace cawait {
using namespace emit;

/// `sizeof(R)` of an async function's result, or 0 for void.
static std::string resultSize(Emitter &E, const FunctionDecl *Callee) {
  QualType R = Callee->getReturnType().getUnqualifiedType();
  return R->isVoidType() ? "0" : "sizeof(" + E.declare(R, "") + ")";
}

std::string Emitter::thunks(const FunctionDecl *Callee) {
  std::string N = Callee->getNameAsString();
  std::string Frame = frameType(Callee);
  QualType R = Callee->getReturnType().getUnqualifiedType();
  bool Void = R->isVoidType();
  std::string Desc = contract::frameDescName(N);
  // A function not defined here: its description, if it has one.
  std::string Out = Sh.FunctionIndex.count(Callee->getCanonicalDecl())
                        ? ""
                        : frameDescDecl(Callee);
  Out += "static inline __attribute__((unused)) ca_poll " + N +
         "__erased_poll(void *ca__f, ca_context *ca__cx, void *ca__out) { "
         "return " +
         N + "__poll((" + Frame + " *)ca__f, ca__cx, " +
         (Void ? std::string("ca__out") : "(" + declare(R, "*") + ")ca__out") +
         "); }\n";
  // A task's frame sits in its area at the frame's own alignment; once it
  // completes, the result is copied over the area's start (for the join).
  std::string TaskFrame = "CA__TASK_FRAME(" + Frame + ", ca__a)";
  Out += "static inline __attribute__((unused)) ca_poll " + N +
         "__task_poll(void *ca__a, ca_context *ca__cx, void *ca__out) { ";
  if (Void)
    Out += "(void)ca__out; return " + N + "__poll(" + TaskFrame +
           ", ca__cx, (void *)0); }\n";
  else
    Out += declare(R, "ca__v") + "; (void)ca__out; if (" + N + "__poll(" +
           TaskFrame +
           ", ca__cx, &ca__v) == CA_PENDING) return CA_PENDING; "
           "__builtin_memcpy(ca__a, &ca__v, sizeof ca__v); return CA_READY; "
           "}\n";
  Out += "static inline __attribute__((unused)) void " + N +
         "__task_drop(void *ca__a) { " + N + "__drop(" + TaskFrame + "); }\n";
  Out += "static const ca__task_vtable " + N +
         "__task_vt __attribute__((unused)) = {.wake = {.wake = "
         "ca__task_wake}, .poll = " +
         N + "__task_poll, .drop = " + N +
         "__task_drop, .result_size = " + resultSize(*this, Callee) +
         ", .name = \"" + N +
         "\", .pool = (ca_task_pool *)0, "
         ".drop_completed = 0, .desc = &" +
         Desc + "};\n";
  return Out;
}

std::string Emitter::taskAreaSize(const FunctionDecl *Callee) {
  return "CA__TASK_AREA_SIZE(" + frameType(Callee) + ", " +
         resultSize(*this, Callee) + ")";
}

std::string Emitter::pool(const TaskPool &P) {
  std::string Name = P.Var->getNameAsString();
  std::string Fn = P.Function->getNameAsString();
  std::string Slots = Name + "__ca__slots";
  std::string N = std::to_string(P.Capacity);
  return "static _Alignas(max_align_t) unsigned char " + Slots + "[" + N +
         "][CA__POOL_SLOT_SIZE(" + taskAreaSize(P.Function) +
         ")]; static ca_task_pool " + Name +
         " __attribute__((unused)) = {.slots = " + Slots +
         "[0], .slot_size = sizeof " + Slots + "[0], .capacity = " + N +
         ", .used = 0, .free_list = (ca_task *)0, .name = \"" + Name +
         "\"}; static const ca__task_vtable " + Name +
         "__ca__vt __attribute__((unused)) = {.wake = {.wake = "
         "ca__task_wake}, .poll = " +
         Fn + "__task_poll, .drop = " + Fn +
         "__task_drop, .result_size = " + resultSize(*this, P.Function) +
         ", .name = \"" + Fn + "\", .pool = &" + Name +
         ", .drop_completed = 0, .desc = &" + contract::frameDescName(Fn) + "}";
}

std::string Emitter::startExpr(const StartSite &St, const AsyncFunction *In) {
  std::string N = St.Callee->getNameAsString();
  std::string Frame = frameType(St.Callee);
  std::string Args;
  for (const Expr *Arg : St.Call->arguments())
    Args += ", " + expr(Arg, In);
  if (St.Kind == MarkerKind::Spawn || St.Kind == MarkerKind::SpawnIn) {
    std::string VT = St.Pool ? St.Pool->Var->getNameAsString() + "__ca__vt"
                             : N + "__task_vt";
    std::string Text = "__extension__({ void *ca__t = ca__task_new(&" + VT +
                       ", " + taskAreaSize(St.Callee) + "); ";
    std::string Init =
        N + "__init(CA__TASK_FRAME(" + Frame + ", ca__t)" + Args + "); ";
    // A pool may be full: then nothing is started (and no argument is
    // evaluated).
    if (St.Pool) {
      if (St.Discarded)
        return Text + "if (ca__t) { " + Init + "ca__task_start(ca__t); } })";
      return Text + "ca_task *ca__h = (ca_task *)0; if (ca__t) { " + Init +
             "ca__h = ca__task_start_joinable(ca__t); } ca__h; })";
    }
    if (St.Discarded)
      return Text + Init + "ca__task_start(ca__t); })";
    return Text + Init + "ca__task_start_joinable(ca__t); })";
  }
  QualType R = St.Callee->getReturnType();
  bool Void = R->isVoidType();
  std::string Text = "__extension__({ " + Frame + " ca__b; " + N +
                     "__init(&ca__b" + Args + "); ";
  std::string Out = Void ? "(void *)0" : "&ca__v";
  if (!Void)
    Text += declare(R.getUnqualifiedType(), "ca__v") + "; ";
  if (St.Direct)
    // Its poll completes at once: run it in place (the C compiler inlines
    // init, poll and f__sync into a call of the body), between the checks
    // and the scope of tasks that ca__block_on would have.
    Text += contract::BlockOnSyncEnter.str() + "(); " +
            contract::BlockOnSyncLeave.str() + "(" + N + "__poll(&ca__b, (" +
            contract::ContextType.str() + " *)0, " + Out + ")); ";
  else
    Text += contract::BlockOnDescFunction.str() + "(&ca__b, " + N +
            "__erased_poll, " + Out + ", &" + contract::frameDescName(N) +
            "); ";
  if (Void)
    return Text + "(void)0; })";
  return Text + (St.Discarded ? "(void)ca__v; })" : "ca__v; })");
}

} // namespace cawait
