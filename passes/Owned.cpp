//===- Owned.cpp - The ca_owned parameters, checked ----------------------===//
#include "Owned.h"
#include "Annotations.h"
#include "Contract.h"
#include "clang/AST/Attr.h"

using namespace clang;

namespace cawait {
namespace {

/// Whether release(P) is a call C accepts without a cast: the same type, or
/// a pointer converting implicitly (to void *, adding qualifiers).
bool releaseAccepts(QualType Param, QualType Arg, ASTContext &Ctx) {
  Param = Param.getUnqualifiedType();
  Arg = Arg.getUnqualifiedType();
  if (Ctx.typesAreCompatible(Param, Arg))
    return true;
  const auto *PP = Param->getAs<PointerType>();
  const auto *AP = Arg->getAs<PointerType>();
  if (!PP || !AP)
    return false;
  QualType PT = PP->getPointeeType(), AT = AP->getPointeeType();
  if (!PT.isAtLeastAsQualifiedAs(AT))
    return false;
  return PT->isVoidType() ||
         Ctx.typesAreCompatible(PT.getUnqualifiedType(),
                                AT.getUnqualifiedType());
}

} // namespace

void checkOwned(const Shape &S, ASTContext &Ctx, DiagSink &Diags) {
  for (const AsyncFunction &F : S.Functions)
    for (const AsyncFunction::OwnedParam &O : F.Owned) {
      std::string Param = O.Param->getName().empty()
                              ? "parameter " + std::to_string(
                                                   O.Param->getFunctionScopeIndex() + 1)
                              : "'" + O.Param->getName().str() + "'";
      std::string Type = O.Param->getType().getAsString();
      if (!O.Function) {
        Diags.error(O.Param->getLocation(),
                    "ca_owned(" + O.Release + ") of " + Param +
                        " names no function declared at file scope before '" +
                        F.Name + "'");
        continue;
      }
      if (O.Function->getNumParams() != 1 ||
          !releaseAccepts(O.Function->getParamDecl(0)->getType(),
                          O.Param->getType(), Ctx))
        Diags.error(O.Param->getLocation(),
                    "'" + O.Function->getName() +
                        "' cannot release " + Param +
                        ": ca_owned needs a function of one parameter of "
                        "type '" +
                        Type + "'");
    }
  // Only an async function's frame can be dropped before it runs.
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || isAsyncFunction(FD) ||
        !Ctx.getSourceManager().isInMainFile(
            Ctx.getSourceManager().getExpansionLoc(FD->getLocation())))
      continue;
    for (const ParmVarDecl *P : FD->parameters())
      for (const auto *A : P->specific_attrs<AnnotateAttr>())
        if (A->getAnnotation() == contract::OwnedAnnotation)
          Diags.error(P->getLocation(),
                      "ca_owned on a parameter of '" + FD->getName() +
                          "', which is not async: only an async function's "
                          "frame can be dropped before it runs");
  }
}

} // namespace cawait
