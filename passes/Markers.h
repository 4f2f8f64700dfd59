//===- Markers.h - Recognise the expansions of cawait.h's macros ----------===//
//
// Takes expressions of the analysis AST (or of the normalized text's);
// gives which cawait.h macro they are the expansion of and its parts: the
// marker (await, ca_block_on, ca_spawn, ca_spawn_in) and its operand, pool
// and awaited call; the combinator (ca_join, ca_select) and its branches;
// and whether a statement contains an await. Matching is by macro name on
// the expansion of the marker's first parenthesis (names in Contract.h)
// and by the structure the macros expand to; no diagnostics. Discover
// runs these once and records the results in Shape: the later passes read
// Shape rather than matching again.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_MARKERS_H
#define CAWAIT_PASSES_MARKERS_H

#include "Contract.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>
#include <string>
#include <vector>

namespace cawait {

/// The macro of cawait.h that E is the expansion of, if any.
std::optional<MarkerKind> markerKind(const clang::Expr *E,
                                     const clang::ASTContext &Ctx);
/// The combinator of cawait.h that E is the expansion of, if any.
std::optional<Combinator> combinatorKind(const clang::Expr *E,
                                         const clang::ASTContext &Ctx);
/// The combinator an await marker awaits (through parentheses), or null.
const clang::Expr *awaitedCombinator(const clang::Expr *Await,
                                     const clang::ASTContext &Ctx);
/// The `0 ? (later branches) : (void)0` of a ca_select expression (or of
/// what is inside its outer parentheses), or null for a ca_join: the
/// branches after the first, in the arm that runs only with the plugin.
const clang::ConditionalOperator *selectTail(const clang::Expr *Comb);
/// The branches of a combinator expression, as written.
std::vector<const clang::Expr *> combinatorBranches(const clang::Expr *Comb);
/// The async call of a branch (`f(x)` or `v = f(x)`, Assignment set for the
/// latter), or null when the branch is not one.
const clang::CallExpr *branchCall(const clang::Expr *Branch,
                                  const clang::BinaryOperator **Assignment);
/// E without implicit casts and the parentheses the user wrote around a
/// marker: `(await(f(x)))` is an await statement too.
const clang::Expr *skipToMarker(const clang::Expr *E,
                                const clang::ASTContext &Ctx);
/// The operand of a marker: `f(x)` in `await(f(x))`.
const clang::Expr *markerOperand(const clang::Expr *Marker);
/// The call an await marker awaits (through ca_boxed, setting *Boxed), or
/// null.
const clang::CallExpr *awaitedCall(const clang::Expr *Marker,
                                   bool *Boxed = nullptr);
/// The pool operand of a ca_spawn_in marker: `&pool`.
const clang::Expr *markerPool(const clang::Expr *Marker);
/// Whether E names the declaration ca_boxed(...) expands to.
bool isBoxedMarkerRef(const clang::Expr *E);
/// The name of the pointer an indirect call calls through, for messages.
std::string pointerName(const clang::CallExpr *Call);

/// Whether E is the expansion of `yield(e)` (CA_YIELD).
bool isYieldMarker(const clang::Expr *E, const clang::ASTContext &Ctx);
/// The e of a yield marker, as written.
const clang::Expr *yieldedValue(const clang::Expr *Marker);
/// Whether the `for` keyword of S comes from ca_for or ca_for_await.
bool isForMarker(const clang::ForStmt *S, const clang::ASTContext &Ctx);
/// Whether it comes from ca_for_await.
bool isForAwaitMarker(const clang::ForStmt *S, const clang::ASTContext &Ctx);
/// The loop that iterates over generator G, for messages: ca_for_await
/// for an async generator, else ca_for.
llvm::StringRef forMacroOf(const clang::FunctionDecl *G);
/// What a ca_for declares and calls: `ca_for (T v, g(x))` is
/// `for (T v = (..., (g(x))), ca__gen_frame = ...; ...;)`. Call is null
/// when the second operand is not a call of a function by name.
struct ForParts {
  const clang::VarDecl *Var = nullptr, *Slot = nullptr;
  const clang::CallExpr *Call = nullptr;
  unsigned Declared = 0; ///< variables the loop declares (2 when well formed)
};
ForParts forParts(const clang::ForStmt *S);

/// Whether S or an expression below it is an await marker for which
/// Counts holds (every await when Counts is empty). The one "contains an
/// await" walk: Discover counts the awaits that can suspend; Normalize
/// counts those Shape records (AsyncFunction::AwaitOfMarker and Pending).
/// Memo, when given, keeps the answer for every statement walked, for
/// callers that ask about the same nodes again (with the same Counts).
bool containsAwait(
    const clang::Stmt *S, const clang::ASTContext &Ctx,
    llvm::function_ref<bool(const clang::Expr *)> Counts = nullptr,
    llvm::DenseMap<const clang::Stmt *, bool> *Memo = nullptr);

} // namespace cawait

#endif
