//===- EmitGenerators.cpp - Yields and ca_for loops ----------------------===//
//
// Takes a yield (an AwaitSite with Yield set) or a ForSite (Shape) where
// the body reaches it, or a ca_for of a plain function; gives its code:
//   yield(e);   *ca__out = e; then the suspend point (EmitAwaits.cpp's
//               suspend), whose poll returns CA_ITEM;
//   ca_for (T v, g(x)) s   in an async function or a generator:
//               { g__init(&frame, x);
//                 for (;;) { T v; if (g__poll(&frame, ca__cx, &v) != CA_ITEM)
//                              break; s } }
//               the frame is a local whose cleanup is g__drop, or, when a
//               suspend point is in the loop (liveness kept the slot), a
//               field of the consumer's frame dropped on every way out and
//               by the consumer's f__drop;
//   ca_for_await (T v, s(x)) body   over a stream (an AwaitSite with Loop
//               set): the same loop, its frame always that field, and the
//               poll at the top of each pass is a suspend point: the state,
//               what it holds stored, the resume label, `return
//               CA_PENDING` while the stream waits, what it holds loaded;
//   in a plain function, the `ca_for (T v, g(x))` that heads the loop is
//               replaced by two `for` heads (the body is left as written):
//               the outer declares the frame, with g__drop as its cleanup,
//               and runs once; the inner polls it into v.
// A variable of another type than the items gets each through ca__itemN.
//
//===----------------------------------------------------------------------===//
#include "EmitBody.h"
#include "SourceText.h"

using namespace clang;

namespace cawait {
using namespace emit;

void BodyEmitter::yieldItem(const AwaitSite &A) {
  QualType T = F.Decl->getReturnType();
  if (hasConstMember(T)) {
    // `=` cannot store it: initialise a temporary, then copy its bytes.
    Out.line("{");
    Out.indent();
    Out.line(E.declare(T.getUnqualifiedType(), "ca__tmp") + " = (" +
             expr(A.Value) + ");");
    Out.line(storeField("*ca__out", "ca__tmp", T, Ctx));
    Out.dedent();
    Out.line("}");
  } else {
    Out.line("*ca__out = " + assignmentOperand(A.Value, expr(A.Value)) + ";");
  }
  suspend(A, "");
}

void BodyEmitter::generatorLoop(const ForSite &FS) {
  std::string G = FS.Callee->getNameAsString();
  const SavedVar *Slot = F.savedFor(FS.Slot);
  std::string Frame = Slot ? field(FS.Slot) : contract::forFrameVar(FS.Index);
  Out.line("{");
  Out.indent();
  Scopes.push_back({FS.Loop, {}});
  if (!Slot)
    Out.line(frameType(FS.Callee) + " " + Frame + " __attribute__((cleanup(" +
             contract::dropName(G) + ")));");
  std::string Init = contract::initName(G) + "(&" + Frame;
  for (const Expr *Arg : FS.Call->arguments())
    Init += ", " + expr(Arg);
  Out.line(Init + ");");
  if (Slot)
    Scopes.back().Cleanups.push_back(FS.Slot); // its drop, on every way out
  Out.line("for (;;) {");
  Out.indent();
  QualType Item = FS.Callee->getReturnType().getUnqualifiedType();
  QualType VT = FS.Var->getType();
  std::string Var = F.inFrame(FS.Var) ? field(FS.Var) : FS.Var->getName().str();
  if (!F.inFrame(FS.Var))
    // Written by the poll: declared without its qualifiers (the analysis
    // parse checked that the body does not write a const one).
    Out.line(E.declareIn(VT.getUnqualifiedType(), Var, &F) + ";");
  bool Same = Ctx.hasSameUnqualifiedType(VT, Item);
  std::string Target = Same ? Var : contract::forItemVar(FS.Index);
  if (!Same)
    Out.line(E.declare(Item, Target) + ";");
  // f__sync (a function that never suspends) has no context: a generator
  // that is not async never uses it.
  std::string Cx = F.BodyInSync ? "(" + contract::ContextType.str() + " *)0"
                                : contract::ContextParam.str();
  std::string Poll =
      contract::pollName(G) + "(&" + Frame + ", " + Cx + ", &" + Target + ")";
  if (const AwaitSite *A = F.awaitAt(FS.Loop)) {
    // ca_for_await over a stream: its poll is this function's suspend
    // point, returning CA_PENDING while the stream waits.
    if (!Slot)
      E.reports().internalError(FS.Loop, FS.Loop->getForLoc(),
                                "the stream of this ca_for_await is not kept "
                                "in the frame of '" +
                                    F.Name + "'");
    std::string K = std::to_string(A->State);
    recordDropCleanups(*A);
    Out.line("ca__f->ca__state = " + K + ";");
    storeHeld(*A, /*WrittenByCall=*/true); // no call: all
    resumeLabel(*A, /*OnlyForDebuggers=*/true);
    Out.line("if ((ca__r" + K + " = " + Poll +
             ") == " + contract::Pending.str() + ")");
    Out.line("  return " + contract::Pending.str() + ";");
    loadHeld(*A);
    Out.line("if (ca__r" + K + " != " + contract::Item.str() + ")");
  } else {
    Out.line("if (" + Poll + " != " + contract::Item.str() + ")");
  }
  Out.line("  break;");
  if (!Same)
    Out.line(Var + " = " + Target + ";");
  loopBody(FS.Loop->getBody(), true);
  Out.dedent();
  Out.line("}");
  runCleanups(Scopes.size() - 1);
  Scopes.pop_back();
  Out.dedent();
  Out.line("}");
}

std::string Emitter::plainFor(const ForSite &FS) {
  // break leaves the inner loop; the outer one's increment ends it, and the
  // frame's cleanup drops the generator (as on return and goto).
  std::string G = FS.Callee->getNameAsString();
  std::string Frame = contract::forFrameVar(FS.Index);
  std::string Ptr = contract::forFramePointer(FS.Index);
  std::string Args;
  for (const Expr *Arg : FS.Call->arguments())
    Args += ", " + expr(Arg, nullptr);
  std::string Head = "for (" + frameType(FS.Callee) + " " + Frame +
                     " __attribute__((cleanup(" + contract::dropName(G) +
                     "))), *" + Ptr + " = (" + contract::initName(G) + "(&" +
                     Frame + Args + "), &" + Frame + "); " + Ptr + "; " + Ptr +
                     " = 0) ";
  QualType Item = FS.Callee->getReturnType().getUnqualifiedType();
  QualType VT = FS.Var->getType();
  std::string Var = FS.Var->getName().str();
  std::string Poll = contract::pollName(G) + "(" + Ptr + ", (" +
                     contract::ContextType.str() + " *)0, &";
  if (Ctx.hasSameUnqualifiedType(VT, Item))
    return Head + "for (" + declare(VT.getUnqualifiedType(), Var) + "; " +
           Poll + Var + ") == " + contract::Item.str() + ";)";
  std::string Tmp = contract::forItemVar(FS.Index);
  return Head + "for (" + declare(VT.getUnqualifiedType(), Var) +
         "; __extension__({ " + declare(Item, Tmp) +
         "; int ca__more = " + Poll + Tmp + ") == " + contract::Item.str() +
         "; if (ca__more) " + Var + " = " + Tmp + "; ca__more; });)";
}

} // namespace cawait
