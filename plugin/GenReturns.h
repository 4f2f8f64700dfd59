//===- GenReturns.h - A generator's `return;` in the analysis parse ------===//
//
// A generator is written `gen T f(...)`: T is the type of its items, and
// `return;` or the end of the body finishes it. To clang, which parses the
// user's text, f returns T, so `return;` is an error (-Wreturn-mismatch)
// and the end a warning (-Wreturn-type). Takes the generators the `gen`
// attribute meets (AsyncAttr.cpp) and the analysis parse's diagnostics;
// gives which of them to drop: those two, inside a generator. Tests:
// test/errors/gen-return-value.c, test/run/generators/*.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PLUGIN_GENRETURNS_H
#define CAWAIT_PLUGIN_GENRETURNS_H

#include "clang/AST/Decl.h"
#include "clang/Basic/Diagnostic.h"
#include <optional>
#include <utility>
#include <vector>

namespace cawait {

/// FD carries the `gen` attribute (called by AsyncAttr.cpp).
void noteGenerator(const clang::FunctionDecl *FD);
/// Forgets the generators of a parse whose AST is gone.
void forgetGenerators();
/// The levels the command line gives those diagnostics, kept while the
/// analysis parse maps them to remarks: its engine must count no error
/// (-Werror included) for a generator's `return;`, so the consumer decides.
class GenReturnLevels {
public:
  /// Remembers D's levels of the diagnostics and maps them to remarks.
  void quiet(clang::DiagnosticsEngine &D);
  /// The level to give Info at: Ignored inside a generator, the level the
  /// command line gave it elsewhere; nullopt for any other diagnostic.
  std::optional<clang::DiagnosticsEngine::Level>
  levelOf(const clang::Diagnostic &Info) const;

private:
  std::vector<std::pair<unsigned, clang::DiagnosticsEngine::Level>> Levels;
};

} // namespace cawait

#endif
