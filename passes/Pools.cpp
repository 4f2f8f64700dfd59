//===- Pools.cpp - The task pools of CA_TASK_POOL -------------------------===//
#include "Pools.h"
#include "Annotations.h"

using namespace clang;

namespace cawait {

/// The pools of CA_TASK_POOL: annotate("cawait.pool", "f", N) on a static
/// ca_task_pool.
void collectPools(
    Shape &S,
    const std::vector<std::pair<const VarDecl *, const AnnotateAttr *>> &Decls,
    ASTContext &Ctx, DiagSink &Diags) {
  S.Pools.reserve(Decls.size());
  for (auto [VD, A] : Decls) {
    SourceLocation Loc = VD->getLocation();
    if (A->args_size() != 2) {
      Diags.error(Loc, "write a task pool as CA_TASK_POOL(name, f, N)");
      continue;
    }
    const auto *Name =
        dyn_cast<StringLiteral>(A->args_begin()[0]->IgnoreParenImpCasts());
    std::optional<llvm::APSInt> N =
        A->args_begin()[1]->getIntegerConstantExpr(Ctx);
    if (!N || N->isNegative() || *N == 0 || N->getActiveBits() > 31) {
      Diags.error(Loc, "the size of task pool '" + VD->getName() +
                           "' must be an integer constant from 1 to 2^31-1");
      continue;
    }
    const FunctionDecl *Fn = nullptr;
    if (Name)
      for (const NamedDecl *ND : Ctx.getTranslationUnitDecl()->lookup(
               &Ctx.Idents.get(Name->getString())))
        if (const auto *FD = dyn_cast<FunctionDecl>(ND))
          Fn = FD;
    if (!isAsyncFunction(Fn)) {
      Diags.error(Loc, "task pool '" + VD->getName() + "' is for '" +
                           (Name ? Name->getString() : "?") +
                           "', which is not an async function declared "
                           "before the pool");
      continue;
    }
    if (!VD->isFileVarDecl()) {
      Diags.error(Loc, "task pool '" + VD->getName() +
                           "' must be declared at file scope");
      continue;
    }
    S.Pools.push_back({VD, Fn, N->getZExtValue()});
  }
}

/// The pool a ca_spawn_in names (`&pool`), checked against the callee.
const TaskPool *poolOf(const Shape &S, const Expr *PoolExpr,
                       const FunctionDecl *Callee, DiagSink &Diags) {
  const VarDecl *VD = nullptr;
  if (const auto *UO = dyn_cast<UnaryOperator>(PoolExpr->IgnoreParens()))
    if (UO->getOpcode() == UO_AddrOf)
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParens()))
        VD = dyn_cast<VarDecl>(DRE->getDecl());
  for (const TaskPool &P : S.Pools)
    if (VD && P.Var == VD) {
      if (P.Function->getCanonicalDecl() != Callee->getCanonicalDecl()) {
        Diags.error(PoolExpr->getBeginLoc(),
                    "task pool '" + VD->getName() + "' holds tasks of '" +
                        P.Function->getName() + "', not of '" +
                        Callee->getName() +
                        "'; declare a pool for it with CA_TASK_POOL(name, " +
                        Callee->getName() + ", N)");
        return nullptr;
      }
      return &P;
    }
  Diags.error(PoolExpr->getBeginLoc(),
              "the first argument of ca_spawn_in must be `&name`, where "
              "name is declared with CA_TASK_POOL(name, f, N)");
  return nullptr;
}

} // namespace cawait
