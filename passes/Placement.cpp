//===- Placement.cpp - Where frames, prototypes and thunks go ------------===//
#include "Placement.h"
#include "clang/Basic/SourceManager.h"
#include <algorithm>

using namespace clang;

namespace cawait {

Placement placeDeclarations(const Shape &S, Splicer &Sp,
                            const SourceManager &SM) {
  unsigned NF = S.Functions.size();
  const unsigned None = ~0u;
  Placement P;
  std::vector<unsigned> &FrameAt = P.FrameAt, &ProtoAt = P.ProtoAt;
  FrameAt.assign(NF, None);
  ProtoAt.assign(NF, None);
  auto IndexOf = [&](const FunctionDecl *FD) -> int {
    auto It = S.FunctionIndex.find(FD->getCanonicalDecl());
    return It == S.FunctionIndex.end() ? -1 : (int)It->second;
  };
  auto Use = [&](const FunctionDecl *Callee, unsigned At) {
    const FunctionDecl *Key = Callee->getCanonicalDecl();
    if (std::count(S.BudgetCallees.begin(), S.BudgetCallees.end(), Key)) {
      auto It = std::find_if(P.BudgetAt.begin(), P.BudgetAt.end(),
                             [&](auto &B) { return B.first == Key; });
      if (It == P.BudgetAt.end())
        P.BudgetAt.push_back({Key, At});
      else
        It->second = std::min(It->second, At);
    }
    if (int I = IndexOf(Callee); I >= 0) {
      FrameAt[I] = std::min(FrameAt[I], At);
      ProtoAt[I] = std::min(ProtoAt[I], At);
    }
  };
  auto StartUse = [&](const FunctionDecl *Callee, unsigned At) {
    Use(Callee, At);
    const FunctionDecl *Key = Callee->getCanonicalDecl();
    auto It = std::find_if(P.ThunksAt.begin(), P.ThunksAt.end(),
                           [&](auto &T) { return T.first == Key; });
    if (It == P.ThunksAt.end())
      P.ThunksAt.push_back({Key, At});
    else
      It->second = std::min(It->second, At);
  };
  for (unsigned I = 0; I != NF; ++I) {
    const AsyncFunction &F = S.Functions[I];
    unsigned Def = Sp.topLevelBegin(F.Decl);
    FrameAt[I] = std::min(FrameAt[I], Def);
    for (const FunctionDecl *R : F.Decl->redecls())
      if (Sp.inMainFile(R->getLocation()))
        ProtoAt[I] = std::min(ProtoAt[I], Sp.topLevelBegin(R));
    for (const AwaitSite &A : F.Awaits)
      for (const FunctionDecl *Callee : A.callees())
        Use(Callee, Def);
    for (const StartSite &St : F.Spawns)
      StartUse(St.Callee, Def);
    for (const ForSite &FS : F.Fors)
      Use(FS.Callee, Def);
    // f__sync is called, not embedded: only its prototype is needed.
    for (const FunctionDecl *Callee : F.SyncCallees)
      if (int J = IndexOf(Callee); J >= 0)
        ProtoAt[J] = std::min(ProtoAt[J], Def);
  }
  for (const StartSite &St : S.Starts)
    StartUse(St.Callee, St.Enclosing ? Sp.topLevelBegin(St.Enclosing)
                                     : Sp.offset(St.Marker->getBeginLoc()));
  // A ca_for in plain code keeps the generator's frame in a local.
  for (const ForSite &FS : S.PlainFors)
    Use(FS.Callee, Sp.topLevelBegin(FS.Enclosing));
  // A pool's storage needs the frame and the task thunks of its function.
  for (const TaskPool &Pool : S.Pools) {
    CharSourceRange R = SM.getExpansionRange(Pool.Var->getSourceRange());
    assert(Sp.inMainFile(R.getBegin()) && "Check: pools in the .c file");
    unsigned Begin = SM.getFileOffset(R.getBegin());
    P.PoolRange.push_back({Begin, Sp.endOffset(R.getEnd())});
    StartUse(Pool.Function, Begin);
  }
  // A frame embeds its callees' frames: they must be complete first.
  for (auto It = S.CalleesFirst.rbegin(); It != S.CalleesFirst.rend(); ++It) {
    auto Embedded = [&](const FunctionDecl *Callee) {
      if (int J = IndexOf(Callee); J >= 0) {
        FrameAt[J] = std::min(FrameAt[J], FrameAt[*It]);
        ProtoAt[J] = std::min(ProtoAt[J], FrameAt[*It]);
      }
    };
    for (const AwaitSite &A : S.Functions[*It].Awaits)
      for (const FunctionDecl *Callee : A.callees())
        Embedded(Callee);
    for (const ForSite &FS : S.Functions[*It].Fors)
      Embedded(FS.Callee);
  }
  // So does a budget frame, inside the frame of each function awaiting it,
  // which may now come before that function's definition.
  for (unsigned I = 0; I != NF; ++I)
    for (const AwaitSite &A : S.Functions[I].Awaits)
      for (const FunctionDecl *Callee : A.callees())
        Use(Callee, FrameAt[I]);
  return P;
}

} // namespace cawait
