//===- TypeText.cpp - Types printed so that C parses them back -----------===//
#include "TypeText.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include <algorithm>

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

/// Whether a declaration of D (any of its redeclarations) comes before At.
static bool declaredBefore(const Decl *D, SourceLocation At,
                           const SourceManager &SM) {
  for (const Decl *R : D->redecls()) {
    SourceLocation L = R->getLocation();
    if (L.isInvalid())
      return true; // implicit (__builtin_va_list, __int128_t, ...)
    L = SM.getFileLoc(L);
    if (SM.isWrittenInBuiltinFile(L) || SM.isWrittenInCommandLineFile(L) ||
        SM.isBeforeInTranslationUnit(L, At))
      return true;
  }
  return false;
}

static QualType visibleAt(QualType T, SourceLocation At, ASTContext &Ctx,
                          SmallVectorImpl<const TagDecl *> &Forward,
                          int Depth) {
  if (T.isNull() || Depth > 64)
    return T;
  const SourceManager &SM = Ctx.getSourceManager();
  SplitQualType Split = T.split();
  const Type *Ty = Split.Ty;
  auto Again = [&](QualType Inner) {
    return visibleAt(Inner, At, Ctx, Forward, Depth + 1);
  };
  // Inner rewritten: the same local qualifiers around it.
  auto Requal = [&](QualType Inner) {
    return Ctx.getQualifiedType(Inner, Split.Quals);
  };
  if (const auto *TT = dyn_cast<TypedefType>(Ty)) {
    if (declaredBefore(TT->getDecl(), At, SM))
      return T;
    return Requal(Again(TT->desugar()));
  }
  if (const auto *Tag = dyn_cast<TagType>(Ty)) {
    const TagDecl *TD = Tag->getDecl();
    if (declaredBefore(TD, At, SM))
      return T;
    if (const auto *ED = dyn_cast<EnumDecl>(TD))
      if (!ED->getIntegerType().isNull())
        return Requal(ED->getIntegerType());
    if (TD->getIdentifier() && !isa<EnumDecl>(TD) &&
        std::find(Forward.begin(), Forward.end(), TD->getCanonicalDecl()) ==
            Forward.end())
      Forward.push_back(TD->getCanonicalDecl());
    return T;
  }
  if (const auto *PT = dyn_cast<PointerType>(Ty)) {
    QualType P = Again(PT->getPointeeType());
    return P == PT->getPointeeType() ? T : Requal(Ctx.getPointerType(P));
  }
  if (const auto *AT = dyn_cast<ConstantArrayType>(Ty)) {
    QualType E = Again(AT->getElementType());
    return E == AT->getElementType()
               ? T
               : Requal(Ctx.getConstantArrayType(
                     E, AT->getSize(), nullptr, AT->getSizeModifier(),
                     AT->getIndexTypeCVRQualifiers()));
  }
  if (const auto *AT = dyn_cast<IncompleteArrayType>(Ty)) {
    QualType E = Again(AT->getElementType());
    return E == AT->getElementType()
               ? T
               : Requal(Ctx.getIncompleteArrayType(
                     E, AT->getSizeModifier(),
                     AT->getIndexTypeCVRQualifiers()));
  }
  if (const auto *FT = dyn_cast<FunctionProtoType>(Ty)) {
    bool Changed = false;
    QualType R = Again(FT->getReturnType());
    Changed |= R != FT->getReturnType();
    SmallVector<QualType, 8> Params;
    for (QualType P : FT->param_types()) {
      Params.push_back(Again(P));
      Changed |= Params.back() != P;
    }
    return Changed ? Requal(Ctx.getFunctionType(R, Params,
                                                FT->getExtProtoInfo()))
                   : T;
  }
  if (const auto *FT = dyn_cast<FunctionNoProtoType>(Ty)) {
    QualType R = Again(FT->getReturnType());
    return R == FT->getReturnType()
               ? T
               : Requal(Ctx.getFunctionNoProtoType(R, FT->getExtInfo()));
  }
  // Other sugar (elaborated, parentheses, decayed, attributed, macro
  // qualified, typeof(type)): kept unless what it stands for changes.
  QualType D = QualType(Ty, 0).getSingleStepDesugaredType(Ctx);
  if (D == QualType(Ty, 0))
    return T;
  QualType V = Again(D);
  return V == D ? T : Requal(V);
}

QualType visibleTypeAt(QualType T, SourceLocation At, ASTContext &Ctx,
                       SmallVectorImpl<const TagDecl *> &Forward) {
  return visibleAt(T, At, Ctx, Forward, 0);
}

namespace {
class AlignasRespeller : public RecursiveASTVisitor<AlignasRespeller> {
public:
  explicit AlignasRespeller(ASTContext &Ctx) : Ctx(Ctx) {}
  bool VisitDeclaratorDecl(DeclaratorDecl *D) {
    if (!D->hasAttrs() || (!isa<FieldDecl>(D) && !isa<VarDecl>(D)))
      return true;
    AttrVec &Attrs = D->getAttrs();
    for (auto I = Attrs.begin(); I != Attrs.end();) {
      auto *A = dyn_cast<AlignedAttr>(*I);
      if (!A || !A->isAlignas() || A->isAlignmentDependent()) {
        ++I;
        continue;
      }
      unsigned Bytes = A->getAlignment(Ctx) / Ctx.getCharWidth();
      if (!Bytes) {
        I = Attrs.erase(I);
        continue;
      }
      SourceLocation L = A->getLocation();
      Expr *N = IntegerLiteral::Create(
          Ctx, llvm::APInt(Ctx.getIntWidth(Ctx.IntTy), Bytes), Ctx.IntTy, L);
      *I = AlignedAttr::Create(Ctx, /*IsAlignmentExpr=*/true, N, A->getRange(),
                               AlignedAttr::GNU_aligned);
      ++I;
    }
    return true;
  }

private:
  ASTContext &Ctx;
};
} // namespace

void respellAlignas(ASTContext &Ctx) {
  AlignasRespeller(Ctx).TraverseDecl(Ctx.getTranslationUnitDecl());
}

} // namespace cawait
