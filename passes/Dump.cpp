//===- Dump.cpp - Text dumps of the passes' facts, for tests -------------===//
//
// One printer per stage. Each begins with a `=== <stage>` line, then one
// block per async function in definition order:
//
//   discover   async 'f' at LOC: may suspend | never suspends[, budget N]
//                [, runtime async]
//                await K at LOC: <what>, <form>   (state order; what: call
//                  'g' (defined here | leaf | budget N, defined elsewhere),
//                  call through 'p' (in place, budget N | boxed), ca_join /
//                  ca_select of N, then its branches; form: statement,
//                  initializer, assignment, return)
//                sync call 'g'                     (an await of a function
//                  that never suspends: a call of g__sync, no state)
//                spawn at LOC: ...
//              then the start sites outside async code, the pools, the
//              functions given to async function pointers and the
//              conversions to budgeted ones.
//   normalize  every line the normalizer rewrote, as LINE: text.
//   liveness   saved NAME at LOC: parameter | local | compound literal |
//                await result (a temporary of normalize)[, address escapes]
//                init stores: the parameters live at entry, sorted
//                in locals: the saved variables poll holds in C locals
//                between suspends (not with the body in f__sync), sorted
//                init's copy kept: those of them awaits never store
//                (parameters the body never writes), sorted; if any
//                copied as bytes: those whose value may be indeterminate
//                at an await, sorted; if any
//                state K at LOC holds: names, sorted
//                interference: a-b pairs, sorted
//   layout     every slot (saved variables, each await's sub-frame with its
//              branches, the state) with offset, size and alignment.
//
// NAME is the frame field (shadowed names have a suffix: x, x_1), with the
// user's name after it where that differs.
//
//===----------------------------------------------------------------------===//
#include "Dump.h"
#include "Discover.h"
#include "Layout.h"
#include "Normalize.h"
#include "clang/Basic/SourceManager.h"
#include <algorithm>

using namespace clang;

namespace cawait {

std::optional<DumpStage> dumpStageNamed(llvm::StringRef Name) {
  if (Name == "discover")
    return DumpStage::Discover;
  if (Name == "normalize")
    return DumpStage::Normalize;
  if (Name == "liveness")
    return DumpStage::Liveness;
  if (Name == "layout")
    return DumpStage::Layout;
  return std::nullopt;
}

namespace {

class Printer {
public:
  Printer(const DumpRequest &R, const Shape &S, ASTContext &Ctx)
      : R(R), OS(*R.OS), S(S), Ctx(Ctx), SM(Ctx.getSourceManager()) {}

  void discover();
  void liveness();
  void layout();

private:
  /// `file:line:col` of L in the user's text: where a macro argument was
  /// written, or where the macro was expanded.
  std::string where(SourceLocation L) const;
  std::string callee(const FunctionDecl *FD) const;
  void await(const AwaitSite &A);
  void start(const StartSite &St);
  void loop(const ForSite &FS);
  void function(const AsyncFunction &F) {
    OS << (!F.IsGenerator             ? "async '"
           : isAsyncGenerator(F.Decl) ? "async gen '"
                                      : "gen '")
       << F.Name << "' at " << where(F.Decl->getLocation());
  }
  /// The frame field of saved variable V, and the user's name if it
  /// differs.
  std::string slotName(const AsyncFunction &F, unsigned V) const;
  std::string names(const AsyncFunction &F,
                    const std::vector<unsigned> &Saved) const;

  const DumpRequest &R;
  llvm::raw_ostream &OS;
  const Shape &S;
  ASTContext &Ctx;
  const SourceManager &SM;
};

std::string Printer::where(SourceLocation L) const {
  L = SM.getFileLoc(L);
  PresumedLoc P = SM.getPresumedLoc(L);
  if (P.isInvalid())
    return "<no location>";
  unsigned Line = P.getLine(), Col = P.getColumn();
  if (R.Map && SM.getFileID(L) == SM.getMainFileID()) {
    // The normalized text has the user's lines; the column is the one of
    // the user's text at the offset the map gives.
    unsigned Orig = std::min<unsigned>(R.Map->toOriginal(SM.getFileOffset(L)),
                                       R.Original.size());
    llvm::StringRef Before = R.Original.substr(0, Orig);
    unsigned OrigLine = Before.count('\n') + 1;
    size_t LineStart = Before.rfind('\n');
    LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
    Line = Line + OrigLine - SM.getSpellingLineNumber(L);
    Col = Orig - LineStart + 1;
  }
  return std::string(P.getFilename()) + ":" + std::to_string(Line) + ":" +
         std::to_string(Col);
}

std::string Printer::callee(const FunctionDecl *FD) const {
  std::string Out = "'" + FD->getNameAsString() + "' (";
  const FunctionDecl *Key = FD->getCanonicalDecl();
  if (S.FunctionIndex.count(Key))
    return Out + "defined here)";
  if (std::count(S.BudgetCallees.begin(), S.BudgetCallees.end(), Key))
    return Out + "budget " + std::to_string(declaredBudget(FD)) +
           ", defined elsewhere)";
  return Out + "leaf)";
}

const char *formName(AwaitForm F) {
  switch (F) {
  case AwaitForm::ExprStmt:
    return "statement";
  case AwaitForm::DeclInit:
    return "initializer";
  case AwaitForm::Assign:
    return "assignment";
  case AwaitForm::Return:
    return "return";
  }
  return "?";
}

void Printer::await(const AwaitSite &A) {
  if (A.Yield) {
    OS << "  yield " << A.State << " at " << where(A.Marker->getBeginLoc())
       << "\n";
    return;
  }
  if (A.Loop) {
    OS << "  ca_for_await " << A.State << " at "
       << where(A.Marker->getBeginLoc()) << "\n";
    return;
  }
  OS << "  await " << A.State << " at " << where(A.Marker->getBeginLoc())
     << ": ";
  if (A.Indirect)
    OS << "call through '" << pointerName(A.Call) << "' ("
       << (A.Boxed ? std::string("boxed")
                   : "in place, budget " + std::to_string(A.Budget))
       << ")";
  else if (A.Comb == Combinator::None)
    OS << "call " << callee(A.Callee);
  else
    OS << (A.Comb == Combinator::Join ? "ca_join" : "ca_select") << " of "
       << A.Branches.size();
  OS << ", " << formName(A.Form) << "\n";
  for (unsigned B = 0; B != A.Branches.size(); ++B) {
    const Branch &Br = A.Branches[B];
    OS << "    branch " << B << " at " << where(Br.Call->getBeginLoc()) << ": ";
    if (Br.Indirect)
      OS << "call through '" << pointerName(Br.Call) << "' ("
         << (Br.Boxed ? std::string("boxed")
                      : "in place, budget " + std::to_string(Br.Budget))
         << ")";
    else
      OS << "call " << callee(Br.Callee);
    OS << (Br.Assignment ? ", assigned" : "") << "\n";
  }
}

void Printer::start(const StartSite &St) {
  OS << contract::markerMacro(St.Kind) << " at "
     << where(St.Marker->getBeginLoc()) << ": " << callee(St.Callee);
  if (St.Enclosing)
    OS << " in '" << St.Enclosing->getNameAsString() << "'";
  if (St.Pool)
    OS << ", pool '" << St.Pool->Var->getName() << "'";
  if (St.Nested)
    OS << ", nested";
  if (St.Discarded)
    OS << ", discarded";
  if (St.Direct)
    OS << ", direct";
  OS << "\n";
}

void Printer::loop(const ForSite &FS) {
  OS << (FS.Await ? "ca_for_await at " : "ca_for at ")
     << where(FS.Loop->getBeginLoc()) << ": " << callee(FS.Callee)
     << ", variable '" << FS.Var->getName() << "'";
  if (FS.Enclosing)
    OS << " in '" << FS.Enclosing->getNameAsString() << "'";
  OS << "\n";
}

void Printer::discover() {
  OS << "=== discover\n";
  for (const AsyncFunction &F : S.Functions) {
    function(F);
    OS << ": " << (F.MaySuspend ? "may suspend" : "never suspends");
    if (unsigned B = declaredBudget(F.Decl))
      OS << ", budget " << B;
    if (isRuntimeAsync(F.Decl))
      OS << ", runtime async";
    OS << "\n";
    for (const AwaitSite &A : F.Awaits)
      await(A);
    for (const FunctionDecl *C : F.SyncCallees)
      OS << "  sync call '" << C->getName() << "'\n";
    for (const StartSite &St : F.Spawns) {
      OS << "  ";
      start(St);
    }
    for (const ForSite &FS : F.Fors) {
      OS << "  ";
      loop(FS);
    }
  }
  for (const StartSite &St : S.Starts)
    start(St);
  for (const ForSite &FS : S.PlainFors)
    loop(FS);
  for (const TaskPool &P : S.Pools)
    OS << "pool '" << P.Var->getName() << "' at " << where(P.Var->getLocation())
       << ": " << callee(P.Function) << ", " << P.Capacity << " tasks\n";
  std::vector<std::string> Taken;
  for (const FunctionDecl *FD : S.AddressTaken)
    Taken.push_back("'" + FD->getNameAsString() + "'");
  std::sort(Taken.begin(), Taken.end()); // a set: no order of its own
  if (!Taken.empty()) {
    OS << "address taken:";
    for (const std::string &T : Taken)
      OS << " " << T;
    OS << "\n";
  }
  for (const AddressUse &U : S.AddressUses) {
    OS << "address of '" << U.Function->getName() << "' at " << where(U.Loc)
       << ": pointer";
    if (U.Pointer.Where)
      OS << " '" << U.Pointer.Where->getName() << "'";
    OS << (U.Pointer.Boxed ? ", boxed" : "");
    if (U.Pointer.Budget)
      OS << ", budget " << U.Pointer.Budget;
    OS << "\n";
  }
}

std::string Printer::slotName(const AsyncFunction &F, unsigned V) const {
  const SavedVar &SV = F.Saved[V];
  if (SV.Generator)
    return SV.Field + " (frame of '" + SV.Generator->getNameAsString() + "')";
  if (SV.Var && SV.Var->getName() != SV.Field)
    return SV.Field + " ('" + SV.Var->getName().str() + "')";
  return SV.Field;
}

std::string Printer::names(const AsyncFunction &F,
                           const std::vector<unsigned> &Saved) const {
  std::vector<std::string> Names;
  for (unsigned V : Saved)
    Names.push_back(F.Saved[V].Field);
  std::sort(Names.begin(), Names.end());
  if (Names.empty())
    return "nothing";
  std::string Out;
  for (const std::string &N : Names)
    Out += (Out.empty() ? "" : " ") + N;
  return Out;
}

void Printer::liveness() {
  OS << "=== liveness\n";
  for (const AsyncFunction &F : S.Functions) {
    function(F);
    OS << "\n";
    for (unsigned V = 0; V != F.Saved.size(); ++V) {
      const SavedVar &SV = F.Saved[V];
      OS << "  saved " << slotName(F, V) << " at " << where(SV.location())
         << ": "
         << (!SV.Var                       ? "compound literal"
             : isa<ParmVarDecl>(SV.Var)    ? "parameter"
             : SV.name() == "await result" ? "await result"
                                           : "local")
         << (SV.AddressEscapes ? ", address escapes" : "") << "\n";
    }
    OS << "  init stores: " << names(F, F.HeldAtStart) << "\n";
    if (F.BodyInSync)
      OS << "  body in f__sync (poll calls it)\n";
    else {
      std::vector<unsigned> Locals;
      for (unsigned V = 0; V != F.Saved.size(); ++V)
        if (F.Saved[V].InLocal)
          Locals.push_back(V);
      OS << "  in locals: " << names(F, Locals) << "\n";
      std::vector<unsigned> InitOnly;
      for (unsigned V = 0; V != F.Saved.size(); ++V)
        if (F.Saved[V].InitOnly)
          InitOnly.push_back(V);
      if (!InitOnly.empty())
        OS << "  init's copy kept: " << names(F, InitOnly) << "\n";
      std::vector<unsigned> Bytes;
      for (unsigned V = 0; V != F.Saved.size(); ++V)
        if (F.Saved[V].CopyBytes)
          Bytes.push_back(V);
      if (!Bytes.empty())
        OS << "  copied as bytes: " << names(F, Bytes) << "\n";
    }
    for (unsigned A = 0; A != F.Awaits.size(); ++A)
      OS << "  state " << F.Awaits[A].State << " at "
         << where(F.Awaits[A].Marker->getBeginLoc())
         << " holds: " << names(F, F.HeldAcross[A]) << "\n";
    std::vector<std::pair<std::string, std::string>> Pairs;
    for (unsigned A = 0; A != F.Conflicts.size(); ++A)
      for (unsigned B : F.Conflicts[A].set_bits())
        if (F.Saved[A].Field < F.Saved[B].Field)
          Pairs.push_back({F.Saved[A].Field, F.Saved[B].Field});
    std::sort(Pairs.begin(), Pairs.end());
    OS << "  interference:";
    if (Pairs.empty())
      OS << " none";
    for (auto &[A, B] : Pairs)
      OS << " " << A << "-" << B;
    OS << "\n";
  }
}

void Printer::layout() {
  OS << "=== layout\n";
  auto Slot = [&](unsigned Offset, unsigned Size, unsigned Align) {
    OS << ": offset " << Offset << ", size " << Size << ", align " << Align
       << "\n";
  };
  for (const AsyncFunction &F : S.Functions) {
    function(F);
    OS << ": size " << F.FrameSize << ", align " << F.FrameAlign
       << ", lower bound " << F.LowerBound << ", without overlap "
       << F.NoOverlapSize << "\n";
    for (unsigned V = 0; V != F.Saved.size(); ++V) {
      OS << "  " << slotName(F, V);
      Slot(F.Saved[V].Offset, F.Saved[V].Size, F.Saved[V].Align);
    }
    for (unsigned K = 0; K != F.Awaits.size(); ++K) {
      const AwaitSite &A = F.Awaits[K];
      if (!A.hasSubFrame())
        continue; // no storage of its own
      OS << "  await " << A.State << " ";
      if (A.Indirect)
        OS << (A.Boxed ? "boxed call through '" : "in-place budget of '")
           << pointerName(A.Call) << "'";
      else if (A.Comb == Combinator::None)
        OS << "frame of '" << A.Callee->getName() << "'";
      else
        OS << (A.Comb == Combinator::Join ? "ca_join" : "ca_select") << " of "
           << A.Branches.size();
      Slot(F.SubFrameOffset[K], F.SubFrameSize[K], F.SubFrameAlign[K]);
      for (unsigned B = 0; B != A.Branches.size(); ++B) {
        const Branch &Br = A.Branches[B];
        auto [Size, Align] = branchStorageSize(S, Br, Ctx);
        OS << "    branch " << B << " ";
        if (Br.Indirect)
          OS << (Br.Boxed ? "boxed call through '" : "in-place budget of '")
             << pointerName(Br.Call) << "'";
        else
          OS << "frame of '" << Br.Callee->getName() << "'";
        Slot(F.SubFrameOffset[K] + F.BranchFrameOffset[K][B], Size, Align);
        QualType Result = Br.Call->getType();
        if (A.Comb == Combinator::Join && !Result->isVoidType()) {
          OS << "    branch " << B << " result";
          Slot(F.SubFrameOffset[K] + F.BranchResultOffset[K][B],
               Ctx.getTypeSizeInChars(Result).getQuantity(),
               Ctx.getTypeAlignInChars(Result).getQuantity());
        }
      }
    }
    OS << "  state";
    Slot(F.StateOffset, F.StateSize, F.StateSize);
  }
}

} // namespace

void dumpStage(const DumpRequest *R, DumpStage Stage, const Shape &S,
               ASTContext &Ctx) {
  if (!R || !R->wants(Stage))
    return;
  Printer P(*R, S, Ctx);
  switch (Stage) {
  case DumpStage::Discover:
    P.discover();
    break;
  case DumpStage::Liveness:
    P.liveness();
    break;
  case DumpStage::Layout:
    P.layout();
    break;
  case DumpStage::Normalize:
    break;
  }
}

void dumpNormalized(const DumpRequest *R, const std::string *Text,
                    ASTContext &Ctx) {
  if (!R || !R->wants(DumpStage::Normalize))
    return;
  llvm::raw_ostream &OS = *R->OS;
  OS << "=== normalize\n";
  if (!Text) {
    OS << "nothing to move\n";
    return;
  }
  // The texts have the same lines (Normalize.h): print those that differ.
  const SourceManager &SM = Ctx.getSourceManager();
  FileID Main = SM.getMainFileID();
  llvm::StringRef Orig = SM.getBufferData(Main), New = *Text;
  for (unsigned Line = 1; !Orig.empty() || !New.empty(); ++Line) {
    auto [O, ORest] = Orig.split('\n');
    auto [N, NRest] = New.split('\n');
    if (O != N) {
      PresumedLoc P = SM.getPresumedLoc(SM.translateLineCol(Main, Line, 1));
      OS << (P.isValid() ? P.getFilename() : "?") << ":"
         << (P.isValid() ? P.getLine() : Line) << ":" << (N.empty() ? "" : " ")
         << N << "\n";
    }
    Orig = ORest;
    New = NRest;
  }
}

} // namespace cawait
