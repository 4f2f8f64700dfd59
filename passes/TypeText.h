//===- TypeText.h - Types printed so that C parses them back -------------===//
//
// TypePrinter writes `typeof (e)`, which is no keyword in -std=c11, and
// prints e without the caller's PrinterHelper. Emit and Normalize print
// such types through declareWithTypeof, with their own expression printer.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_TYPETEXT_H
#define CAWAIT_PASSES_TYPETEXT_H

#include "clang/AST/PrettyPrinter.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <string>

namespace cawait {

/// Whether T, as written, contains `typeof(expression)` (outside typedefs,
/// which are declared elsewhere).
bool containsTypeofExpr(clang::QualType T);

/// T declaring Name (`int (*name)[3]`), with every `typeof(e)` written
/// `__typeof__(PrintExpr(e))`.
std::string declareWithTypeof(
    clang::QualType T, const std::string &Name,
    const clang::PrintingPolicy &Policy,
    llvm::function_ref<std::string(const clang::Expr *)> PrintExpr);

} // namespace cawait

#endif
