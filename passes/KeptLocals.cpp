//===- KeptLocals.cpp - Which kept variables live in locals of poll -------===//
//
// The name lookup a resume's load needs, by hand: C's scopes are the
// blocks (and a `for`'s init clause), a declaration is in scope from its
// declarator on, and the ordinary identifiers (variables, functions,
// typedef names, enumerators, those of a struct's nested enums too) share
// one name space. Sema's scopes are gone once the parse is over.
//
//===----------------------------------------------------------------------===//
#include "KeptLocals.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringMap.h"

using namespace clang;

namespace cawait {
namespace {

using Names = llvm::StringMap<const Decl *>;

/// Bytes of the largest struct or union kept in a local of poll.
constexpr unsigned MaxLocalAggregate = 64;

/// Binds the ordinary identifiers D declares, unless an inner scope
/// already bound them.
void bindDecl(const Decl *D, Names &Bound) {
  if (isa<VarDecl, FunctionDecl, TypedefNameDecl, EnumConstantDecl>(D))
    if (const IdentifierInfo *II = cast<NamedDecl>(D)->getIdentifier())
      Bound.try_emplace(II->getName(), D);
  // A struct's nested enums and structs are declared in the enclosing
  // scope in C; an enum's enumerators too.
  if (const auto *Tag = dyn_cast<TagDecl>(D))
    for (const Decl *Inner : Tag->decls())
      bindDecl(Inner, Bound);
}

/// Binds what statement S of a block declares (under its labels).
void bindStmt(const Stmt *S, Names &Bound) {
  for (;;) {
    if (const auto *L = dyn_cast<LabelStmt>(S))
      S = L->getSubStmt();
    else if (const auto *C = dyn_cast<SwitchCase>(S))
      S = C->getSubStmt();
    else if (const auto *A = dyn_cast<AttributedStmt>(S))
      S = A->getSubStmt();
    else
      break;
  }
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      bindDecl(D, Bound);
}

/// What each ordinary identifier means at At: the innermost declaration
/// in scope there.
Names namesAt(const Stmt *At, ParentMap &PM, const FunctionDecl *FD) {
  Names Bound;
  const Stmt *Cur = At;
  for (const Stmt *P = PM.getParent(Cur); P; Cur = P, P = PM.getParent(P)) {
    if (const auto *CS = dyn_cast<CompoundStmt>(P)) {
      for (const Stmt *S : CS->body()) {
        if (S == Cur)
          break;
        bindStmt(S, Bound);
      }
    } else if (const auto *DS = dyn_cast<DeclStmt>(P)) {
      // In an initializer: the declarators before it, and its own (C's
      // scope of a name starts right after its declarator).
      for (const Decl *D : DS->decls()) {
        bindDecl(D, Bound);
        if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit() == Cur)
          break;
      }
    } else if (const auto *For = dyn_cast<ForStmt>(P)) {
      if (For->getInit() && Cur != For->getInit())
        bindStmt(For->getInit(), Bound);
    }
  }
  for (const ParmVarDecl *Param : FD->parameters())
    bindDecl(Param, Bound);
  return Bound;
}

/// Whether T, or a member of T at any depth, is const: `=` cannot store it.
bool hasConst(QualType T, const ASTContext &Ctx) {
  T = Ctx.getBaseElementType(T);
  if (T.isConstQualified())
    return true;
  if (const RecordDecl *RD = T->getAsRecordDecl())
    if (const RecordDecl *Def = RD->getDefinition())
      for (const FieldDecl *Field : Def->fields())
        if (hasConst(Field->getType(), Ctx))
          return true;
  return false;
}

/// Finds an assignment, increment, decrement, asm output or address (`&`)
/// of VD (or of a member of it reached by `.`) below a statement.
class WriteFinder : public RecursiveASTVisitor<WriteFinder> {
public:
  explicit WriteFinder(const VarDecl *VD) : VD(VD) {}
  bool Found = false;

  bool VisitBinaryOperator(BinaryOperator *BO) {
    Found |= BO->isAssignmentOp() && target(BO->getLHS());
    return !Found;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    // `&x` too: a call that keeps no pointer may still write through it
    // (memset(&x, 0, sizeof x); Escape.h).
    Found |= (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf) &&
             target(UO->getSubExpr());
    return !Found;
  }
  bool VisitGCCAsmStmt(GCCAsmStmt *AS) { // `asm("..." : "=r"(x))`
    for (unsigned I = 0; I != AS->getNumOutputs(); ++I)
      Found |= target(AS->getOutputExpr(I));
    return !Found;
  }

private:
  bool target(const Expr *X) const {
    X = X->IgnoreParens();
    while (const auto *ME = dyn_cast<MemberExpr>(X)) {
      if (ME->isArrow())
        return false;
      X = ME->getBase()->IgnoreParens();
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(X);
    return DRE && DRE->getDecl() == VD;
  }
  const VarDecl *VD;
};

/// Whether S holds a label, or a case of a switch that encloses S.
bool hasJumpTarget(const Stmt *S, bool Cases = true) {
  if (!S)
    return false;
  if (isa<LabelStmt>(S) || (Cases && isa<SwitchCase>(S)))
    return true;
  Cases &= !isa<SwitchStmt>(S); // its cases are reached from inside it
  for (const Stmt *Child : S->children())
    if (hasJumpTarget(Child, Cases))
      return true;
  return false;
}

/// Whether a goto or a switch may enter VD's scope past its declaration:
/// a label or a case after the declaration in the block that holds it (a
/// `for`'s init: anywhere in the loop).
bool mayBeJumpedOver(
    const VarDecl *VD, ParentMap &PM,
    const llvm::DenseMap<const VarDecl *, const DeclStmt *> &DeclOf) {
  auto It = DeclOf.find(VD);
  if (It == DeclOf.end())
    return true;
  const Stmt *Cur = It->second;
  for (const Stmt *P = PM.getParent(Cur); P; Cur = P, P = PM.getParent(P)) {
    if (const auto *For = dyn_cast<ForStmt>(P))
      return hasJumpTarget(For->getBody()) || hasJumpTarget(For->getInc()) ||
             hasJumpTarget(For->getCond());
    if (const auto *CS = dyn_cast<CompoundStmt>(P)) {
      bool After = false;
      for (const Stmt *Child : CS->body()) {
        if (After && hasJumpTarget(Child))
          return true;
        After |= Child == Cur;
      }
      return false;
    }
  }
  return true;
}

bool writesIn(const Stmt *S, const VarDecl *VD) {
  WriteFinder Find(VD);
  Find.TraverseStmt(const_cast<Stmt *>(S));
  return Find.Found;
}

} // namespace

bool writesVar(const Expr *E, const VarDecl *VD) { return writesIn(E, VD); }

void markInLocals(
    AsyncFunction &F, const llvm::SmallPtrSetImpl<const VarDecl *> &Taken,
    const llvm::SmallPtrSetImpl<const VarDecl *> &Referenced, ParentMap &PM,
    const llvm::DenseMap<const VarDecl *, const DeclStmt *> &DeclOf) {
  const ASTContext &Ctx = F.Decl->getASTContext();
  std::vector<Names> At(F.Awaits.size());
  std::vector<bool> Looked(F.Awaits.size());
  for (SavedVar &SV : F.Saved) {
    const VarDecl *VD = SV.Var;
    if (!VD || Taken.count(VD) || !Referenced.count(VD) || !VD->getIdentifier())
      continue;
    QualType T = VD->getType();
    if (T->isArrayType() || T->isVariablyModifiedType() || hasConst(T, Ctx))
      continue;
    // Each await that holds it copies it out and back: a large aggregate
    // costs more so than its reloads in the frame.
    if (!T->isScalarType() &&
        Ctx.getTypeSizeInChars(T).getQuantity() > MaxLocalAggregate)
      continue;
    unsigned Index = &SV - F.Saved.data();
    bool Named = true;
    for (unsigned A = 0; A != F.Awaits.size() && Named; ++A) {
      const std::vector<unsigned> &Held = F.HeldAcross[A];
      if (std::find(Held.begin(), Held.end(), Index) == Held.end())
        continue;
      if (!Looked[A]) {
        At[A] = namesAt(F.Awaits[A].Marker, PM, F.Decl);
        Looked[A] = true;
      }
      Named = At[A].lookup(VD->getName()) == VD;
    }
    SV.InLocal = Named;
    if (!Named)
      continue;
    QualType C = T.getCanonicalType();
    if (const auto *P = dyn_cast<ParmVarDecl>(VD))
      SV.InitOnly = F.storedByInit(P) && !writesIn(F.Decl->getBody(), P);
    SV.CopyBytes = C->isBooleanType() || C->isEnumeralType() ||
                   (!isa<ParmVarDecl>(VD) &&
                    (!VD->hasInit() || mayBeJumpedOver(VD, PM, DeclOf)));
    // Copying bytes takes its address, which C forbids for a register
    // variable: that one stays in the frame.
    if (SV.CopyBytes && VD->getStorageClass() == SC_Register)
      SV.InLocal = SV.CopyBytes = false;
  }
}

} // namespace cawait
