//===- EmitAwaits.cpp - Suspend points of the poll function
//-----------------===//
//
// Takes one AwaitSite (Shape) where the body reaches it; gives its code in
// the poll function: the callee's init into the sub-frame, the state, the
// resume label and the poll that returns CA_PENDING, with the stores and
// loads of what it holds in locals (SavedVar::InLocal); through an async
// function pointer, the placement in this frame or a box; for ca_join and
// ca_select, every branch started and polled with its own waker, then the
// winner's or every branch's assignment. Records what f__drop must run in
// that state.
//
//===----------------------------------------------------------------------===//
#include "EmitBody.h"
#include "KeptLocals.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace cawait {
using namespace emit;

void BodyEmitter::await(const AwaitSite &A) {
  if (A.Yield) {
    yieldItem(A);
    return;
  }
  if (A.Comb != Combinator::None) {
    combinator(A);
    return;
  }
  if (A.Indirect) {
    indirect(A);
    return;
  }
  std::string K = std::to_string(A.State);
  std::string Callee = A.Callee->getNameAsString();
  std::string Sub = "&ca__f->ca__aw" + K;
  std::string Init = Callee + "__init(" + Sub;
  for (const Expr *Arg : A.Call->arguments())
    Init += ", " + expr(Arg);
  storeHeld(A, /*WrittenByCall=*/false);
  Out.line(Init + ");");
  suspend(A, Callee + "__poll(" + Sub);
}

void BodyEmitter::suspend(const AwaitSite &A, const std::string &PollCall) {
  // What A holds in locals goes to the frame before the callee's init
  // (after it, what the call's arguments write) and comes back after the
  // poll completes, whether it suspended or not: nothing stays in a
  // register across the calls (a callee-saved one would cost its push and
  // pop at every poll). Unoptimized, a resume loads them before the poll
  // too, for debuggers (a caller's locals are right while its callee
  // runs); optimized, the loads after the poll would overwrite them.
  std::string K = std::to_string(A.State);
  recordDropCleanups(A);
  Out.line("ca__f->ca__state = " + K + ";");
  storeHeld(A, /*WrittenByCall=*/true); // a yield has no call: all
  if (A.Yield) {
    // The item is in *ca__out: hand it over; the next poll resumes here.
    Out.line("return " + contract::Item.str() + ";");
    Out.label("ca__resume" + K);
    Out.line(";"); // a label needs a statement (C11)
    loadHeld(A);
    return;
  }
  resumeLabel(A, /*OnlyForDebuggers=*/true);
  std::string Result =
      A.Call->getType()->isVoidType() ? "(void *)0" : "&ca__r" + K;
  Out.line("if (" + PollCall + ", ca__cx, " + Result + ") == CA_PENDING)");
  Out.line("  return CA_PENDING;");
  loadHeld(A);
}

std::vector<const SavedVar *>
BodyEmitter::heldInLocals(const AwaitSite &A) const {
  std::vector<const SavedVar *> Held;
  for (unsigned V : F.HeldAcross[A.State - 1])
    if (F.Saved[V].InLocal)
      Held.push_back(&F.Saved[V]);
  return Held;
}

namespace {

/// `Dst = Src;` between a variable in a local and its frame field, or a
/// copy of its bytes (SavedVar::CopyBytes).
std::string moveValue(const SavedVar &SV, const std::string &Dst,
                      const std::string &Src, const ASTContext &Ctx) {
  if (SV.CopyBytes)
    return copyBytes(Dst, Src, SV.Var->getType(), Ctx);
  return Dst + " = " + Src + ";";
}

} // namespace

void BodyEmitter::storeHeld(const AwaitSite &A, bool WrittenByCall) {
  for (const SavedVar *SV : heldInLocals(A))
    if (!SV->InitOnly &&
        (!A.Call || writesVar(A.Call, SV->Var) == WrittenByCall))
      Out.line(
          moveValue(*SV, "ca__f->" + SV->Field, SV->Var->getName().str(), Ctx));
}

void BodyEmitter::resumeLabel(const AwaitSite &A, bool OnlyForDebuggers) {
  std::string Label = "ca__resume" + std::to_string(A.State);
  // Optimized, loads only for debuggers would be dropped (or, under
  // UBSan, kept with their checks): not worth their compile time.
  if (heldInLocals(A).empty() ||
      (OnlyForDebuggers && Ctx.getLangOpts().Optimize)) {
    Out.label(Label);
    return;
  }
  Out.line("if (0) {");
  Out.label(Label);
  Out.indent();
  loadHeld(A);
  Out.dedent();
  Out.line("}");
}

void BodyEmitter::pendingReturn(const AwaitSite &A,
                                const std::string &Pending) {
  bool Stores = false;
  for (const SavedVar *SV : heldInLocals(A))
    Stores |= !SV->InitOnly;
  if (!Pending.empty())
    Out.line("if (" + Pending + ")" + (Stores ? " {" : ""));
  else if (Stores)
    Out.line("{");
  Out.indent();
  storeHeld(A, /*WrittenByCall=*/false);
  Out.line("return CA_PENDING;");
  Out.dedent();
  if (Stores)
    Out.line("}");
}

void BodyEmitter::loadHeld(const AwaitSite &A) {
  for (const SavedVar *SV : heldInLocals(A))
    Out.line(
        moveValue(*SV, SV->Var->getName().str(), "ca__f->" + SV->Field, Ctx));
}

void BodyEmitter::indirect(const AwaitSite &A) {
  // The pointer's function places the callee's frame in this frame's
  // storage (or a box) and inits it; its ops poll and drop it.
  std::string K = std::to_string(A.State);
  std::string Area = "ca__f->ca__aw" + K;
  storeHeld(A, /*WrittenByCall=*/false);
  startIndirect(A.Call, Area, A.Boxed, A.Budget);
  suspend(A, Area + ".ops->poll(" + Area + ".frame");
  if (A.Boxed)
    Out.line("ca__box_free(" + Area + ".frame);");
}

void BodyEmitter::startIndirect(const CallExpr *Call,
                                const std::string &Storage, bool Boxed,
                                unsigned Budget) {
  std::string Args;
  for (const Expr *Arg : Call->arguments())
    Args += (Args.empty() ? "" : ", ") + expr(Arg);
  Out.line("{");
  Out.indent();
  Out.line("ca__indirect_call ca__ic " + contract::NoDebugMacro + " = {" +
           (Boxed ? std::string("(void *)0, 0")
                  : Storage + ".frame, " + std::to_string(Budget)) +
           ", (void *)0, (const ca__frame_ops *)0};");
  Out.line("ca__indirect = &ca__ic;");
  Out.line("(void)(" + expr(Call->getCallee()) + ")(" + Args + ");");
  Out.line("ca__indirect_check(&ca__ic);");
  if (Boxed)
    Out.line(Storage + ".frame = ca__ic.frame;");
  Out.line(Storage + ".ops = ca__ic.ops;");
  Out.dedent();
  Out.line("}");
}

void BodyEmitter::combinator(const AwaitSite &A) {
  // Branches start in order in the first pass (a select stops at the first
  // that completes), each polled right after its init; after a suspension
  // only the woken, unfinished branches are polled again. ca__fresh tells
  // the first pass from a resumption.
  std::string K = std::to_string(A.State);
  std::string Area = "ca__f->ca__aw" + K;
  std::string Head = Area + ".ca__h";
  bool Select = A.Comb == Combinator::Select;
  std::string Done = "ca__done" + K;
  Out.line(Head + ".pending = 0;");
  Out.line(Head + ".woken = 0;");
  recordDropCleanups(A);
  Out.line("ca__fresh = 1;");
  Out.line("ca__f->ca__state = " + K + ";");
  // What A holds in locals: stored when it suspends (the branches' first
  // pass may write it), loaded when a resume enters (a select's winner
  // assigns its target before the combinator is over).
  resumeLabel(A, /*OnlyForDebuggers=*/false);
  Out.line(Head + ".parent = ca__cx->waker;");
  Out.line("{");
  Out.indent();
  Out.line("ca_context ca__bcx " + contract::NoDebugMacro + ";");
  for (unsigned I = 0; I != A.Branches.size(); ++I) {
    const Branch &B = A.Branches[I];
    std::string Bit = std::to_string(1u << I) + "u";
    std::string Storage = Area + ".ca__b" + std::to_string(I);
    std::string Slot = Area + ".ca__w[" + std::to_string(I) + "]";
    Out.line("if (ca__fresh) {");
    Out.indent();
    if (B.Indirect) {
      startIndirect(B.Call, Storage, B.Boxed, B.Budget);
    } else {
      std::string Init = B.Callee->getNameAsString() + "__init(&" + Storage;
      for (const Expr *Arg : B.Call->arguments())
        Init += ", " + expr(Arg);
      Out.line(Init + ");");
    }
    Out.dedent();
    Out.line("  " + Head + ".pending |= " + Bit + ";");
    Out.line("  " + Slot + " = &" + F.Name + "__ca__wake" + K + "_" +
             std::to_string(I) + ";");
    Out.line("}");
    Out.line("if (" + Head + ".pending & (ca__fresh ? " + Bit + " : " + Head +
             ".woken & " + Bit + ")) {");
    Out.indent();
    Out.line(Head + ".woken &= ~" + Bit + ";");
    Out.line("ca__bcx.waker = &" + Slot + ";");
    bool Void = B.Call->getType()->isVoidType();
    std::string Result = "(void *)0";
    if (!Void)
      Result = Select ? "&ca__r" + K + "_" + std::to_string(I)
                      : "&" + Area + ".ca__res" + std::to_string(I);
    std::string Poll = B.Indirect
                           ? Storage + ".ops->poll(" + Storage + ".frame"
                           : B.Callee->getNameAsString() + "__poll(&" + Storage;
    Out.line("if (" + Poll + ", &ca__bcx, " + Result + ") == CA_READY) {");
    Out.indent();
    Out.line(Head + ".pending &= ~" + Bit + ";");
    if (B.Boxed)
      Out.line("ca__box_free(" + Storage + ".frame);");
    if (Select) {
      // The winner: drop the others still running, then its assignment.
      for (unsigned J = A.Branches.size(); J-- > 0;)
        if (J != I)
          Out.line(
              "if (" + Head + ".pending & " + std::to_string(1u << J) + "u) " +
              dropBranch(A.Branches[J], Area + ".ca__b" + std::to_string(J)));
      Out.line("ca__r" + K + " = " + std::to_string(I) + ";");
      if (B.Assignment)
        Out.line(expr(B.Assignment->getLHS()) + " " +
                 B.Assignment->getOpcodeStr() + " ca__r" + K + "_" +
                 std::to_string(I) + ";");
      Out.line("goto " + Done + ";");
    }
    Out.dedent();
    Out.line("}");
    Out.dedent();
    Out.line("}");
  }
  Out.dedent();
  Out.line("}");
  if (Select) {
    pendingReturn(A, "");
    Out.label(Done);
    Out.line(";");
    return;
  }
  pendingReturn(A, Head + ".pending");
  // Results leave the storage before any assignment: a target may share
  // bytes with it.
  for (unsigned I = 0; I != A.Branches.size(); ++I)
    if (A.Branches[I].Assignment)
      Out.line(storeField("ca__r" + K + "_" + std::to_string(I),
                          Area + ".ca__res" + std::to_string(I),
                          A.Branches[I].Call->getType(), Ctx));
  for (unsigned I = 0; I != A.Branches.size(); ++I)
    if (const BinaryOperator *Assign = A.Branches[I].Assignment)
      Out.line(expr(Assign->getLHS()) + " " + Assign->getOpcodeStr() +
               " ca__r" + K + "_" + std::to_string(I) + ";");
}

} // namespace cawait
