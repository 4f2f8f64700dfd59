//===- Annotations.cpp - What declarations say about async code -----------===//
#include "Annotations.h"
#include "Contract.h"
#include "clang/AST/Attr.h"

using namespace clang;

namespace cawait {

static bool hasAnnotation(const Decl *D, StringRef Name) {
  for (const auto *A : D->specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == Name)
      return true;
  return false;
}

bool isAsyncFunction(const FunctionDecl *FD) {
  if (!FD)
    return false;
  for (const FunctionDecl *R : FD->redecls())
    if (hasAnnotation(R, contract::AsyncAnnotation) ||
        hasAnnotation(R, contract::GenAnnotation))
      return true;
  return false;
}

bool isGenerator(const FunctionDecl *FD) {
  if (!FD)
    return false;
  for (const FunctionDecl *R : FD->redecls())
    if (hasAnnotation(R, contract::GenAnnotation))
      return true;
  return false;
}

bool isAsyncGenerator(const FunctionDecl *FD) {
  if (!isGenerator(FD))
    return false;
  for (const FunctionDecl *R : FD->redecls())
    if (hasAnnotation(R, contract::AsyncAnnotation))
      return true;
  return false;
}

bool mayAwait(const FunctionDecl *FD) {
  return isAsyncFunction(FD) && (!isGenerator(FD) || isAsyncGenerator(FD));
}

unsigned ownBudget(const Decl *D) {
  for (const auto *A : D->specific_attrs<AnnotateAttr>())
    if (std::optional<unsigned> Bytes =
            contract::parseBudgetAnnotation(A->getAnnotation()))
      return *Bytes;
  return 0;
}

bool isRuntimeAsync(const FunctionDecl *FD) {
  for (const FunctionDecl *R : FD->redecls())
    if (hasAnnotation(R, contract::RuntimeAnnotation))
      return true;
  return false;
}

unsigned declaredBudget(const FunctionDecl *FD) {
  for (const FunctionDecl *R : FD->redecls())
    if (unsigned B = ownBudget(R))
      return B;
  return 0;
}

std::optional<std::string> ownedRelease(const ParmVarDecl *P) {
  const auto *FD = dyn_cast<FunctionDecl>(P->getDeclContext());
  if (!FD)
    return std::nullopt;
  unsigned Index = P->getFunctionScopeIndex();
  for (const FunctionDecl *R : FD->redecls()) {
    if (Index >= R->getNumParams())
      continue;
    for (const auto *A : R->getParamDecl(Index)->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation() == contract::OwnedAnnotation && A->args_size())
        if (const auto *Name = dyn_cast<StringLiteral>(
                (*A->args_begin())->IgnoreParenImpCasts()))
          return Name->getString().str();
  }
  return std::nullopt;
}

/// Adds what D says about the pointer to P (the first declaration that
/// says anything wins).
static void addPointerFacts(const NamedDecl *D, AsyncPointer &P) {
  if (!D || P.Async || !hasAnnotation(D, contract::AsyncAnnotation))
    return;
  P.Async = true;
  P.Budget = ownBudget(D);
  P.Boxed = hasAnnotation(D, contract::BoxedAnnotation);
  P.Where = D;
}

AsyncPointer asyncPointerOf(const ValueDecl *D, QualType T) {
  AsyncPointer P;
  addPointerFacts(D, P);
  // The typedefs of the pointer type, then of the function type.
  for (int Depth = 0; !T.isNull() && Depth < 16 && !P.Async; ++Depth) {
    if (const auto *TT = T->getAs<TypedefType>()) {
      addPointerFacts(TT->getDecl(), P);
      T = TT->desugar();
      continue;
    }
    if (const auto *PT = T->getAs<PointerType>()) {
      T = PT->getPointeeType();
      continue;
    }
    if (const auto *PT = dyn_cast<ParenType>(T.getTypePtr())) {
      T = PT->getInnerType();
      continue;
    }
    break;
  }
  return P;
}

AsyncPointer asyncPointerOf(const Expr *Callee) {
  const Expr *E = Callee->IgnoreParens();
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(E))
    E = ICE->getSubExpr()->IgnoreParens();
  const ValueDecl *D = nullptr;
  QualType T = E->getType();
  // An element of an array of async function pointers: what the array's
  // declaration says.
  while (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    E = AS->getBase()->IgnoreParenImpCasts();
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    D = ME->getMemberDecl();
  else if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    D = DRE->getDecl();
  if (isa_and_nonnull<FunctionDecl>(D))
    return {};
  return asyncPointerOf(D, T);
}

const RecordDecl *findFrameRecord(const FunctionDecl *FD, ASTContext &Ctx) {
  std::string Name = contract::frameTag(FD->getName());
  for (const NamedDecl *ND :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Name)))
    if (const auto *RD = dyn_cast<RecordDecl>(ND))
      if (const RecordDecl *Def = RD->getDefinition())
        return Def;
  return nullptr;
}

} // namespace cawait
