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

/// T declaring Name (`int (*name)[3]`), as TypePrinter writes it, except
/// for the element of an array va_list (x86-64's `struct __va_list_tag`),
/// which C cannot name (written, it would declare another struct): a
/// va_list parameter's decayed type prints as
/// `__typeof__(**(__builtin_va_list *)0) *ap`.
std::string printType(clang::QualType T, const std::string &Name,
                      const clang::PrintingPolicy &Policy);

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
