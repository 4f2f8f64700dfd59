//===- DeadScopes.cpp - Blocks that end a dead local's scope at an await --===//
//
// See DeadScopes.h. Tested by test/lowering/dead-scopes.c (the blocks in
// the emitted C) and test/debug/dead-locals.c (what gdb and lldb show).
//
//===----------------------------------------------------------------------===//
#include "DeadScopes.h"
#include "clang/AST/Attr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace cawait {

using namespace clang;

namespace {

/// What one statement names, holds and declares.
struct Facts : RecursiveASTVisitor<Facts> {
  const AsyncFunction &F;
  llvm::SmallPtrSet<const VarDecl *, 8> Named;
  std::vector<unsigned> Awaits; ///< indices in F.Awaits
  bool HasLabel = false;

  explicit Facts(const AsyncFunction &F) : F(F) {}

  void await(const void *Key, bool Marker) {
    if (Marker) {
      auto It = F.AwaitOfMarker.find(static_cast<const Expr *>(Key));
      if (It != F.AwaitOfMarker.end())
        Awaits.push_back(It->second);
    }
    auto It = F.AwaitOfStatement.find(Key);
    if (It != F.AwaitOfStatement.end())
      Awaits.push_back(It->second);
  }
  bool VisitStmt(Stmt *S) {
    await(S, isa<Expr>(S));
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    await(VD, false);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      Named.insert(VD);
    return true;
  }
  bool VisitLabelStmt(LabelStmt *) {
    HasLabel = true;
    return true;
  }
};

/// The statement under case and default labels and attributes.
const Stmt *unlabeled(const Stmt *S) {
  while (true) {
    if (const auto *C = dyn_cast<SwitchCase>(S))
      S = C->getSubStmt();
    else if (const auto *A = dyn_cast<AttributedStmt>(S))
      S = A->getSubStmt();
    else
      return S;
  }
}

} // namespace

std::vector<std::pair<unsigned, unsigned>>
deadScopeRuns(const CompoundStmt *B, const AsyncFunction &F) {
  std::vector<const Stmt *> Children(B->body_begin(), B->body_end());
  unsigned N = Children.size();
  std::vector<Facts> Of;
  Of.reserve(N);
  bool AnyAwait = false;
  for (const Stmt *S : Children) {
    Of.emplace_back(F);
    Of.back().TraverseStmt(const_cast<Stmt *>(S));
    AnyAwait |= !Of.back().Awaits.empty();
  }
  if (!AnyAwait || F.BodyInSync)
    return {};

  // Tags, typedefs and enumerators of the function: C puts those declared
  // inside an expression (`sizeof(struct t {...})`, a cast, a compound
  // literal) or a typeof in the enclosing block's scope. (Untested: the
  // lowering prints no definition there yet, `typeof(struct t)`, so such
  // a body does not compile through the plugin, blocks or not.)
  const SourceManager &SM = F.Decl->getASTContext().getSourceManager();
  std::vector<SourceLocation> Types;
  for (const Decl *D : F.Decl->decls())
    if (isa<TypeDecl>(D) || isa<EnumConstantDecl>(D))
      Types.push_back(SM.getExpansionLoc(D->getLocation()));
  auto DeclaresType = [&](const Stmt *S) {
    SourceLocation B = SM.getExpansionLoc(S->getBeginLoc());
    SourceLocation E = SM.getExpansionLoc(S->getEndLoc());
    for (SourceLocation L : Types)
      if (!SM.isBeforeInTranslationUnit(L, B) &&
          !SM.isBeforeInTranslationUnit(E, L))
        return true;
    return false;
  };

  // What each statement declares, and whether it ends every run before it.
  std::vector<std::vector<const VarDecl *>> Declared(N);
  std::vector<bool> Barrier(N), DeclaresLocal(N);
  for (unsigned I = 0; I < N; ++I) {
    Barrier[I] = Of[I].HasLabel || DeclaresType(Children[I]);
    const auto *DS = dyn_cast<DeclStmt>(unlabeled(Children[I]));
    if (!DS)
      continue;
    for (const Decl *D : DS->decls()) {
      const auto *VD = dyn_cast<VarDecl>(D);
      if (!VD || VD->hasAttr<CleanupAttr>()) {
        Barrier[I] = true;
        continue;
      }
      Declared[I].push_back(VD);
      if (VD->hasLocalStorage() && !F.inFrame(VD))
        DeclaresLocal[I] = true;
    }
  }

  // Named from statement K on: referenced, or held at an await there.
  std::vector<llvm::SmallPtrSet<const VarDecl *, 8>> NamedFrom(N + 1);
  for (unsigned K = N; K-- > 0;) {
    NamedFrom[K] = NamedFrom[K + 1];
    NamedFrom[K].insert(Of[K].Named.begin(), Of[K].Named.end());
    for (unsigned A : Of[K].Awaits)
      for (unsigned V : F.HeldAcross[A])
        if (const VarDecl *VD = F.Saved[V].Var)
          NamedFrom[K].insert(VD);
  }

  std::vector<std::pair<unsigned, unsigned>> Runs;
  std::vector<bool> Closed(N); // in a run that ended at an earlier await
  for (unsigned K = 0; K < N; ++K) {
    if (Of[K].Awaits.empty())
      continue;
    unsigned Begin = 0;
    for (unsigned I = 0; I < K; ++I) {
      bool StillNamed = Barrier[I];
      for (const VarDecl *VD : Declared[I])
        StillNamed |= NamedFrom[K].count(VD) != 0;
      if (StillNamed)
        Begin = I + 1;
    }
    bool Worth = false;
    for (unsigned I = Begin; I < K; ++I)
      Worth |= DeclaresLocal[I] && !Closed[I];
    if (!Worth)
      continue;
    Runs.push_back({Begin, K});
    for (unsigned I = Begin; I < K; ++I)
      Closed[I] = true;
  }
  return Runs;
}

} // namespace cawait
