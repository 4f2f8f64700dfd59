//===- TypeText.cpp - Types printed so that C parses them back -----------===//
#include "TypeText.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/TypeTraits.h"
#include "clang/Lex/Lexer.h"
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
    if (const auto *VAT = dyn_cast<VariableArrayType>(Ty))
      if (VAT->getSizeExpr())
        return true;
    if (const auto *TOT = dyn_cast<TypeOfType>(Ty))
      T = TOT->desugar();
    else if (const auto *PT = dyn_cast<PointerType>(Ty))
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
  if (const auto *VAT = dyn_cast<VariableArrayType>(Ty))
    return Again(VAT->getElementType(),
                 Name + "[" +
                     (VAT->getSizeExpr() ? PrintExpr(VAT->getSizeExpr())
                                         : std::string("*")) +
                     "]");
  if (const auto *TOT = dyn_cast<TypeOfType>(Ty))
    return Again(TOT->desugar().withCVRQualifiers(T.getLocalCVRQualifiers()),
                 Name);
  if (const auto *PT = dyn_cast<ParenType>(Ty))
    return Again(PT->getInnerType(), Name);
  return Again(T.getCanonicalType(), Name);
}

/// Whether T reaches Tag through pointers, arrays and functions (sugar
/// looked through, typedefs not).
static bool reachesTag(QualType T, const TagDecl *Tag) {
  for (int Depth = 0; !T.isNull() && Depth < 256; ++Depth) {
    const Type *Ty = T.getTypePtr();
    if (const auto *TT = dyn_cast<TagType>(Ty))
      return TT->getDecl()->getCanonicalDecl() == Tag->getCanonicalDecl();
    if (isa<TypedefType>(Ty))
      return false;
    if (const auto *PT = dyn_cast<PointerType>(Ty)) {
      T = PT->getPointeeType();
    } else if (const auto *AT = dyn_cast<ArrayType>(Ty)) {
      T = AT->getElementType();
    } else if (const auto *FT = dyn_cast<FunctionType>(Ty)) {
      if (const auto *FPT = dyn_cast<FunctionProtoType>(FT))
        for (QualType P : FPT->param_types())
          if (reachesTag(P, Tag))
            return true;
      T = FT->getReturnType();
    } else {
      QualType Inner = Ty->getLocallyUnqualifiedSingleStepDesugaredType();
      if (Inner.getTypePtr() == Ty)
        return false;
      T = Inner;
    }
  }
  return false;
}

std::optional<std::string>
declareOverTag(QualType T, const TagDecl *Tag, const std::string &Name,
               const std::string &Base, const PrintingPolicy &Policy,
               llvm::function_ref<std::string(const Expr *)> PrintExpr) {
  if (!reachesTag(T, Tag))
    return std::nullopt;
  auto Again = [&](QualType Inner, const std::string &N) {
    return declareOverTag(Inner, Tag, N, Base, Policy, PrintExpr);
  };
  const Type *Ty = T.getTypePtr();
  if (isa<TagType>(Ty)) // its qualifiers are the first declarator's, in Base
    return Base + (Name.empty() ? "" : " " + Name);
  if (const auto *PT = dyn_cast<PointerType>(Ty)) {
    std::string Quals = T.getLocalQualifiers().getAsString();
    std::string Inner = "*" + (Quals.empty() ? "" : Quals + " ") + Name;
    QualType Pointee = PT->getPointeeType();
    if (Pointee->isArrayType() || Pointee->isFunctionType())
      Inner = "(" + Inner + ")";
    return Again(Pointee, Inner);
  }
  if (const auto *AT = dyn_cast<ConstantArrayType>(Ty))
    return Again(AT->getElementType(),
                 Name + "[" + std::to_string(AT->getSize().getZExtValue()) +
                     "]");
  if (const auto *AT = dyn_cast<IncompleteArrayType>(Ty))
    return Again(AT->getElementType(), Name + "[]");
  if (const auto *VAT = dyn_cast<VariableArrayType>(Ty))
    return Again(VAT->getElementType(),
                 Name + "[" +
                     (VAT->getSizeExpr() ? PrintExpr(VAT->getSizeExpr())
                                         : std::string("*")) +
                     "]");
  if (const auto *FT = dyn_cast<FunctionType>(Ty)) {
    std::string Params;
    if (const auto *FPT = dyn_cast<FunctionProtoType>(FT)) {
      for (QualType P : FPT->param_types()) {
        std::optional<std::string> Over = Again(P, "");
        Params += (Params.empty() ? "" : ", ") +
                  (Over ? *Over : declareWithTypeof(P, "", Policy, PrintExpr));
      }
      if (FPT->isVariadic())
        Params += Params.empty() ? "..." : ", ...";
      else if (Params.empty())
        Params = "void";
    }
    std::string Inner = Name + "(" + Params + ")";
    if (std::optional<std::string> R = Again(FT->getReturnType(), Inner))
      return R;
    return declareWithTypeof(FT->getReturnType(), Inner, Policy, PrintExpr);
  }
  return Again(Ty->getLocallyUnqualifiedSingleStepDesugaredType(), Name);
}

std::optional<std::string> tagValueOf(QualType T, const TagDecl *Tag,
                                      std::string Value,
                                      const PrintingPolicy &Policy) {
  for (int Depth = 0; !T.isNull() && Depth < 256; ++Depth) {
    const Type *Ty = T.getTypePtr();
    if (const auto *TT = dyn_cast<TagType>(Ty))
      return TT->getDecl()->getCanonicalDecl() == Tag->getCanonicalDecl()
                 ? std::optional<std::string>(Value)
                 : std::nullopt;
    if (isa<TypedefType>(Ty))
      return std::nullopt;
    if (const auto *PT = dyn_cast<PointerType>(Ty)) {
      Value = "*" + Value;
      T = PT->getPointeeType();
    } else if (const auto *AT = dyn_cast<ArrayType>(Ty)) {
      Value = (Value[0] == '*' ? "(" + Value + ")" : Value) + "[0]";
      T = AT->getElementType();
    } else if (const auto *FT = dyn_cast<FunctionType>(Ty)) {
      // A call, never evaluated: each argument `*(P *)0` (parameters are
      // never arrays or functions, and no parameter can have the unnamed
      // type: C could not write it).
      std::string Args;
      if (const auto *FPT = dyn_cast<FunctionProtoType>(FT))
        for (QualType P : FPT->param_types())
          Args +=
              (Args.empty() ? "*(" : ", *(") + printType(P, "*", Policy) + ")0";
      Value = "(" + Value + ")(" + Args + ")";
      T = FT->getReturnType();
    } else {
      QualType Inner = Ty->getLocallyUnqualifiedSingleStepDesugaredType();
      if (Inner.getTypePtr() == Ty)
        return std::nullopt;
      T = Inner;
    }
  }
  return std::nullopt;
}

bool namesUnnamedTag(QualType T) {
  for (int Depth = 0; !T.isNull() && Depth < 256; ++Depth) {
    const Type *Ty = T.getTypePtr();
    if (const auto *TT = dyn_cast<TagType>(Ty)) {
      const TagDecl *TD = TT->getDecl();
      return !TD->getIdentifier() && !TD->getTypedefNameForAnonDecl();
    }
    if (isa<TypedefType>(Ty) || isa<TypeOfExprType>(Ty))
      return false; // written as the typedef's name, or as typeof(e)
    if (const auto *PT = dyn_cast<PointerType>(Ty)) {
      T = PT->getPointeeType();
    } else if (const auto *AT = dyn_cast<ArrayType>(Ty)) {
      T = AT->getElementType();
    } else if (const auto *FT = dyn_cast<FunctionType>(Ty)) {
      if (const auto *FPT = dyn_cast<FunctionProtoType>(FT))
        for (QualType P : FPT->param_types())
          if (namesUnnamedTag(P))
            return true;
      T = FT->getReturnType();
    } else if (const auto *AT = dyn_cast<AtomicType>(Ty)) {
      T = AT->getValueType();
    } else {
      QualType Inner = Ty->getLocallyUnqualifiedSingleStepDesugaredType();
      if (Inner.getTypePtr() == Ty)
        return false;
      T = Inner;
    }
  }
  return false;
}

bool writesUnnamedType(const Stmt *S) {
  if (const auto *CE = dyn_cast<ExplicitCastExpr>(S))
    return namesUnnamedTag(CE->getTypeAsWritten());
  if (const auto *CL = dyn_cast<CompoundLiteralExpr>(S))
    return namesUnnamedTag(CL->getTypeSourceInfo()->getType());
  if (const auto *UE = dyn_cast<UnaryExprOrTypeTraitExpr>(S))
    return UE->isArgumentType() && namesUnnamedTag(UE->getArgumentType());
  if (const auto *OE = dyn_cast<OffsetOfExpr>(S))
    return namesUnnamedTag(OE->getTypeSourceInfo()->getType());
  if (const auto *VA = dyn_cast<VAArgExpr>(S))
    return namesUnnamedTag(VA->getWrittenTypeInfo()->getType());
  if (const auto *CV = dyn_cast<ConvertVectorExpr>(S))
    return namesUnnamedTag(CV->getType());
  if (const auto *TT = dyn_cast<TypeTraitExpr>(S)) {
    for (const TypeSourceInfo *A : TT->getArgs())
      if (namesUnnamedTag(A->getType()))
        return true;
    return false;
  }
  if (const auto *GS = dyn_cast<GenericSelectionExpr>(S)) {
    if (GS->isTypePredicate() &&
        namesUnnamedTag(GS->getControllingType()->getType()))
      return true;
    for (const TypeSourceInfo *TSI : GS->getAssocTypeSourceInfos())
      if (TSI && namesUnnamedTag(TSI->getType()))
        return true;
  }
  return false;
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

std::optional<std::string>
printWithTypes(const Expr *E, const PrintingPolicy &Policy,
               llvm::function_ref<std::string(const Expr *)> PrintExpr) {
  auto Type = [&](QualType T) {
    return declareWithTypeof(T, "", Policy, PrintExpr);
  };
  if (const auto *CL = dyn_cast<CompoundLiteralExpr>(E)) {
    if (containsTypeofExpr(CL->getType()))
      return "(" + Type(CL->getType()) + ")" + PrintExpr(CL->getInitializer());
  } else if (const auto *VA = dyn_cast<VAArgExpr>(E)) {
    if (containsTypeofExpr(VA->getWrittenTypeInfo()->getType()))
      return "__builtin_va_arg(" + PrintExpr(VA->getSubExpr()) + ", " +
             Type(VA->getWrittenTypeInfo()->getType()) + ")";
  } else if (const auto *CV = dyn_cast<ConvertVectorExpr>(E)) {
    if (containsTypeofExpr(CV->getType()))
      return "__builtin_convertvector(" + PrintExpr(CV->getSrcExpr()) + ", " +
             Type(CV->getType()) + ")";
  } else if (const auto *BC = dyn_cast<BuiltinBitCastExpr>(E)) {
    QualType T = BC->getTypeInfoAsWritten()->getType();
    if (containsTypeofExpr(T))
      return "__builtin_bit_cast(" + Type(T) + ", " +
             PrintExpr(BC->getSubExpr()) + ")";
  } else if (const auto *TT = dyn_cast<TypeTraitExpr>(E)) {
    bool Any = false;
    for (const TypeSourceInfo *A : TT->getArgs())
      Any |= containsTypeofExpr(A->getType());
    if (Any) {
      std::string Out = std::string(getTraitSpelling(TT->getTrait())) + "(";
      const char *Sep = "";
      for (const TypeSourceInfo *A : TT->getArgs()) {
        Out += Sep + Type(A->getType());
        Sep = ", ";
      }
      return Out + ")";
    }
  } else if (const auto *OE = dyn_cast<OffsetOfExpr>(E)) {
    if (containsTypeofExpr(OE->getTypeSourceInfo()->getType())) {
      // As StmtPrinter: fields and array indices, implicit bases skipped.
      std::string Out = "__builtin_offsetof(" +
                        Type(OE->getTypeSourceInfo()->getType()) + ", ";
      bool Printed = false;
      for (unsigned I = 0; I != OE->getNumComponents(); ++I) {
        OffsetOfNode ON = OE->getComponent(I);
        if (ON.getKind() == OffsetOfNode::Array) {
          Out +=
              "[" + PrintExpr(OE->getIndexExpr(ON.getArrayExprIndex())) + "]";
          Printed = true;
          continue;
        }
        if (ON.getKind() == OffsetOfNode::Base || !ON.getFieldName())
          continue;
        Out += (Printed ? "." : "") + ON.getFieldName()->getName().str();
        Printed = true;
      }
      return Out + ")";
    }
  } else if (const auto *GS = dyn_cast<GenericSelectionExpr>(E)) {
    bool Any = GS->isTypePredicate() &&
               containsTypeofExpr(GS->getControllingType()->getType());
    for (const auto &A : GS->associations())
      Any |= !A.getType().isNull() && containsTypeofExpr(A.getType());
    if (Any) {
      std::string Out =
          "_Generic(" + (GS->isExprPredicate()
                             ? PrintExpr(GS->getControllingExpr())
                             : Type(GS->getControllingType()->getType()));
      for (const auto &A : GS->associations())
        Out += ", " + (A.getType().isNull() ? "default" : Type(A.getType())) +
               ": " + PrintExpr(A.getAssociationExpr());
      return Out + ")";
    }
  }
  return std::nullopt;
}

std::string embedDirective(const EmbedExpr *E, const SourceManager &SM,
                           const LangOptions &LO) {
  // The directive starts at the expression's location (its `#`).
  std::pair<FileID, unsigned> At =
      SM.getDecomposedLoc(SM.getSpellingLoc(E->getBeginLoc()));
  bool Invalid = false;
  StringRef Buf = SM.getBufferData(At.first, &Invalid);
  if (Invalid || At.second >= Buf.size() || Buf[At.second] != '#')
    return "";
  Lexer Raw(SM.getLocForStartOfFile(At.first), LO, Buf.begin(),
            Buf.begin() + At.second, Buf.end());
  std::vector<Token> Toks;
  Token Tok;
  Raw.LexFromRawLexer(Tok); // #
  Raw.LexFromRawLexer(Tok); // embed
  for (;;) {
    Raw.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof) || Tok.isAtStartOfLine())
      break;
    Toks.push_back(Tok);
  }
  auto Offset = [&](const Token &T) {
    return SM.getFileOffset(T.getLocation());
  };
  auto Text = [&](size_t From, size_t To) { // tokens [From, To]
    unsigned B = Offset(Toks[From]);
    return Buf.substr(B, Offset(Toks[To]) + Toks[To].getLength() - B).str();
  };
  auto Balanced = [&](size_t Open) { // index of the matching ')'
    int Depth = 0;
    for (size_t I = Open; I < Toks.size(); ++I) {
      Depth += Toks[I].is(tok::l_paren) - Toks[I].is(tok::r_paren);
      if (Depth == 0)
        return I;
    }
    return Toks.size();
  };
  // The file: "name", <name> or a macro (an identifier, maybe called).
  size_t I = 0;
  if (Toks.empty())
    return "";
  if (Toks[0].is(tok::less)) {
    while (I < Toks.size() && !Toks[I].is(tok::greater))
      ++I;
  } else if (Toks[0].is(tok::raw_identifier) && Toks.size() > 1 &&
             Toks[1].is(tok::l_paren)) {
    I = Balanced(1);
  }
  if (I >= Toks.size())
    return "";
  std::string File = Text(0, I);
  // The parameters, `name` or `vendor::name`, with a parenthesized clause:
  // the user's offset is kept (the data starts there); prefix, suffix and
  // if_empty are tokens of their own around the data, printed already.
  std::string UserOffset;
  for (++I; I < Toks.size();) {
    if (!Toks[I].is(tok::raw_identifier))
      return "";
    std::string Name = Toks[I].getRawIdentifier().str();
    ++I;
    if (I + 2 < Toks.size() && Toks[I].is(tok::colon) &&
        Toks[I + 1].is(tok::colon) && Toks[I + 2].is(tok::raw_identifier)) {
      Name += "::" + Toks[I + 2].getRawIdentifier().str();
      I += 3;
    } else if (I + 1 < Toks.size() && Toks[I].is(tok::coloncolon) &&
               Toks[I + 1].is(tok::raw_identifier)) {
      Name += "::" + Toks[I + 1].getRawIdentifier().str();
      I += 2;
    }
    std::string Arg;
    if (I < Toks.size() && Toks[I].is(tok::l_paren)) {
      size_t Close = Balanced(I);
      if (Close >= Toks.size())
        return "";
      if (Close > I + 1)
        Arg = Text(I + 1, Close - 1);
      I = Close + 1;
    }
    if (Name == "clang::offset" || Name == "clang::__offset__")
      UserOffset = Arg;
  }
  // All the data of the directive: the expression of the initializer list
  // as written stands for it (clang 19 changes its start and count when it
  // splits the data over the members of a struct).
  std::string Out = "\n#embed " + File;
  if (!UserOffset.empty())
    Out += " clang::offset(" + UserOffset + ")";
  return Out + " __limit__(" +
         std::to_string(E->getDataStringLiteral()->getByteLength()) + ")\n";
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
