//===- Pools.h - The task pools of CA_TASK_POOL ---------------------------===//
//
// Takes the well-formed task pools (the marker visitor checks each
// CA_TASK_POOL declaration and each ca_spawn_in, MarkerVisitor.h). Gives
// the pool a ca_spawn_in names.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_POOLS_H
#define CAWAIT_PASSES_POOLS_H

#include "Shape.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"

namespace cawait {

/// The pool of Pools that PoolExpr (the first argument of a ca_spawn_in)
/// names as `&pool`, or null.
const TaskPool *poolNamed(llvm::ArrayRef<TaskPool> Pools,
                          const clang::Expr *PoolExpr);

} // namespace cawait

#endif
