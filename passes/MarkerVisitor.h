//===- MarkerVisitor.h - Find the markers and check their use -------------===//
//
// Takes the analysis AST. One RecursiveASTVisitor walk over the whole
// translation unit gives, in source order: every evaluated cawait.h marker
// (await, ca_block_on, ca_spawn, ca_spawn_in; combinators checked), the
// markers in operands C never evaluates, the async definitions of the
// main file, the CA_TASK_POOL declarations, and the async functions given
// to async function pointers. It reports at the user's location what it
// sees wrong on the way: an async call never awaited or started, a marker
// without an async call, a misused combinator, ca_boxed or async function
// name, an async function that cannot have a frame (variadic, main, in a
// header), an await outside an async function, a ca_block_on inside one,
// an await through an async function pointer with no room for the callee's
// frame, a malformed CA_TASK_POOL, a ca_spawn_in into a pool not its own.
// Discover turns its findings into Shape.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_MARKERVISITOR_H
#define CAWAIT_PASSES_MARKERVISITOR_H

#include "Diag.h"
#include "Shape.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "llvm/ADT/DenseSet.h"
#include <utility>
#include <vector>

namespace cawait {

/// An evaluated marker.
struct FoundMarker {
  MarkerKind Kind;
  const clang::Expr *Marker;
  const clang::CallExpr *Call; ///< null when the operand is not an async call
                               ///< (reported), is a combinator, or is spawned
                               ///< into a pool not its own (reported)
  const clang::FunctionDecl *Enclosing; ///< the function it is in, or null
  bool InsideStart; ///< inside the operand of another block_on/spawn
  Combinator Comb = Combinator::None; ///< await of a valid combinator
};

/// A marker in an operand C never evaluates (sizeof, typeof, _Generic's
/// unselected associations, ...): never checked, never a suspend point.
struct UnevaluatedMarker {
  MarkerKind Kind;
  const clang::Expr *Marker;
};

/// A yield(e) or a ca_for, evaluated, and the function it is in (or null).
struct FoundYield {
  const clang::Expr *Marker;
  const clang::FunctionDecl *Enclosing;
};
struct FoundFor {
  const clang::ForStmt *Loop;
  const clang::FunctionDecl *Enclosing;
};

/// What the walk found.
struct MarkerScan {
  std::vector<FoundYield> Yields;   ///< in source order
  std::vector<FoundFor> Fors;       ///< in source order
  std::vector<FoundMarker> Markers; ///< in source order
  std::vector<UnevaluatedMarker> Unevaluated;
  /// Async functions defined in the main file, in source order.
  std::vector<const clang::FunctionDecl *> AsyncDefinitions;
  /// The well-formed CA_TASK_POOL declarations, in order.
  std::vector<TaskPool> Pools;
  /// Async functions converted to async function pointers with a budget.
  std::vector<AddressUse> AddressUses;
  /// Async functions converted to any async function pointer.
  llvm::DenseSet<const clang::FunctionDecl *> AddressTaken;
};

/// Walks the translation unit; reports to Diags.
[[nodiscard]] MarkerScan scanMarkers(clang::ASTContext &Ctx, DiagSink &Diags);

} // namespace cawait

#endif
