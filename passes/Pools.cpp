//===- Pools.cpp - The task pools of CA_TASK_POOL -------------------------===//
#include "Pools.h"

using namespace clang;

namespace cawait {

const TaskPool *poolNamed(llvm::ArrayRef<TaskPool> Pools,
                          const Expr *PoolExpr) {
  const VarDecl *VD = nullptr;
  if (const auto *UO = dyn_cast<UnaryOperator>(PoolExpr->IgnoreParens()))
    if (UO->getOpcode() == UO_AddrOf)
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParens()))
        VD = dyn_cast<VarDecl>(DRE->getDecl());
  for (const TaskPool &P : Pools)
    if (VD && P.Var == VD)
      return &P;
  return nullptr;
}

} // namespace cawait
