//===- Escape.cpp - Whether a call keeps a pointer it is given -----------===//
#include "Escape.h"
#include "Annotations.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <memory>

using namespace clang;

namespace cawait {
namespace {

enum class LibraryUse {
  Keeps,      ///< not a function we know
  Reads,      ///< reads or writes through its pointers, returns no pointer
  ReturnsArg, ///< the same, but returns a pointer into its first argument
};

/// C library functions whose standard says what they do with a pointer:
/// none of them stores it anywhere. (A function named so but not the
/// library's, as with -ffreestanding or -fno-builtin, has no builtin ID.)
LibraryUse libraryUse(const FunctionDecl *FD) {
  switch (FD->getBuiltinID()) {
  case Builtin::BImemcmp:
  case Builtin::BIstrlen:
  case Builtin::BIstrcmp:
  case Builtin::BIstrncmp:
  case Builtin::BIprintf:
  case Builtin::BIfprintf:
  case Builtin::BIsprintf:
  case Builtin::BIsnprintf:
  case Builtin::BIsscanf:
    return LibraryUse::Reads;
  case Builtin::BImemset:
  case Builtin::BImemcpy:
  case Builtin::BImemmove:
  case Builtin::BImemchr:
  case Builtin::BIstrcpy:
  case Builtin::BIstrncpy:
  case Builtin::BIstrcat:
  case Builtin::BIstrncat:
  case Builtin::BIstrchr:
  case Builtin::BIstrrchr:
  case Builtin::BIstrstr:
    return LibraryUse::ReturnsArg;
  default:
    return LibraryUse::Keeps;
  }
}

} // namespace

/// Whether each parameter of a function defined in this file may be kept
/// past the function's return, by looking at its body.
class PointerEscapes::BodyScan {
public:
  explicit BodyScan(ASTContext &Ctx) : Ctx(Ctx) {}

  bool mayKeep(const FunctionDecl *Def, unsigned Index) {
    auto Key = std::make_pair(Def, Index);
    auto It = Memo.find(Key);
    if (It != Memo.end())
      return It->second;
    Memo[Key] = true; // recursion: assume it keeps until shown otherwise
    bool Keeps = scan(Def, Def->getParamDecl(Index));
    Memo[Key] = Keeps;
    return Keeps;
  }

  /// Whether the pointer value E (of a function whose parents are PM) may
  /// outlive the call it is in.
  bool valueMayEscape(const Expr *E, ParentMap &PM) {
    const Stmt *Cur = E;
    const Stmt *P = PM.getParent(Cur);
    while (P && (isa<ParenExpr>(P) || isPointerConversion(P))) {
      Cur = P;
      P = PM.getParent(Cur);
    }
    if (!P)
      return true;
    if (const auto *UO = dyn_cast<UnaryOperator>(P)) {
      if (UO->getOpcode() == UO_Deref)
        return lvalueMayEscape(UO, PM);
      return !UO->isIncrementDecrementOp() && UO->getOpcode() != UO_LNot;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(P))
      return AS->getBase() != Cur || lvalueMayEscape(AS, PM);
    if (const auto *ME = dyn_cast<MemberExpr>(P))
      return !ME->isArrow() || lvalueMayEscape(ME, PM);
    if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
      if (BO->isComparisonOp() || BO->isLogicalOp())
        return false;
      if (BO->getOpcode() == BO_Sub && !BO->getType()->isPointerType())
        return false; // a difference of pointers
      if (BO->isAdditiveOp())
        return valueMayEscape(BO, PM);
      // `p = ...` or `p += n` on the parameter itself keeps it local.
      if (BO->isAssignmentOp() && BO->getLHS()->IgnoreParens() == Cur)
        return false;
      if (BO->getOpcode() == BO_Assign)
        if (const VarDecl *To = localOfCallee(BO->getLHS()))
          return varMayEscape(To, PM);
      return true;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(P))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (VD->getInit() == Cur && Callee && VD->hasLocalStorage() &&
              !VD->getType().isVolatileQualified())
            return varMayEscape(VD, PM);
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      for (unsigned I = 0; I != Call->getNumArgs(); ++I)
        if (Call->getArg(I) == Cur)
          return callMayKeep(Call, I, resultUsed(Call, PM));
      return true; // the callee itself
    }
    if (isa<IfStmt, WhileStmt, DoStmt, ForStmt>(P))
      return false; // a condition
    return true;
  }

  /// Whether a call's value is used (not a statement of its own or cast to
  /// void).
  static bool resultUsed(const CallExpr *Call, ParentMap &PM) {
    const Stmt *P = PM.getParentIgnoreParens(Call);
    if (!P || isa<CompoundStmt>(P))
      return false;
    if (const auto *CE = dyn_cast<CStyleCastExpr>(P))
      return !CE->getType()->isVoidType();
    return true;
  }

private:
  /// A conversion that keeps the pointer value: implicit, or an explicit
  /// cast to another pointer type.
  static bool isPointerConversion(const Stmt *S) {
    const auto *CE = dyn_cast<CastExpr>(S);
    if (!CE)
      return false;
    if (isa<ExplicitCastExpr>(CE) && !CE->getType()->isPointerType())
      return false;
    switch (CE->getCastKind()) {
    case CK_NoOp:
    case CK_BitCast:
    case CK_LValueToRValue:
    case CK_ArrayToPointerDecay:
      return true;
    default:
      return false;
    }
  }

  /// An lvalue reached through the pointer (`*p`, `p[i]`, `p->f`): a new
  /// pointer to it (`&p[i]`, an array member decaying) must stay local too.
  bool lvalueMayEscape(const Expr *LV, ParentMap &PM) {
    const Stmt *P = PM.getParentIgnoreParens(LV);
    if (const auto *UO = dyn_cast_or_null<UnaryOperator>(P))
      if (UO->getOpcode() == UO_AddrOf)
        return valueMayEscape(UO, PM);
    if (const auto *ICE = dyn_cast_or_null<ImplicitCastExpr>(P))
      if (ICE->getCastKind() == CK_ArrayToPointerDecay)
        return valueMayEscape(ICE, PM);
    if (const auto *ME = dyn_cast_or_null<MemberExpr>(P))
      if (!ME->isArrow())
        return lvalueMayEscape(ME, PM);
    return false;
  }

  /// A local variable of the callee being scanned, named by E.
  const VarDecl *localOfCallee(const Expr *E) const {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParens());
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!Callee || !VD || !VD->hasLocalStorage() ||
        VD->getType().isVolatileQualified())
      return nullptr;
    return VD;
  }

  /// Whether a pointer stored in VD, a local of a synchronous callee, may
  /// outlive the call: one of VD's uses lets it out. (In an async function
  /// a copy in a local may be held across an await: there every copy
  /// escapes.) Each variable is followed once per scan.
  bool varMayEscape(const VarDecl *VD, ParentMap &PM) {
    if (!Following.insert(VD).second)
      return false;
    for (const DeclRefExpr *DRE : usesOf(VD, Callee->getBody())) {
      const Stmt *P = PM.getParentIgnoreParens(DRE);
      if (const auto *UO = dyn_cast_or_null<UnaryOperator>(P))
        if (UO->getOpcode() == UO_AddrOf)
          return true; // &p: anything may happen to p
      if (valueMayEscape(DRE, PM))
        return true;
    }
    return false;
  }

  static std::vector<const DeclRefExpr *> usesOf(const VarDecl *VD,
                                                 Stmt *Body) {
    struct Uses : RecursiveASTVisitor<Uses> {
      const VarDecl *VD;
      std::vector<const DeclRefExpr *> Refs;
      bool VisitDeclRefExpr(DeclRefExpr *DRE) {
        if (DRE->getDecl() == VD)
          Refs.push_back(DRE);
        return true;
      }
    } U;
    U.VD = VD;
    U.TraverseStmt(Body);
    return U.Refs;
  }

  bool scan(const FunctionDecl *Def, const ParmVarDecl *Param) {
    if (!Def->getBody())
      return true;
    auto &PM = Parents[Def];
    if (!PM)
      PM = std::make_unique<ParentMap>(Def->getBody());
    // A callee's scan may scan its own callees.
    const FunctionDecl *OuterCallee = Callee;
    llvm::SmallPtrSet<const VarDecl *, 8> OuterFollowing;
    std::swap(OuterFollowing, Following);
    Callee = Def;
    bool Keeps = varMayEscape(Param, *PM);
    Callee = OuterCallee;
    std::swap(OuterFollowing, Following);
    return Keeps;
  }

  const FunctionDecl *Callee = nullptr; ///< whose body is being scanned
  llvm::SmallPtrSet<const VarDecl *, 8> Following;

  ASTContext &Ctx;
  llvm::DenseMap<std::pair<const FunctionDecl *, unsigned>, bool> Memo;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<ParentMap>> Parents;

public:
  bool callMayKeep(const CallExpr *Call, unsigned ArgIndex, bool ResultUsed) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || isAsyncFunction(FD))
      return true;
    switch (libraryUse(FD)) {
    case LibraryUse::Reads:
      return false;
    case LibraryUse::ReturnsArg:
      return ResultUsed;
    case LibraryUse::Keeps:
      break;
    }
    if (ArgIndex >= FD->getNumParams())
      return true; // variadic
    if (FD->getParamDecl(ArgIndex)->hasAttr<NoEscapeAttr>())
      return false;
    const FunctionDecl *Def = FD->getDefinition();
    if (!Def || Def->isVariadic() || isAsyncFunction(Def))
      return true;
    return mayKeep(Def, ArgIndex);
  }
};

PointerEscapes::PointerEscapes(ASTContext &Ctx)
    : Scan(std::make_unique<BodyScan>(Ctx)) {}
PointerEscapes::~PointerEscapes() = default;

bool PointerEscapes::valueMayEscape(const Expr *E, ParentMap &PM) {
  return Scan->valueMayEscape(E, PM);
}

bool PointerEscapes::callMayKeep(const CallExpr *Call, unsigned ArgIndex,
                                 bool ResultUsed) {
  return Scan->callMayKeep(Call, ArgIndex, ResultUsed);
}

} // namespace cawait
