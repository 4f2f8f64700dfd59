//===- Discover.cpp - Find async functions, awaits and starts ------------===//
//
// Runs the analyses that fill a Shape (MarkerVisitor, MaySuspend, Classify,
// Pools) and records what they find: the async functions, their suspend
// points and Pending awaits, the starts, the pools, the awaits that are
// calls of f__sync, the callees whose frame only a budget gives. What
// cannot be lowered is Check's to report (Check.h).
//
//===----------------------------------------------------------------------===//
#include "Discover.h"
#include "Annotations.h"
#include "Classify.h"
#include "MarkerVisitor.h"
#include "MaySuspend.h"
#include "Pools.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/ParentMapContext.h"
#include <algorithm>

using namespace clang;

namespace cawait {

/// Whether E is a statement of its own, its value unused.
/// Parent is E's parent statement (from a ParentMap of the function: a
/// parent map of the whole translation unit costs as much as a parse).
static bool isDiscarded(const Expr *E, const Stmt *P) {
  if (!P)
    return false;
  if (isa<CompoundStmt>(P) || isa<LabelStmt>(P) || isa<AttributedStmt>(P))
    return true;
  if (const auto *SC = dyn_cast<SwitchCase>(P))
    return SC->getSubStmt() == E;
  if (const auto *If = dyn_cast<IfStmt>(P))
    return If->getThen() == E || If->getElse() == E;
  if (const auto *W = dyn_cast<WhileStmt>(P))
    return W->getBody() == E;
  if (const auto *D = dyn_cast<DoStmt>(P))
    return D->getBody() == E;
  if (const auto *For = dyn_cast<ForStmt>(P))
    return For->getBody() == E || For->getInit() == E || For->getInc() == E;
  if (const auto *Cast = dyn_cast<CStyleCastExpr>(P))
    return Cast->getType()->isVoidType();
  return false;
}

void forEachFrameUse(
    const Shape &S,
    llvm::function_ref<void(const FunctionDecl *, SourceLocation)> Use) {
  for (const AsyncFunction &F : S.Functions) {
    for (const AwaitSite &A : F.Awaits) {
      if (A.Comb == Combinator::None && !A.Indirect && A.hasSubFrame())
        Use(A.Callee, A.Call->getBeginLoc());
      for (const Branch &B : A.Branches)
        if (!B.Indirect)
          Use(B.Callee, B.Call->getBeginLoc());
    }
    for (const StartSite &St : F.Spawns)
      Use(St.Callee, St.Call->getBeginLoc());
    for (const ForSite &FS : F.Fors)
      Use(FS.Callee, FS.Call->getBeginLoc());
  }
  for (const ForSite &FS : S.PlainFors)
    Use(FS.Callee, FS.Call->getBeginLoc());
  for (const StartSite &St : S.Starts)
    Use(St.Callee, St.Call->getBeginLoc());
  for (const TaskPool &P : S.Pools)
    Use(P.Function, P.Var->getLocation());
}

/// The ca_for loops over generators, in their function (or in
/// PlainFors); every yield and ca_for, for Check.
static void discoverFors(Shape &S, const MarkerScan &V, ASTContext &Ctx) {
  for (const FoundYield &Y : V.Yields)
    S.YieldMarkers.push_back({Y.Marker, Y.Enclosing});
  llvm::DenseMap<const FunctionDecl *, unsigned> PlainCount;
  for (const FoundFor &FF : V.Fors) {
    S.ForMarkers.push_back({FF.Loop, FF.Enclosing});
    ForParts P = forParts(FF.Loop);
    if (!P.Call || P.Declared != 2 || !isGenerator(P.Call->getDirectCallee()))
      continue; // reported by Check
    ForSite FS;
    FS.Loop = FF.Loop;
    FS.Var = P.Var;
    FS.Slot = P.Slot;
    FS.Call = P.Call;
    FS.Callee = P.Call->getDirectCallee();
    FS.Enclosing = FF.Enclosing;
    FS.Await = isForAwaitMarker(FF.Loop, Ctx);
    if (AsyncFunction *F = FF.Enclosing ? S.lookup(FF.Enclosing) : nullptr) {
      FS.Index = F->Fors.size() + 1;
      F->Fors.push_back(FS);
    } else if (!FF.Enclosing || !isAsyncFunction(FF.Enclosing)) {
      FS.Index = ++PlainCount[FF.Enclosing];
      S.PlainFors.push_back(FS);
    }
  }
}

Shape discover(ASTContext &Ctx, DiagSink &Diags) {
  Shape S;
  MarkerScan V = scanMarkers(Ctx, Diags);

  for (const FunctionDecl *FD : V.AsyncDefinitions) {
    AsyncFunction F;
    F.Decl = FD;
    F.Name = FD->getNameAsString();
    F.IsGenerator = isGenerator(FD);
    for (const ParmVarDecl *P : FD->parameters())
      if (std::optional<std::string> Release = ownedRelease(P)) {
        // The f__drop that calls it is where FD is.
        const FunctionDecl *Fn = nullptr;
        for (const NamedDecl *ND : Ctx.getTranslationUnitDecl()->lookup(
                 &Ctx.Idents.get(*Release)))
          if (const auto *RD = dyn_cast<FunctionDecl>(ND))
            if (Ctx.getSourceManager().isBeforeInTranslationUnit(
                    RD->getFirstDecl()->getLocation(), FD->getLocation()))
              Fn = RD;
        F.Owned.push_back({P, *Release, Fn});
      }
    S.FunctionIndex[FD->getCanonicalDecl()] = S.Functions.size();
    S.Functions.push_back(std::move(F));
  }
  computeMaySuspend(S, V.Markers, V.Fors, Ctx);
  for (AsyncFunction &F : S.Functions)
    F.MaySuspend |= F.IsGenerator; // a yield suspends it
  for (AsyncFunction &F : S.Functions)
    classifyAwaits(F, S, Ctx);
  discoverFors(S, V, Ctx);

  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<ParentMap>> Parents;
  auto ParentOf = [&](const Expr *E, const FunctionDecl *In) -> const Stmt * {
    if (!In || !In->getBody()) {
      auto P = Ctx.getParents(*E);
      return P.size() == 1 ? P[0].get<Stmt>() : nullptr;
    }
    std::unique_ptr<ParentMap> &PM = Parents[In];
    if (!PM)
      PM = std::make_unique<ParentMap>(In->getBody());
    return PM->getParent(E);
  };
  // Awaits of functions that never suspend, per function: moved out of
  // their expressions with the others when the function is normalized, so
  // the order of evaluation stays the one the user wrote.
  llvm::DenseMap<AsyncFunction *, std::vector<const Expr *>> SyncMarkers;
  S.Pools = std::move(V.Pools);
  S.AddressUses = std::move(V.AddressUses);
  S.AddressTaken = std::move(V.AddressTaken);
  for (const FoundMarker &M : V.Markers) {
    bool InAsync = M.Enclosing && isAsyncFunction(M.Enclosing);
    AsyncFunction *F = InAsync ? S.lookup(M.Enclosing) : nullptr;
    if (M.Kind == MarkerKind::Await) {
      if (!InAsync)
        continue; // reported by the marker visitor
      // An await of a function that never suspends is a call where it is.
      bool Sync = M.Call && M.Call->getDirectCallee() &&
                  S.neverSuspends(M.Call->getDirectCallee());
      if (F && Sync) {
        F->SyncCallees.push_back(M.Call->getDirectCallee());
        SyncMarkers[F].push_back(M.Marker);
        S.SyncAwaits[M.Marker] = M.Call;
      }
      // Awaits in its arguments run before it: it moves with them.
      auto CanSuspend = [&](const Expr *Await) {
        const CallExpr *Call = awaitedCall(Await);
        const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
        return !Callee || !S.neverSuspends(Callee);
      };
      if (F && M.Call && !Sync &&
          (!F->AwaitOfMarker.count(M.Marker) ||
           containsAwait(M.Call, Ctx, CanSuspend)))
        F->Pending.push_back(M.Marker);
      if (F && M.Comb != Combinator::None && !F->AwaitOfMarker.count(M.Marker))
        F->Pending.push_back(M.Marker);
      continue;
    }
    if (M.Kind == MarkerKind::BlockOn && InAsync)
      continue; // reported by the marker visitor
    if (!M.Call)
      continue;
    StartSite Site{M.Kind,
                   M.Marker,
                   M.Call,
                   M.Call->getDirectCallee(),
                   M.Enclosing,
                   M.InsideStart,
                   isDiscarded(M.Marker, ParentOf(M.Marker, M.Enclosing))};
    Site.Direct = M.Kind == MarkerKind::BlockOn && Site.Callee &&
                  S.neverSuspends(Site.Callee);
    if (M.Kind == MarkerKind::SpawnIn) {
      Site.Pool = poolNamed(S.Pools, markerPool(M.Marker));
      assert(Site.Pool && "checked by the marker visitor");
    }
    if (F)
      F->Spawns.push_back(Site);
    else if (InAsync)
      continue; // async function outside the main file: already an error
    else
      S.Starts.push_back(Site);
  }

  for (auto &[F, Markers] : SyncMarkers)
    if (!F->Pending.empty())
      F->Pending.insert(F->Pending.end(), Markers.begin(), Markers.end());

  // Markers C never evaluates: a start is printed for its type only; an
  // await of a function that never suspends is a call of its f__sync.
  for (const UnevaluatedMarker &M : V.Unevaluated) {
    if (M.Kind == MarkerKind::Await) {
      const CallExpr *Call = awaitedCall(M.Marker);
      if (Call && Call->getDirectCallee() &&
          S.neverSuspends(Call->getDirectCallee()))
        S.SyncAwaits[M.Marker] = Call;
      continue;
    }
    const auto *Call =
        dyn_cast<CallExpr>(markerOperand(M.Marker)->IgnoreParenImpCasts());
    if (Call && Call->getDirectCallee()) {
      S.UnevaluatedStarts.push_back(
          {M.Kind, M.Marker, Call, Call->getDirectCallee(), nullptr, true});
      S.UnevaluatedStarts.back().Unevaluated = true;
    }
  }
  for (const StartSite &St : S.Starts)
    S.StartOfMarker[St.Marker] = &St;
  for (const AsyncFunction &F : S.Functions)
    for (const StartSite &St : F.Spawns)
      S.StartOfMarker[St.Marker] = &St;
  for (const StartSite &St : S.UnevaluatedStarts)
    S.StartOfMarker.try_emplace(St.Marker, &St);

  // A frame that only a budget gives is declared as that many bytes (Check
  // reports the frames nothing gives).
  forEachFrameUse(S, [&](const FunctionDecl *Callee, SourceLocation) {
    if (S.lookup(Callee) || findFrameRecord(Callee, Ctx) ||
        !declaredBudget(Callee))
      return;
    const FunctionDecl *Key = Callee->getCanonicalDecl();
    if (std::find(S.BudgetCallees.begin(), S.BudgetCallees.end(), Key) ==
        S.BudgetCallees.end())
      S.BudgetCallees.push_back(Key);
  });
  return S;
}

} // namespace cawait
