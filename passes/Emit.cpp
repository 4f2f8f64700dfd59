//===- Emit.cpp - f__init, f__poll and f__drop
//------------------------------===//
//
// Takes an async function after layout; gives its functions: f__init
// (stores the parameters the body reads), f__poll (the body, through
// BodyEmitter) and f__drop, the f__sync of a function that never suspends
// and what a pointer to it points to.
//
// Shape of a lowered `async T f(P...)` with awaits numbered 1..N:
//
//   ca_poll f__poll(struct f__frame *ca__f, ca_context *ca__cx, T *ca__out) {
//     R1 ca__r1; ...                    results of the awaited calls
//     if (__builtin_expect(ca__f->ca__state != 0, 1))  (0: start at the top)
//       switch (ca__f->ca__state) {     jump straight to the suspend point
//       case K: goto ca__resumeK;
//       default: ca__poll_after_done("f");
//       }
//     P p = ca__f->p; ...               parameters kept in locals
//     ... body; each await K is:
//       ca__f->x = x; ...                what K holds in locals
//       g__init(&ca__f->ca__awK, args);  ca__f->ca__state = K;
//       if (0) { ca__resumeK: x = ca__f->x; ... }   (-O0; else the label)
//       if (g__poll(&ca__f->ca__awK, ca__cx, &ca__rK) == CA_PENDING)
//         return CA_PENDING;
//       x = ca__f->x; ...
//     ... return e; is { *ca__out = e; ca__f->ca__state = N+1; return CA_READY;
//     }
//   }
//
// Jumping into blocks is plain C; it skips only declarations of locals that
// liveness proved dead at the suspend point.
//
#include "Annotations.h"
#include "EmitBody.h"
#include "Layout.h"
#include "SourceText.h"
#include <algorithm>

using namespace clang;

namespace cawait {
using namespace emit;

std::string Emitter::definition(const AsyncFunction &F) {
  CEmitter Out(Ctx.getSourceManager());
  Out.mapTo(F.Decl->getLocation());
  Out.line(signature(F, "init") + " {");
  Out.indent();
  unsigned I = 0;
  for (const ParmVarDecl *P : F.Decl->parameters()) {
    std::string Name =
        P->getName().empty() ? "ca__p" + std::to_string(I) : P->getName().str();
    // Only parameters read before written: another one's bytes may be
    // shared with a parameter that is not.
    if (const SavedVar *SV = F.storedByInit(P))
      Out.line(storeField("ca__f->" + SV->Field, Name, P->getType(), Ctx));
    else
      Out.line("(void)" + Name + ";");
    ++I;
  }
  Out.line("ca__f->ca__state = 0;");
  Out.dedent();
  Out.line("}");

  Out.line(signature(F, "poll") + " {");
  Out.indent();
  Out.line("(void)ca__cx;");
  Out.line("(void)ca__out;");
  // Per suspend state, the cleanups f__drop runs (from the body).
  std::map<unsigned, std::vector<std::string>> DropCleanups;
  if (F.BodyInSync)
    syncCall(Out, F);
  else
    DropCleanups = pollBody(Out, F);
  Out.dedent();
  Out.line("}");

  Out.mapTo(F.Decl->getLocation());
  Out.line(signature(F, "drop") + " {");
  Out.indent();
  Out.line("switch (ca__f->ca__state) {");
  if (!F.Owned.empty()) {
    // Never polled: the frame still owns its ca_owned parameters.
    Out.line("case 0:");
    for (auto O = F.Owned.rbegin(); O != F.Owned.rend(); ++O)
      Out.line("  " + O->Function->getNameAsString() + "(ca__f->" +
               F.storedByInit(O->Param)->Field + ");");
    Out.line("  break;");
  }
  for (const AwaitSite &A : F.Awaits) {
    std::string K = std::to_string(A.State);
    Out.line("case " + K + ":");
    if (A.Indirect) {
      Out.line("  ca__f->ca__aw" + K + ".ops->drop(ca__f->ca__aw" + K +
               ".frame);");
      if (A.Boxed)
        Out.line("  ca__box_free(ca__f->ca__aw" + K + ".frame);");
    } else if (A.Comb == Combinator::None && A.hasSubFrame())
      Out.line("  " + A.Callee->getNameAsString() + "__drop(&ca__f->ca__aw" +
               K + ");");
    // A combinator: its running branches, last first.
    for (unsigned I = A.Branches.size(); I-- > 0;) {
      Out.line("  if (ca__f->ca__aw" + K + ".ca__h.pending & " +
               std::to_string(1u << I) + "u)");
      Out.line("    " +
               dropBranch(A.Branches[I],
                          "ca__f->ca__aw" + K + ".ca__b" + std::to_string(I)));
    }
    // Then what leaving the scopes open there would run.
    auto Cleanups = DropCleanups.find(A.State);
    if (Cleanups != DropCleanups.end())
      for (const std::string &Call : Cleanups->second)
        Out.line("  " + Call);
    Out.line("  break;");
  }
  Out.line("default:");
  Out.line("  break;");
  Out.line("}");
  Out.line("ca__f->ca__state = " + std::to_string(F.doneState()) + ";");
  Out.dedent();
  Out.line("}");
  if ((F.Decl->isExternallyVisible() ||
       Sh.AddressTaken.count(F.Decl->getCanonicalDecl())) &&
      !isRuntimeAsync(F.Decl) && !F.IsGenerator)
    pointerTarget(Out, F);
  if (!F.MaySuspend)
    syncDefinition(Out, F);
  return Out.take();
}

std::map<unsigned, std::vector<std::string>>
Emitter::pollBody(CEmitter &Out, const AsyncFunction &F) {
  // The generated locals carry no debug information: a debugger lists
  // the user's variables only.
  std::string NoDebug = " " + contract::NoDebugMacro.str();
  bool Combinators = false;
  for (const AwaitSite &A : F.Awaits) {
    std::string K = std::to_string(A.State);
    if (A.Yield)
      continue; // its value goes through ca__out
    if (A.Loop) { // what the stream's poll returned
      Out.line(contract::PollType.str() + " ca__r" + K + NoDebug + ";");
      continue;
    }
    if (A.Comb == Combinator::None) {
      QualType R = A.Call->getType();
      if (!R->isVoidType())
        Out.line(declare(R.getUnqualifiedType(), "ca__r" + K) + NoDebug + ";");
      continue;
    }
    Combinators = true;
    if (A.Comb == Combinator::Select)
      Out.line("int ca__r" + K + NoDebug + " __attribute__((unused));");
    // Branch results on their way to their assignment.
    for (unsigned I = 0; I != A.Branches.size(); ++I) {
      QualType R = A.Branches[I].Call->getType();
      bool Needed = A.Comb == Combinator::Select ? !R->isVoidType()
                                                 : !!A.Branches[I].Assignment;
      if (Needed)
        Out.line(declare(R.getUnqualifiedType(),
                         "ca__r" + K + "_" + std::to_string(I)) +
                 NoDebug + ";");
    }
  }
  if (Combinators)
    Out.line("unsigned char ca__fresh" + NoDebug + " = 0;");
  // Resuming is the common case (a frame starts once and resumes at each
  // suspension): said so, the C compiler tests the resume states first.
  Out.line("if (__builtin_expect(ca__f->ca__state != 0, 1))");
  Out.line("  switch (ca__f->ca__state) {");
  for (const AwaitSite &A : F.Awaits) {
    std::string K = std::to_string(A.State);
    Out.line("  case " + K + ":");
    Out.line("    goto ca__resume" + K + ";");
  }
  Out.line("  default:");
  Out.line("    ca__poll_after_done(" + quoteC(F.Name) + ");");
  Out.line("  }");
  // Parameters in locals (SavedVar::InLocal), under their own names,
  // loaded when the poll starts (state 0) if f__init stored them; a
  // resume loads what its await holds.
  for (const ParmVarDecl *P : F.Decl->parameters())
    if (const SavedVar *SV = F.savedFor(P); SV && SV->InLocal)
      Out.line(declare(frameFieldType(*SV, Ctx), P->getName()) +
               (F.storedByInit(P) ? " = ca__f->" + SV->Field : "") + ";");
  BodyEmitter Body(*this, Out, F);
  Body.stmt(F.Decl->getBody());
  Out.line("ca__f->ca__state = " + std::to_string(F.doneState()) + ";");
  Out.line("return CA_READY;");
  return Body.dropCleanups();
}

void Emitter::syncCall(CEmitter &Out, const AsyncFunction &F) {
  // The body is f__sync: run it with the parameters the frame carries. A
  // parameter that init does not store (written before it is read, or
  // never used) is passed as a zero of its type.
  std::string Args;
  unsigned I = 0;
  for (const ParmVarDecl *P : F.Decl->parameters()) {
    const SavedVar *SV = F.storedByInit(P);
    Args += (I++ ? ", " : "") + (SV ? "ca__f->" + SV->Field
                                    : "(" + declare(paramType(P), "") + "){0}");
  }
  Out.line("if (ca__f->ca__state != 0)");
  Out.line("  ca__poll_after_done(" + quoteC(F.Name) + ");");
  QualType R = F.Decl->getReturnType();
  std::string Call = F.Name + "__sync(" + Args + ")";
  if (R->isVoidType())
    Out.line(Call + ";");
  else {
    Out.line(declare(R.getUnqualifiedType(), "ca__tmp") + " = " + Call + ";");
    Out.line(storeField("*ca__out", "ca__tmp", R, Ctx));
  }
  Out.line("ca__f->ca__state = " + std::to_string(F.doneState()) + ";");
  Out.line("return CA_READY;");
}

void Emitter::syncDefinition(CEmitter &Out, const AsyncFunction &F) {
  // Awaiting F never suspends: the caller runs it to completion in place,
  // on a frame of its own stack that the C compiler keeps in registers
  // once f__init and f__poll are inlined.
  std::string Args;
  unsigned I = 0;
  for (const ParmVarDecl *P : F.Decl->parameters())
    Args += ", " + (P->getName().empty() ? "ca__p" + std::to_string(I++)
                                         : (++I, P->getName().str()));
  QualType R = F.Decl->getReturnType().getUnqualifiedType();
  bool Void = R->isVoidType();
  Out.line(syncSignature(F) + " {");
  Out.indent();
  if (F.BodyInSync) {
    // The user's body, as plain C: returns return.
    Out.mapTo(F.Decl->getLocation());
    BodyEmitter Body(*this, Out, F);
    Body.stmt(F.Decl->getBody());
    Out.dedent();
    Out.line("}");
    return;
  }
  Out.line(frameType(F.Decl) + " ca__fr;");
  Out.line(F.Name + "__init(&ca__fr" + Args + ");");
  if (!Void)
    Out.line(declare(R, "ca__r") + ";");
  Out.line("(void)" + F.Name + "__poll(&ca__fr, (ca_context *)0, " +
           (Void ? "(void *)0" : "&ca__r") + ");");
  if (!Void)
    Out.line("return ca__r;");
  Out.dedent();
  Out.line("}");
}

void Emitter::pointerTarget(CEmitter &Out, const AsyncFunction &F) {
  // What a pointer to F points to: a function of F's own name and type
  // that places F's frame where the awaiting caller asked (ca__indirect)
  // and inits it. Its value is never used.
  std::string N = F.Name, Frame = frameType(F.Decl);
  std::string Static = F.Decl->isExternallyVisible() ? "" : "static ";
  Out.line("static ca_poll " + N +
           "__ops_poll(void *ca__f, ca_context *ca__cx, "
           "void *ca__out) { return " +
           N + "__poll((" + Frame + " *)ca__f, ca__cx, ca__out); }");
  Out.line("static void " + N + "__ops_drop(void *ca__f) { " + N + "__drop((" +
           Frame + " *)ca__f); }");
  Out.line("static const ca__frame_ops " + N + "__ops = {" + N +
           "__ops_poll, " + N + "__ops_drop, sizeof(" + Frame + "), _Alignof(" +
           Frame + "), " + quoteC(N) + ", &" + contract::frameDescName(N) +
           "};");
  QualType R = F.Decl->getReturnType().getUnqualifiedType();
  std::string Params, Args;
  unsigned I = 0;
  for (const ParmVarDecl *P : F.Decl->parameters()) {
    std::string Name =
        P->getName().empty() ? "ca__p" + std::to_string(I) : P->getName().str();
    Params += (I ? ", " : "") + declare(paramType(P), Name);
    Args += ", " + Name;
    ++I;
  }
  if (Params.empty())
    Params = "void";
  Out.line(Static + "__attribute__((unused)) " +
           declare(R, N + "(" + Params + ")") + " {");
  Out.indent();
  Out.line(N + "__init((" + Frame + " *)ca__indirect_place(&" + N + "__ops)" +
           Args + ");");
  if (!R->isVoidType()) {
    Out.line(declare(R, "ca__zero") + ";");
    Out.line("__builtin_memset(&ca__zero, 0, sizeof ca__zero);");
    Out.line("return ca__zero;");
  }
  Out.dedent();
  Out.line("}");
}

} // namespace cawait
