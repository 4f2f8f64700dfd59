//===- TypeText.cpp - Types printed so that C parses them back -----------===//
#include "TypeText.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace cawait {

std::string printType(QualType T, const std::string &Name,
                      const PrintingPolicy &Policy) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  T.print(OS, Policy, Name);
  static const char Tag[] = "struct __va_list_tag";
  static const char Named[] = "__typeof__(**(__builtin_va_list *)0)";
  for (size_t At = Text.find(Tag); At != std::string::npos;
       At = Text.find(Tag, At + 1)) {
    size_t End = At + sizeof(Tag) - 1;
    if ((At && (isalnum((unsigned char)Text[At - 1]) || Text[At - 1] == '_')) ||
        (End < Text.size() &&
         (isalnum((unsigned char)Text[End]) || Text[End] == '_')))
      continue;
    Text.replace(At, End - At, Named);
  }
  return Text;
}

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
  if (!containsTypeofExpr(T))
    return printType(T, Name, Policy);
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
