//===- Pools.h - The task pools of CA_TASK_POOL ---------------------------===//
//
// Takes the CA_TASK_POOL declarations the marker visitor found (a static
// ca_task_pool annotated ("cawait.pool", "f", N)). Gives Shape::Pools, the
// pool each ca_spawn_in names, and a located error for a malformed pool
// or a spawn into a pool of another function.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_POOLS_H
#define CAWAIT_PASSES_POOLS_H

#include "Diag.h"
#include "Shape.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include <utility>
#include <vector>

namespace cawait {

/// Fills S.Pools from the declarations, in order.
void collectPools(
    Shape &S,
    const std::vector<
        std::pair<const clang::VarDecl *, const clang::AnnotateAttr *>> &Decls,
    clang::ASTContext &Ctx, DiagSink &Diags);

/// The pool a ca_spawn_in names (`&pool`), checked against the callee;
/// null (reported) when it names none or one of another function.
const TaskPool *poolOf(const Shape &S, const clang::Expr *PoolExpr,
                       const clang::FunctionDecl *Callee, DiagSink &Diags);

} // namespace cawait

#endif
