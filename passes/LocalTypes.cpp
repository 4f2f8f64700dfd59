//===- LocalTypes.cpp - Types declared inside async functions, hoisted ---===//
#include "LocalTypes.h"
#include "CEmitter.h"
#include "Contract.h"
#include "Layout.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringSet.h"
#include <algorithm>

using namespace clang;

namespace cawait {
namespace {

/// Declared inside a function (directly, or inside a struct that is).
bool isLocal(const Decl *D) { return D->getParentFunctionOrMethod(); }

/// What moves to file scope for a local tag: the outermost struct its
/// definition is nested in (C declares a nested struct in the enclosing
/// scope), or the typedef an unnamed one is named by.
const Decl *unitOf(const TagDecl *TD) {
  if (const TagDecl *Def = TD->getDefinition())
    TD = Def;
  while (const auto *R = dyn_cast<RecordDecl>(TD->getLexicalDeclContext()))
    TD = R;
  if (!TD->getIdentifier())
    if (const TypedefNameDecl *TN = TD->getTypedefNameForAnonDecl())
      return TN;
  return TD;
}

/// The unnamed tag a typedef declares with itself (`typedef struct {...}
/// t;`): printed with the typedef.
const TagDecl *ownedAnonTag(const TypedefNameDecl *TN) {
  if (const TagDecl *TD = TN->getUnderlyingType()->getAsTagDecl())
    if (!TD->getIdentifier() && TD->getTypedefNameForAnonDecl() == TN)
      return TD;
  return nullptr;
}

class Collector {
public:
  Collector(const AsyncFunction &F, HoistedTypes &H,
            const llvm::StringSet<> &Taken, llvm::StringSet<> &TagNames,
            llvm::StringSet<> &OrdinaryNames)
      : F(F), H(H), Taken(Taken), TagNames(TagNames),
        OrdinaryNames(OrdinaryNames) {}

  void keep(const SavedVar &SV, QualType T) {
    Kept = &SV;
    type(T);
  }
  /// A tag defined where no printed declaration holds it.
  void keepExpressionTag(const TagDecl *TD) {
    Kept = nullptr;
    unit(unitOf(TD));
  }
  std::vector<const Decl *> Units;

private:
  void type(QualType T) {
    for (int Depth = 0; !T.isNull() && Depth < 256; ++Depth) {
      const Type *Ty = T.getTypePtr();
      if (const auto *TT = dyn_cast<TypedefType>(Ty)) {
        if (isLocal(TT->getDecl()))
          unit(TT->getDecl());
        return; // a file-scope typedef names no local type
      }
      if (const auto *Tag = dyn_cast<TagType>(Ty)) {
        if (isLocal(Tag->getDecl()))
          unit(unitOf(Tag->getDecl()));
        return;
      }
      if (const auto *TOE = dyn_cast<TypeOfExprType>(Ty)) {
        expr(TOE->getUnderlyingExpr());
        return;
      }
      if (const auto *PT = dyn_cast<PointerType>(Ty)) {
        T = PT->getPointeeType();
      } else if (const auto *AT = dyn_cast<ArrayType>(Ty)) {
        T = AT->getElementType();
      } else if (const auto *FT = dyn_cast<FunctionType>(Ty)) {
        if (const auto *FPT = dyn_cast<FunctionProtoType>(FT))
          for (QualType P : FPT->param_types())
            type(P);
        T = FT->getReturnType();
      } else if (const auto *AT = dyn_cast<AtomicType>(Ty)) {
        T = AT->getValueType();
      } else if (const auto *CT = dyn_cast<ComplexType>(Ty)) {
        T = CT->getElementType();
      } else if (const auto *VT = dyn_cast<VectorType>(Ty)) {
        T = VT->getElementType();
      } else {
        // Sugar (elaborated, parenthesised, attributed, typeof(type), ...).
        QualType Inner = T.getSingleStepDesugaredType(Ctx());
        if (Inner == T)
          return;
        T = Inner;
      }
    }
  }

  /// Names and types an expression of a hoisted declaration refers to (an
  /// enumerator's value, a bit-field's width, an alignment).
  void expr(const Stmt *S) {
    if (!S)
      return;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
      const ValueDecl *D = DRE->getDecl();
      if (const auto *EC = dyn_cast<EnumConstantDecl>(D)) {
        if (isLocal(EC))
          unit(unitOf(cast<EnumDecl>(EC->getDeclContext())));
      } else if (isLocal(D)) {
        H.LocalUses.push_back({&F, Kept, DRE});
      }
    } else if (const auto *CE = dyn_cast<ExplicitCastExpr>(S)) {
      type(CE->getTypeAsWritten());
    } else if (const auto *UE = dyn_cast<UnaryExprOrTypeTraitExpr>(S)) {
      if (UE->isArgumentType())
        type(UE->getArgumentType());
    } else if (const auto *CL = dyn_cast<CompoundLiteralExpr>(S)) {
      type(CL->getTypeSourceInfo()->getType());
    } else if (const auto *OE = dyn_cast<OffsetOfExpr>(S)) {
      type(OE->getTypeSourceInfo()->getType());
    } else if (const auto *VA = dyn_cast<VAArgExpr>(S)) {
      type(VA->getWrittenTypeInfo()->getType());
    } else if (const auto *GS = dyn_cast<GenericSelectionExpr>(S)) {
      for (const TypeSourceInfo *TSI : GS->getAssocTypeSourceInfos())
        if (TSI)
          type(TSI->getType());
    }
    for (const Stmt *Child : S->children())
      expr(Child);
  }

  void attrs(const Decl *D) {
    for (const auto *A : D->specific_attrs<AlignedAttr>())
      if (A->isAlignmentExpr())
        expr(A->getAlignmentExpr());
      else if (A->getAlignmentType())
        type(A->getAlignmentType()->getType());
  }

  void unit(const Decl *D) {
    if (!H.Hoisted.insert(D->getCanonicalDecl()).second)
      return;
    Units.push_back(D);
    if (const auto *TD = dyn_cast<TagDecl>(D)) {
      tag(TD);
    } else if (const auto *TN = dyn_cast<TypedefNameDecl>(D)) {
      rename(TN, /*Tag=*/false);
      attrs(TN);
      if (const TagDecl *Owned = ownedAnonTag(TN)) {
        H.Hoisted.insert(Owned->getCanonicalDecl());
        members(Owned);
      } else {
        type(typedefText(TN));
      }
    }
  }

  /// A hoisted tag and everything declared inside it.
  void tag(const TagDecl *TD) {
    if (TD->getIdentifier() || !isa<RecordDecl>(TD->getLexicalDeclContext()))
      rename(TD, /*Tag=*/true);
    if (const TagDecl *Def = TD->getDefinition())
      members(Def);
  }

  void members(const TagDecl *Def) {
    attrs(Def);
    if (const auto *ED = dyn_cast<EnumDecl>(Def)) {
      if (ED->isFixed())
        type(ED->getIntegerType());
      for (const EnumConstantDecl *EC : ED->enumerators()) {
        H.Hoisted.insert(EC->getCanonicalDecl());
        rename(EC, /*Tag=*/false);
        expr(EC->getInitExpr());
      }
      return;
    }
    for (const Decl *M : cast<RecordDecl>(Def)->decls()) {
      if (const auto *FD = dyn_cast<FieldDecl>(M)) {
        type(FD->getType());
        if (FD->isBitField())
          expr(FD->getBitWidth());
        attrs(FD);
      } else if (const auto *Nested = dyn_cast<TagDecl>(M)) {
        // A definition inside this one, or the only declaration of a
        // struct never defined (`struct b *p;`): printed with it. A
        // struct defined elsewhere is reached through the member's type.
        const TagDecl *Def = Nested->getDefinition();
        if ((!Def || Def == Nested) &&
            H.Hoisted.insert(Nested->getCanonicalDecl()).second)
          tag(Nested);
      }
    }
  }

  void rename(const NamedDecl *D, bool Tag) {
    llvm::StringSet<> &Used = Tag ? TagNames : OrdinaryNames;
    std::string Base = contract::localTypeName(
        F.Name, D->getIdentifier() ? D->getName() : "anon");
    std::string Name = Base;
    for (unsigned I = 2; Taken.count(Name) || Used.count(Name); ++I)
      Name = Base + "_" + std::to_string(I);
    Used.insert(Name);
    // Every declaration of a struct or typedef names the same entity.
    if (const auto *TD = dyn_cast<TagDecl>(D))
      for (const TagDecl *R : TD->redecls())
        H.NewNames.push_back({const_cast<TagDecl *>(R), Name});
    else if (const auto *TN = dyn_cast<TypedefNameDecl>(D))
      for (const TypedefNameDecl *R : TN->redecls())
        H.NewNames.push_back({const_cast<TypedefNameDecl *>(R), Name});
    else
      H.NewNames.push_back({const_cast<NamedDecl *>(D), Name});
  }

  ASTContext &Ctx() { return F.Decl->getASTContext(); }

  const AsyncFunction &F;
  HoistedTypes &H;
  const llvm::StringSet<> &Taken;
  llvm::StringSet<> &TagNames, &OrdinaryNames;
  const SavedVar *Kept = nullptr;
};

} // namespace

QualType typedefText(const TypedefNameDecl *TN) {
  QualType T = TN->getUnderlyingType();
  if (writesTypeofExpr(T, TN->getASTContext()))
    return T.getCanonicalType();
  QualType Base = T.getCanonicalType();
  for (int Depth = 0; Depth < 256; ++Depth) {
    if (const auto *PT = Base->getAs<PointerType>())
      Base = PT->getPointeeType();
    else if (const ArrayType *AT = Base->getAsArrayTypeUnsafe())
      Base = AT->getElementType();
    else
      break;
  }
  if (const TagDecl *TD = Base->getAsTagDecl())
    if (!TD->getIdentifier() && TD->getTypedefNameForAnonDecl() &&
        TD->getTypedefNameForAnonDecl() != TN)
      return T.getCanonicalType();
  return T;
}

bool writesTypeofExpr(QualType T, const ASTContext &Ctx) {
  for (int Depth = 0; !T.isNull() && Depth < 256; ++Depth) {
    const Type *Ty = T.getTypePtr();
    if (isa<TypeOfExprType>(Ty))
      return true;
    if (isa<TypedefType>(Ty))
      return false; // declared elsewhere: at file scope, or hoisted
    if (const auto *PT = dyn_cast<PointerType>(Ty)) {
      T = PT->getPointeeType();
    } else if (const auto *AT = dyn_cast<ArrayType>(Ty)) {
      T = AT->getElementType();
    } else if (const auto *FT = dyn_cast<FunctionType>(Ty)) {
      if (const auto *FPT = dyn_cast<FunctionProtoType>(FT))
        for (QualType P : FPT->param_types())
          if (writesTypeofExpr(P, Ctx))
            return true;
      T = FT->getReturnType();
    } else if (const auto *AT = dyn_cast<AtomicType>(Ty)) {
      T = AT->getValueType();
    } else {
      QualType Inner = T.getSingleStepDesugaredType(Ctx);
      if (Inner == T)
        return false;
      T = Inner;
    }
  }
  return false;
}

HoistedTypes findHoistedTypes(const Shape &S, ASTContext &Ctx) {
  HoistedTypes H;
  H.Of.resize(S.Functions.size());
  // A new name must be no identifier the translation unit has.
  llvm::StringSet<> Taken;
  for (const auto &Entry : Ctx.Idents)
    if (Entry.getKey().contains(contract::LocalTypeInfix))
      Taken.insert(Entry.getKey());
  llvm::StringSet<> TagNames, OrdinaryNames;
  const SourceManager &SM = Ctx.getSourceManager();
  for (unsigned I = 0; I != S.Functions.size(); ++I) {
    const AsyncFunction &F = S.Functions[I];
    Collector C(F, H, Taken, TagNames, OrdinaryNames);
    // The tags declarations of the body print with themselves.
    struct DeclStmtTags : RecursiveASTVisitor<DeclStmtTags> {
      llvm::DenseSet<const Decl *> &Out;
      explicit DeclStmtTags(llvm::DenseSet<const Decl *> &O) : Out(O) {}
      bool VisitDeclStmt(DeclStmt *DS) {
        for (const Decl *D : DS->decls())
          if (isa<TagDecl>(D))
            Out.insert(D->getCanonicalDecl());
        return true;
      }
    };
    llvm::DenseSet<const Decl *> InDeclStmt;
    DeclStmtTags(InDeclStmt).TraverseStmt(F.Decl->getBody());
    for (const SavedVar &SV : F.Saved) {
      if (SV.Generator)
        continue; // a generator's frame: no local type
      C.keep(SV, frameFieldType(SV, Ctx));
      // Also what the declaration names that the field's type does not (a
      // typedef with const inside): the body no longer uses it.
      QualType Declared = SV.Var ? SV.Var->getType() : SV.Literal->getType();
      if (!writesTypeofExpr(Declared, Ctx))
        C.keep(SV, Declared);
    }
    // A tag defined inside an expression or a typeof (`sizeof(struct s
    // {...})`, a cast, a compound literal) is in no declaration the body
    // prints: at file scope, its definition is printed once, and every use
    // names it.
    for (const Decl *D : F.Decl->decls())
      if (const auto *TD = dyn_cast<TagDecl>(D))
        if (TD->isThisDeclarationADefinition() &&
            !InDeclStmt.count(TD->getCanonicalDecl()))
          C.keepExpressionTag(TD);
    // Source order is declaration order: each one's names are declared
    // before it. The typedefs of one declaration begin together: in the
    // order of their names (`typedef struct {...} t, *pt;`: t, which
    // defines the struct, first).
    std::stable_sort(C.Units.begin(), C.Units.end(),
                     [&](const Decl *A, const Decl *B) {
                       if (A->getBeginLoc() != B->getBeginLoc())
                         return SM.isBeforeInTranslationUnit(A->getBeginLoc(),
                                                             B->getBeginLoc());
                       return SM.isBeforeInTranslationUnit(A->getLocation(),
                                                           B->getLocation());
                     });
    H.Of[I] = std::move(C.Units);
  }
  return H;
}

void forEachMemberType(const Decl *Unit,
                       llvm::function_ref<void(const Decl *, QualType)> Fn) {
  const TagDecl *Tag = dyn_cast<TagDecl>(Unit);
  if (const auto *TN = dyn_cast<TypedefNameDecl>(Unit)) {
    Tag = ownedAnonTag(TN);
    if (!Tag) {
      Fn(TN, typedefText(TN));
      return;
    }
  }
  const TagDecl *Def = Tag->getDefinition();
  if (!Def)
    return;
  if (const auto *ED = dyn_cast<EnumDecl>(Def)) {
    if (ED->isFixed())
      Fn(ED, ED->getIntegerType());
    return;
  }
  for (const Decl *M : cast<RecordDecl>(Def)->decls())
    if (const auto *FD = dyn_cast<FieldDecl>(M))
      Fn(FD, FD->getType());
    else if (const auto *Nested = dyn_cast<TagDecl>(M))
      if (Nested->getDefinition() == Nested)
        forEachMemberType(Nested, Fn);
}

std::string hoistedDefinitions(const HoistedTypes &H, unsigned Function,
                               const PrintingPolicy &Policy,
                               const SourceManager &SM) {
  CEmitter Out(SM);
  const std::vector<const Decl *> &Units = H.Of[Function];
  // A pointer member or a parameter type may name a struct declared later.
  for (const Decl *D : Units)
    if (const auto *RD = dyn_cast<RecordDecl>(D)) {
      Out.mapTo(RD->getLocation());
      Out.line(RD->getKindName() + " " + RD->getName() + ";");
    }
  for (const Decl *D : Units) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    if (const auto *TD = dyn_cast<TagDecl>(D)) {
      const TagDecl *Def = TD->getDefinition();
      if (!Def)
        continue; // incomplete: declared above
      Def->print(OS, Policy);
      D = Def;
    } else {
      const auto *TN = cast<TypedefNameDecl>(D);
      PrintingPolicy P = Policy;
      P.IncludeTagDefinition = ownedAnonTag(TN) != nullptr;
      if (typedefText(TN) != TN->getUnderlyingType()) {
        OS << "typedef ";
        typedefText(TN).print(OS, P, TN->getName());
      } else {
        TN->print(OS, P);
      }
    }
    Out.mapTo(D->getLocation());
    Out.line(Text + ";");
  }
  return Out.take();
}

HoistedNames::HoistedNames(const HoistedTypes &H, ASTContext &Ctx) {
  for (auto &[D, Name] : H.NewNames) {
    Saved.push_back({D, D->getDeclName()});
    D->setDeclName(DeclarationName(&Ctx.Idents.get(Name)));
  }
}

HoistedNames::~HoistedNames() {
  for (auto It = Saved.rbegin(); It != Saved.rend(); ++It)
    It->first->setDeclName(It->second);
}

} // namespace cawait
