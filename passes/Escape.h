//===- Escape.h - Whether a call keeps a pointer it is given -------------===//
//
// Input: a pointer-valued argument of a call in an async function (the
// address of a local, or an array decaying). Output: whether the call may
// keep that pointer, or one derived from it, after it returns. Liveness
// holds an escaping local across every await of its block; a local whose
// address only goes to calls that do not keep it is held only for its
// value, like any other.
//
// A call does not keep the pointer when it is a synchronous call of
//  - a parameter declared `__attribute__((noescape))`;
//  - a C library function whose standard says it only reads or writes
//    through the pointer (memset, memcpy, strlen, snprintf, ...), when the
//    call's value is not used or is not a pointer (memcpy returns its
//    first argument);
//  - a function defined in this file whose parameter is only dereferenced,
//    indexed, compared, advanced, or passed on to such a parameter.
// Everything else keeps it: an async callee (its frame holds its
// parameters across suspensions), a variadic argument, a call through a
// pointer, a function defined elsewhere without noescape.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_ESCAPE_H
#define CAWAIT_PASSES_ESCAPE_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include <memory>

namespace cawait {

/// Answers for one translation unit; bodies are scanned once each.
class PointerEscapes {
public:
  explicit PointerEscapes(clang::ASTContext &Ctx);
  ~PointerEscapes();

  /// Whether the pointer value E, in a function whose parents are PM, may
  /// outlive the statement it is used in: stored, returned, converted to an
  /// integer, or given to a call that may keep it.
  bool valueMayEscape(const clang::Expr *E, clang::ParentMap &PM);

  /// Whether argument ArgIndex of Call may be kept by the callee past its
  /// return. ResultUsed: the call's value is used (memcpy returns a pointer
  /// into its first argument).
  bool callMayKeep(const clang::CallExpr *Call, unsigned ArgIndex,
                   bool ResultUsed);

private:
  class BodyScan;
  std::unique_ptr<BodyScan> Scan;
};

} // namespace cawait

#endif
