//===- Discover.h - Find async functions, awaits and starts --------------===//
//
// Input: the analysis AST. Output: a Shape with every async function defined
// in the main file, its await sites (numbered in source order: the frame
// states), and every ca_block_on / ca_spawn. Everything that cannot be
// lowered is reported to the DiagSink at the user's own location; the
// later passes run only when Discover reported no error.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_DISCOVER_H
#define CAWAIT_PASSES_DISCOVER_H

#include "Diag.h"
#include "Shape.h"
#include "clang/AST/ASTContext.h"
#include "clang/Lex/Preprocessor.h"
#include <optional>

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
/// The name of the pointer an indirect call calls through, for messages.
std::string pointerName(const clang::CallExpr *Call);
/// The pool operand of a ca_spawn_in marker: `&pool`.
const clang::Expr *markerPool(const clang::Expr *Marker);

/// What a name re-printed at Loc would turn into when parsed again: a
/// function-like macro there is kept off by `(name)`; an object-like one
/// cannot be.
enum class MacroUse { None, FunctionLike, ObjectLike };
MacroUse macroNamedAt(clang::Preprocessor *PP, const clang::SourceManager &SM,
                      const clang::IdentifierInfo *II,
                      clang::SourceLocation Loc);

/// `struct NAME__frame` when its definition is visible in the TU.
const clang::RecordDecl *findFrameRecord(const clang::FunctionDecl *FD,
                                         clang::ASTContext &Ctx);

[[nodiscard]] Shape discover(clang::ASTContext &Ctx, DiagSink &Diags);

} // namespace cawait

#endif
