//===- Check.h - Every construct cawait cannot lower, reported -----------===//
//
// Input: the analysis AST and its Shape (after Discover and CallOrder).
// Output: a located error, at the user's own text, for each construct of
// the file that cawait cannot lower. The rule: every error that the user's
// program causes is reported either by the marker visitor
// (MarkerVisitor.h: the misuse of cawait.h's own macros, seen while it
// finds them) or here, so that the passes after Check meet only what they
// can lower; what they meet all the same is a cawait bug, an internal
// error (DiagSink::internalError). Check runs in two steps:
// checkUnsupported right after Discover (and CallOrder), checkLowerable on
// the parse that is lowered, once normalization is not needed. The names
// that the lowered code reserves are checked by Reserved.cpp, and what the
// rewrite of awaits inside expressions cannot do is found by that
// rewrite's own walk (normalizeLimits, Normalize.h); checkUnsupported runs
// both and reports what they find.
//
// Three checks need facts that only later passes compute; they run right
// after those passes, and the pipeline stops on their errors too:
//   checkHoistedTypes, after liveness: a local type that moves to file
//     scope with the frame must not name a local (which types move
//     depends on what liveness keeps; LocalTypes finds them);
//   checkBudgets, after layout: a frame larger than (or aligned beyond) a
//     budget declared for it needs the frame's size;
//   checkTypeOrder, after placement: a frame placed before the definition
//     of a type it holds needs the places Placement computes.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_CHECK_H
#define CAWAIT_PASSES_CHECK_H

#include "Diag.h"
#include "Shape.h"
#include "clang/AST/ASTContext.h"
#include "clang/Lex/Preprocessor.h"

namespace cawait {

struct HoistedTypes;
struct Placement;
class Splicer;

/// The text an analysis parse read: the user's own, or cawait's rewrite of
/// it with awaits moved out of expressions (Normalize.h).
enum class SourceText { User, Normalized };

/// Reports what the Shape of Discover rules out, in this order: statement
/// and expression classes an async function may not contain, frames that
/// nothing here gives (no body, no hand-written frame, no budget),
/// ca_task_join results of the wrong type, await cycles, names the lowered
/// code reserves (in the user's text). When those found nothing: names
/// that the printed code would expand again as object-like macros; then,
/// in the user's text, what the rewrite of awaits inside expressions
/// cannot do (Normalize.h: normalizeLimits), or in the normalized one an
/// await still inside an expression.
void checkUnsupported(const Shape &S, clang::ASTContext &Ctx, DiagSink &Diags,
                      clang::Preprocessor *PP, SourceText Text);

/// Reports what the text that is lowered (the user's, or the normalized one
/// when awaits had to move) cannot hold: alloca, variable-length arrays and
/// setjmp/longjmp in a function that awaits, #embed directives the printer
/// cannot read back, task pools and starts not written in the .c file
/// itself. Runs on the parse that is lowered, after
/// checkUnsupported and before liveness: in a file that needs normalizing,
/// which functions await is known only in the normalized text.
void checkLowerable(const Shape &S, clang::ASTContext &Ctx, DiagSink &Diags);

/// Frames against the budgets declared for them: a definition's own, and
/// those of the async function pointers its address is given to. After
/// layout.
void checkBudgets(const Shape &S, clang::ASTContext &Ctx, DiagSink &Diags);

/// The local types that move to file scope with a frame (LocalTypes.h)
/// must not name the function's locals: what each kept variable's type
/// needs is known after liveness. After findHoistedTypes.
void checkHoistedTypes(const HoistedTypes &Hoisted, DiagSink &Diags);

/// A frame placed before its function must not need types defined later
/// (nor may the local types that move to file scope with it). After
/// placement.
void checkTypeOrder(const Shape &S, const Placement &P,
                    const HoistedTypes &Hoisted, Splicer &Sp,
                    clang::ASTContext &Ctx, DiagSink &Diags);

} // namespace cawait

#endif
