//===- GenReturns.cpp - A generator's `return;` in the analysis parse ----===//
#include "GenReturns.h"
#include "../passes/Contract.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Stmt.h"
#include "clang/Sema/SemaDiagnostic.h"
#include <vector>

using namespace clang;

namespace cawait {
namespace {

std::vector<const FunctionDecl *> &generators() {
  static std::vector<const FunctionDecl *> Gens;
  return Gens;
}

bool carriesGen(const Decl *D) {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
  if (!FD)
    return false;
  for (const FunctionDecl *R : FD->redecls())
    for (const auto *A : R->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation() == contract::GenAnnotation)
        return true;
  return false;
}

} // namespace

void noteGenerator(const FunctionDecl *FD) { generators().push_back(FD); }

void forgetGenerators() { generators().clear(); }

namespace {

/// Whether Info, one of the diagnostics below, is inside a generator.
bool insideGenerator(const Diagnostic &Info) {
  if (Info.getID() == diag::ext_return_missing_expr) {
    // "non-void function %0 should return a value": %0 is the function.
    if (Info.getNumArgs() == 0 ||
        Info.getArgKind(0) != DiagnosticsEngine::ak_nameddecl)
      return false;
    const auto *ND = reinterpret_cast<const NamedDecl *>(Info.getRawArg(0));
    for (const FunctionDecl *FD : generators())
      if (FD->getCanonicalDecl() == ND->getCanonicalDecl())
        return true;
    return carriesGen(ND);
  }
  // The others are given at the closing brace of the function's body.
  for (const FunctionDecl *FD : generators()) {
    const FunctionDecl *Def = FD->getDefinition();
    const Stmt *Body = Def ? Def->getBody() : nullptr;
    if (Body && Body->getEndLoc() == Info.getLocation())
      return true;
  }
  return false;
}

const unsigned ReturnDiags[] = {diag::ext_return_missing_expr,
                                diag::warn_falloff_nonvoid_function,
                                diag::warn_maybe_falloff_nonvoid_function};

} // namespace

void GenReturnLevels::quiet(DiagnosticsEngine &D) {
  Levels.clear();
  for (unsigned ID : ReturnDiags) {
    Levels.push_back({ID, D.getDiagnosticLevel(ID, SourceLocation())});
    D.setSeverity(ID, diag::Severity::Remark, SourceLocation());
  }
}

std::optional<DiagnosticsEngine::Level>
GenReturnLevels::levelOf(const Diagnostic &Info) const {
  for (auto &[ID, Level] : Levels)
    if (ID == Info.getID())
      return insideGenerator(Info) ? DiagnosticsEngine::Ignored : Level;
  return std::nullopt;
}

} // namespace cawait
