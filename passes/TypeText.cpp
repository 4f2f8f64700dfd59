//===- TypeText.cpp - Types printed so that C parses them back -----------===//
#include "TypeText.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace cawait {

bool containsTypeofExpr(QualType T) {
  for (int Depth = 0; !T.isNull() && Depth < 64; ++Depth) {
    const Type *Ty = T.getTypePtr();
    if (isa<TypeOfExprType>(Ty))
      return true;
    if (const auto *PT = dyn_cast<PointerType>(Ty))
      T = PT->getPointeeType();
    else if (const auto *AT = dyn_cast<ArrayType>(Ty))
      T = AT->getElementType();
    else if (const auto *PT = dyn_cast<ParenType>(Ty))
      T = PT->getInnerType();
    else
      return false;
  }
  return false;
}

std::string
declareWithTypeof(QualType T, const std::string &Name,
                  const PrintingPolicy &Policy,
                  llvm::function_ref<std::string(const Expr *)> PrintExpr) {
  if (!containsTypeofExpr(T)) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    T.print(OS, Policy, Name);
    return Text;
  }
  std::string Quals = T.getLocalQualifiers().getAsString();
  if (!Quals.empty())
    Quals += " ";
  const Type *Ty = T.getTypePtr();
  auto Again = [&](QualType Inner, const std::string &N) {
    return declareWithTypeof(Inner, N, Policy, PrintExpr);
  };
  if (const auto *TOE = dyn_cast<TypeOfExprType>(Ty))
    return Quals + "__typeof__(" + PrintExpr(TOE->getUnderlyingExpr()) + ")" +
           (Name.empty() ? "" : " " + Name);
  if (const auto *PT = dyn_cast<PointerType>(Ty)) {
    std::string Inner = "*" + Quals + Name;
    QualType Pointee = PT->getPointeeType();
    if (Pointee->isArrayType() || Pointee->isFunctionType())
      Inner = "(" + Inner + ")";
    return Again(Pointee, Inner);
  }
  if (const auto *AT = dyn_cast<ConstantArrayType>(Ty))
    return Again(AT->getElementType(),
                 Name + "[" + std::to_string(AT->getSize().getZExtValue()) +
                     "]");
  if (const auto *PT = dyn_cast<ParenType>(Ty))
    return Again(PT->getInnerType(), Name);
  return Again(T.getCanonicalType(), Name);
}

} // namespace cawait
