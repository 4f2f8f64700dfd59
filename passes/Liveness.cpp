//===- Liveness.cpp - Which variables an async function keeps in its frame ===//
//
// Our own backward dataflow on clang::CFG rather than clang's LiveVariables:
// we need the live set right after an arbitrary element (the awaited call),
// not at block-level statements, and the address-escape rule below.
//
//===----------------------------------------------------------------------===//
#include "Liveness.h"
#include "Contract.h"
#include "Escape.h"
#include "KeptLocals.h"
#include "Markers.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"
#include <functional>

using namespace clang;

namespace cawait {
namespace {

/// Every automatic variable of the function, with how it is referenced.
class VariableCollector : public RecursiveASTVisitor<VariableCollector> {
public:
  VariableCollector(ParentMap &PM, PointerEscapes &Escapes)
      : PM(PM), Escapes(Escapes) {}

  std::vector<const VarDecl *> Vars;
  llvm::DenseMap<const VarDecl *, unsigned> Index;
  llvm::SmallPtrSet<const DeclRefExpr *, 16> DefOnly; // `x = ...` targets
  llvm::SmallPtrSet<const VarDecl *, 16> Escaping;
  llvm::SmallPtrSet<const VarDecl *, 16> Referenced;
  /// Elements that write a variable as a whole without naming it: the
  /// condition of a ca_for, where the generator's poll writes its variable.
  llvm::DenseMap<const Stmt *, const VarDecl *> WrittenAt;

  void add(const VarDecl *VD) {
    if (Index.count(VD))
      return;
    Index[VD] = Vars.size();
    Vars.push_back(VD);
  }

  bool VisitVarDecl(VarDecl *VD) {
    if (VD->hasLocalStorage())
      add(VD);
    // The cleanup reads the variable's address when its block ends.
    if (VD->hasAttr<CleanupAttr>())
      Escaping.insert(VD);
    return true;
  }

  std::vector<const CompoundLiteralExpr *> Literals;
  bool VisitCompoundLiteralExpr(CompoundLiteralExpr *L) {
    if (!L->isFileScope())
      Literals.push_back(L);
    return true;
  }

  /// Assignments of ca_select branches: only the winner's is done, so the
  /// target keeps its value through the others.
  llvm::SmallPtrSet<const BinaryOperator *, 4> MaybeAssigned;

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign && !MaybeAssigned.count(BO))
      if (const auto *DRE = dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParens()))
        DefOnly.insert(DRE);
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || !VD->hasLocalStorage())
      return true;
    Referenced.insert(VD);
    if (addressEscapes(DRE))
      Escaping.insert(VD);
    return true;
  }

  // sizeof and _Alignof do not evaluate their operand (VLAs aside, which
  // async functions reject): no use, no escape.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *E) {
    if (E->isArgumentType())
      return true;
    return WalkUpFromUnaryExprOrTypeTraitExpr(E) && noteUnevaluated(E);
  }

private:
  bool noteUnevaluated(UnaryExprOrTypeTraitExpr *E) {
    // Still record references, so a parameter used only in sizeof keeps
    // its declaration somewhere.
    struct Refs : RecursiveASTVisitor<Refs> {
      VariableCollector &C;
      explicit Refs(VariableCollector &C) : C(C) {}
      bool VisitDeclRefExpr(DeclRefExpr *D) {
        if (const auto *VD = dyn_cast<VarDecl>(D->getDecl()))
          C.Referenced.insert(VD);
        return true;
      }
    } R(*this);
    R.TraverseStmt(E->getArgumentExpr());
    return true;
  }

  /// Whether this reference makes a pointer to (part of) the variable that
  /// may outlive its statement: `&x`, `&x.f`, `&a[i]`, or an array
  /// decaying anywhere but a subscript, unless the pointer only goes to a
  /// call that does not keep it (Escape.h).
  bool addressEscapes(const DeclRefExpr *DRE) {
    const Stmt *Cur = DRE;
    while (const Stmt *P = PM.getParent(Cur)) {
      if (isa<ParenExpr>(P)) {
        Cur = P;
        continue;
      }
      if (const auto *ME = dyn_cast<MemberExpr>(P)) {
        if (ME->isArrow() || ME->getBase() != Cur)
          return false;
        Cur = P;
        continue;
      }
      if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P)) {
        if (ICE->getCastKind() != CK_ArrayToPointerDecay)
          return false;
        const Stmt *Use = PM.getParentIgnoreParens(P);
        if (const auto *ASE = dyn_cast_or_null<ArraySubscriptExpr>(Use))
          if (ASE->getBase()->IgnoreParens() == ICE) {
            Cur = ASE;
            continue;
          }
        if (const auto *UO = dyn_cast_or_null<UnaryOperator>(Use))
          if (UO->getOpcode() == UO_Deref) {
            Cur = UO;
            continue;
          }
        return Escapes.valueMayEscape(ICE, PM);
      }
      if (const auto *UO = dyn_cast<UnaryOperator>(P))
        return UO->getOpcode() == UO_AddrOf && Escapes.valueMayEscape(UO, PM);
      return false;
    }
    return false;
  }

  ParentMap &PM;
  PointerEscapes &Escapes;
};

/// The statement whose extent is the lifetime of a local's storage.
const Stmt *
storageScope(const VarDecl *VD, ParentMap &PM, const Stmt *Body,
             const llvm::DenseMap<const VarDecl *, const DeclStmt *> &DeclOf) {
  auto It = DeclOf.find(VD);
  if (It == DeclOf.end())
    return Body;
  const Stmt *Cur = It->second;
  while (const Stmt *P = PM.getParent(Cur)) {
    if (isa<CompoundStmt>(P) || isa<ForStmt>(P))
      return P;
    Cur = P;
  }
  return Body;
}

bool isInside(const Stmt *S, const Stmt *Ancestor, ParentMap &PM) {
  for (const Stmt *Cur = S; Cur; Cur = PM.getParent(Cur))
    if (Cur == Ancestor)
      return true;
  return false;
}

/// The child of Scope that S is in, or null when S is not inside Scope.
const Stmt *childOf(const Stmt *Scope, const Stmt *S, ParentMap &PM) {
  for (const Stmt *Cur = S; Cur; Cur = PM.getParent(Cur))
    if (PM.getParent(Cur) == Scope)
      return Cur;
  return nullptr;
}

bool hasLabel(const Stmt *S) {
  if (!S)
    return false;
  if (isa<LabelStmt>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (hasLabel(Child))
      return true;
  return false;
}

/// Where a pointer to an escaping local may exist in its block: from the
/// statement of the block that declares it to the block's end. A pointer
/// cannot exist before the declaration: the name is not in scope there,
/// and every jump back to an earlier statement of the block is a goto (a
/// loop or a switch enters the block again, and the earlier lifetime has
/// ended). So the region starts at that statement unless a label before it
/// lets a goto return there; then it is the whole block. Returns the first
/// statement of the region, or null for the whole block.
const Stmt *escapeRegionStart(
    const VarDecl *VD, const Stmt *Scope, ParentMap &PM,
    const llvm::DenseMap<const VarDecl *, const DeclStmt *> &DeclOf) {
  const auto *Block = dyn_cast<CompoundStmt>(Scope);
  auto It = DeclOf.find(VD);
  if (!Block || It == DeclOf.end())
    return nullptr;
  const Stmt *Declaring = childOf(Block, It->second, PM);
  if (!Declaring)
    return nullptr;
  for (const Stmt *Child : Block->body()) {
    if (Child == Declaring)
      return Declaring;
    if (hasLabel(Child))
      return nullptr;
  }
  return nullptr;
}

/// Whether S is in Scope at or after its statement Start (anywhere in Scope
/// when Start is null).
bool isInsideFrom(const Stmt *S, const Stmt *Scope, const Stmt *Start,
                  ParentMap &PM) {
  const Stmt *Child = childOf(Scope, S, PM);
  if (!Child)
    return false;
  if (!Start)
    return true;
  for (const Stmt *C : cast<CompoundStmt>(Scope)->body()) {
    if (C == Start)
      return true;
    if (C == Child)
      return false;
  }
  return false;
}

} // namespace

namespace {

/// Backward may-liveness of the function's automatic variables over its CFG
/// (every subexpression an element).
class Dataflow {
public:
  Dataflow(const CFG &G, const VariableCollector &VC,
           const llvm::SmallPtrSetImpl<const Stmt *> &SelectTails)
      : G(G), VC(VC), SelectTails(SelectTails), N(VC.Vars.size()),
        LiveIn(G.getNumBlockIDs(), llvm::BitVector(VC.Vars.size())) {
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const CFGBlock *B : G) {
        llvm::BitVector In = liveOut(*B);
        for (auto I = B->rbegin(), E = B->rend(); I != E; ++I)
          if (auto CS = I->getAs<CFGStmt>())
            transfer(CS->getStmt(), In);
        if (In != LiveIn[B->getBlockID()]) {
          LiveIn[B->getBlockID()] = std::move(In);
          Changed = true;
        }
      }
    }
  }

  llvm::BitVector liveOut(const CFGBlock &B) const {
    llvm::BitVector Out(N);
    // The arm of a ca_select's `0 ?` holds the later branches: dead to
    // clang, run by the lowered select, which reads their arguments.
    bool SelectTail = SelectTails.count(B.getTerminatorStmt());
    for (const CFGBlock::AdjacentBlock &Succ : B.succs())
      if (const CFGBlock *SB = SelectTail ? Succ.getPossiblyUnreachableBlock()
                                          : Succ.getReachableBlock())
        Out |= LiveIn[SB->getBlockID()];
    return Out;
  }
  const llvm::BitVector &liveAtEntry() const {
    return LiveIn[G.getEntry().getBlockID()];
  }

  /// Calls Visit(S, LiveAfterS) for every element, backwards.
  template <typename Fn> void forEachElement(Fn Visit) const {
    for (const CFGBlock *B : G) {
      llvm::BitVector Live = liveOut(*B);
      for (auto I = B->rbegin(), E = B->rend(); I != E; ++I)
        if (auto CS = I->getAs<CFGStmt>()) {
          Visit(CS->getStmt(), Live);
          transfer(CS->getStmt(), Live);
        }
    }
  }

  /// The variable S writes as a whole (`v = ...`, a declaration), if any.
  int defined(const Stmt *S) const {
    if (auto It = VC.WrittenAt.find(S); It != VC.WrittenAt.end())
      return index(It->second);
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->getOpcode() == BO_Assign)
        if (const auto *DRE =
                dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParens()))
          return index(DRE->getDecl());
    } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      // The CFG splits declarations: one variable per DeclStmt element.
      for (const Decl *D : DS->decls())
        if (int I = index(D); I >= 0)
          return I;
    }
    return -1;
  }

private:
  int index(const Decl *D) const {
    auto It = VC.Index.find(dyn_cast<VarDecl>(D));
    return It == VC.Index.end() ? -1 : (int)It->second;
  }
  /// Backwards: a read makes a variable live; a definition (an assignment
  /// of the whole variable, or its declaration, which starts a new value,
  /// initialised or indeterminate) ends that.
  void transfer(const Stmt *S, llvm::BitVector &Live) const {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
      int I = index(DRE->getDecl());
      if (I >= 0 && !VC.DefOnly.count(DRE))
        Live.set(I);
    } else if (int I = defined(S); I >= 0) {
      Live.reset(I);
    }
  }

  const CFG &G;
  const VariableCollector &VC;
  const llvm::SmallPtrSetImpl<const Stmt *> &SelectTails;
  unsigned N;
  std::vector<llvm::BitVector> LiveIn;
};

} // namespace

void computeLiveness(AsyncFunction &F, ASTContext &Ctx, DiagSink &Diags) {
  const FunctionDecl *FD = F.Decl;
  Stmt *Body = FD->getBody();
  ParentMap PM(Body);
  PointerEscapes Escapes(Ctx);
  VariableCollector VC(PM, Escapes);
  llvm::SmallPtrSet<const Stmt *, 4> SelectTails;
  for (const AwaitSite &A : F.Awaits)
    if (A.Comb == Combinator::Select) {
      for (const Branch &B : A.Branches)
        if (B.Assignment)
          VC.MaybeAssigned.insert(B.Assignment);
      SelectTails.insert(selectTail(A.CombExpr));
    }
  for (const ParmVarDecl *P : FD->parameters())
    VC.add(P);
  VC.TraverseStmt(Body);
  // Each item of a ca_for is written to its variable when the loop asks
  // the generator for it (its condition), not once at the declaration.
  llvm::DenseMap<const VarDecl *, const ForSite *> ForOfSlot;
  for (const ForSite &FS : F.Fors) {
    VC.WrittenAt[FS.Loop->getCond()] = FS.Var;
    ForOfSlot[FS.Slot] = &FS;
  }

  llvm::DenseMap<const VarDecl *, const DeclStmt *> DeclOf;
  struct DeclStmts : RecursiveASTVisitor<DeclStmts> {
    llvm::DenseMap<const VarDecl *, const DeclStmt *> &Out;
    explicit DeclStmts(decltype(Out) O) : Out(O) {}
    bool VisitDeclStmt(DeclStmt *DS) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          Out[VD] = DS;
      return true;
    }
  } DSV(DeclOf);
  DSV.TraverseStmt(Body);

  CFG::BuildOptions BO;
  BO.setAllAlwaysAdd(); // every subexpression is an element
  std::unique_ptr<CFG> G = CFG::buildCFG(FD, Body, &Ctx, BO);
  if (!G) {
    Diags.internalError(FD->getLocation(),
                        "cannot build the control-flow graph of async "
                        "function '" +
                            F.Name + "'");
    return;
  }
  Dataflow DF(*G, VC, SelectTails);
  unsigned N = VC.Vars.size();

  // Held across each await: live right after the awaited call returns.
  llvm::DenseMap<const Stmt *, unsigned> AwaitOfCall;
  // (A combinator: right after its whole expression, all branches done.)
  // (A yield: right after its expression, the item handed out.)
  // (A ca_for_await: right after its condition, less the loop's variable,
  // which the stream's poll writes when it has an item.)
  for (unsigned I = 0; I != F.Awaits.size(); ++I)
    AwaitOfCall[F.Awaits[I].Call ? (const Stmt *)F.Awaits[I].Call
                : F.Awaits[I].Yield
                    ? cast<ParenExpr>(F.Awaits[I].Marker)->getSubExpr()
                : F.Awaits[I].Loop ? F.Awaits[I].Marker
                                   : F.Awaits[I].CombExpr] = I;
  std::vector<llvm::BitVector> Held(F.Awaits.size(), llvm::BitVector(N));
  llvm::BitVector Anchored(F.Awaits.size());
  DF.forEachElement([&](const Stmt *S, const llvm::BitVector &LiveAfter) {
    auto It = AwaitOfCall.find(S);
    if (It != AwaitOfCall.end()) {
      Held[It->second] |= LiveAfter;
      Anchored.set(It->second);
    }
  });
  for (unsigned I = 0; I != F.Awaits.size(); ++I)
    if (const ForStmt *Loop = F.Awaits[I].Loop)
      if (auto It = VC.Index.find(F.forAt(Loop)->Var); It != VC.Index.end())
        Held[I].reset(It->second);
  for (unsigned I = 0; I != F.Awaits.size(); ++I)
    if (!Anchored.test(I) &&
        (F.Awaits[I].Comb != Combinator::None || !F.Awaits[I].hasSubFrame()))
      Diags.internalError(F.Awaits[I].location(),
                          "this suspend point is not in the control-flow "
                          "graph of '" +
                              F.Name + "'");

  // `lhs op= await(...)` evaluates lhs after resuming: everything it reads
  // is held (the target of a plain `v = ` is written, not read). So do the
  // assignments of combinator branches.
  auto HoldReads = [&](const Expr *E, llvm::BitVector &Into) {
    struct Reads : RecursiveASTVisitor<Reads> {
      std::vector<const VarDecl *> Vars;
      bool VisitDeclRefExpr(DeclRefExpr *D) {
        if (const auto *VD = dyn_cast<VarDecl>(D->getDecl()))
          Vars.push_back(VD);
        return true;
      }
    } R;
    R.TraverseStmt(const_cast<Expr *>(E));
    for (const VarDecl *VD : R.Vars) {
      auto It = VC.Index.find(VD);
      if (It != VC.Index.end())
        Into.set(It->second);
    }
  };
  auto HoldReadsOf = [&](unsigned I, const BinaryOperator *Assign) {
    const Expr *LHS = Assign->getLHS()->IgnoreParens();
    if (!(Assign->getOpcode() == BO_Assign && isa<DeclRefExpr>(LHS)))
      HoldReads(LHS, Held[I]);
  };
  for (unsigned I = 0; I != F.Awaits.size(); ++I) {
    const AwaitSite &A = F.Awaits[I];
    if (A.Comb == Combinator::Join)
      // Every `v = ` target is written after the join completes: its old
      // value is not needed across it.
      for (const Branch &B : A.Branches)
        if (B.Assignment && B.Assignment->getOpcode() == BO_Assign)
          if (const auto *T =
                  dyn_cast<DeclRefExpr>(B.Assignment->getLHS()->IgnoreParens()))
            if (auto It = VC.Index.find(dyn_cast<VarDecl>(T->getDecl()));
                It != VC.Index.end())
              Held[I].reset(It->second);
    for (const Branch &B : A.Branches)
      if (B.Assignment)
        HoldReadsOf(I, B.Assignment);
    // Branches start one after another, after the combinator's storage is
    // set up and earlier branches ran: what their arguments read must not
    // share bytes with that storage.
    for (const Branch &B : A.Branches) {
      for (const Expr *Arg : B.Call->arguments())
        HoldReads(Arg, Held[I]);
      if (B.Indirect) // the pointer is read when the branch starts too
        HoldReads(B.Call->getCallee(), Held[I]);
    }
    if (A.Assignment)
      HoldReadsOf(I, A.Assignment);
  }

  // What is held for its value, before the scope rule adds the escaping.
  llvm::BitVector HeldForValue(N);
  for (const llvm::BitVector &H : Held)
    HeldForValue |= H;

  // Escaping locals are held across every await inside their block (the
  // whole body for a parameter).
  // var index -> its block, and where in it a pointer may exist
  llvm::DenseMap<unsigned, std::pair<const Stmt *, const Stmt *>> EscapeScope;
  for (const VarDecl *VD : VC.Escaping) {
    const Stmt *Scope = storageScope(VD, PM, Body, DeclOf);
    const Stmt *Start = escapeRegionStart(VD, Scope, PM, DeclOf);
    unsigned V = VC.Index[VD];
    // Even without an await inside, its bytes must not be shared while a
    // pointer can reach them.
    EscapeScope[V] = {Scope, Start};
    for (unsigned I = 0; I != F.Awaits.size(); ++I)
      if (isInsideFrom(F.Awaits[I].Marker, Scope, Start, PM))
        Held[I].set(V);
  }

  // The frame keeps what is held across an await, and every parameter the
  // body uses: f__init stores them and runs no code.
  llvm::BitVector Keep(N);
  for (const llvm::BitVector &H : Held)
    Keep |= H;
  for (const ParmVarDecl *P : FD->parameters())
    if (VC.Referenced.count(P))
      Keep.set(VC.Index[P]);
  // A ca_owned parameter holds its value until the first poll, read or not:
  // f__drop of a frame that never ran releases it.
  llvm::BitVector AtEntry = DF.liveAtEntry();
  for (const AsyncFunction::OwnedParam &O : F.Owned) {
    Keep.set(VC.Index[O.Param]);
    AtEntry.set(VC.Index[O.Param]);
  }

  llvm::StringSet<> Taken;
  std::vector<int> SavedOfVar(N, -1);
  for (unsigned I = 0; I != N; ++I) {
    if (!Keep.test(I))
      continue;
    const VarDecl *VD = VC.Vars[I];
    SavedVar SV;
    SV.Var = VD;
    // Kept only because a pointer may still reach it: ending its block
    // before the await would free the bytes.
    SV.AddressEscapes =
        EscapeScope.count(I) && !isa<ParmVarDecl>(VD) && !HeldForValue.test(I);
    // Fields keep the user's names; shadowed names get a suffix.
    std::string Base = VD->getName().empty() ? contract::UnnamedParamField.str()
                                             : VD->getName().str();
    if (auto It = ForOfSlot.find(VD); It != ForOfSlot.end()) {
      // A ca_for's generator frame, kept across the loop's suspend points.
      SV.Generator = It->second->Callee;
      SV.AddressEscapes = false;
      Base = contract::forFrameVar(It->second->Index);
    }
    SV.Field = Base;
    for (unsigned K = 1; !Taken.insert(SV.Field).second; ++K)
      SV.Field = Base + "_" + std::to_string(K);
    SavedOfVar[I] = F.Saved.size();
    F.SavedIndex[VD] = F.Saved.size();
    F.Saved.push_back(SV);
  }
  // A function that never suspends is plain C in f__sync when nothing but
  // its parameters is kept (the frame only carries them to the call) and
  // each can be a parameter of f__sync as it is of f (a va_list is an
  // array type there; a variably modified type names other parameters).
  F.BodyInSync = !F.MaySuspend;
  for (const SavedVar &SV : F.Saved) {
    const auto *P = dyn_cast_or_null<ParmVarDecl>(SV.Var);
    if (!P || P->getType()->isVariablyModifiedType() ||
        Ctx.hasSameUnqualifiedType(P->getOriginalType(),
                                   Ctx.getBuiltinVaListType()))
      F.BodyInSync = false;
  }
  for (const ParmVarDecl *P : F.Decl->parameters())
    if (P->getType()->isVariablyModifiedType() ||
        Ctx.hasSameUnqualifiedType(P->getOriginalType(),
                                   Ctx.getBuiltinVaListType()))
      F.BodyInSync = false;
  F.HeldAcross.assign(F.Awaits.size(), {});
  for (unsigned A = 0; A != F.Awaits.size(); ++A)
    for (unsigned I : Held[A].set_bits())
      F.HeldAcross[A].push_back(SavedOfVar[I]);
  F.HeldAtStart.clear();
  for (unsigned I : AtEntry.set_bits())
    if (SavedOfVar[I] >= 0)
      F.HeldAtStart.push_back(SavedOfVar[I]);

  // A compound literal is an unnamed object living until the end of its
  // block; a pointer to it may be used anywhere there, like an escaping
  // local.
  struct ScopedSlot {
    unsigned Slot;
    const Stmt *Scope, *Start; ///< live from Start (all of Scope if null)
    /// A ca_for's generator frame: not in the loop's init clause, whose
    /// arguments are read before the generator's init writes its frame.
    const Stmt *Except = nullptr;
    bool contains(const Stmt *S, ParentMap &PM) const {
      return isInsideFrom(S, Scope, Start, PM) &&
             !(Except && isInside(S, Except, PM));
    }
  };
  std::vector<ScopedSlot> ScopedSlots;
  for (auto &[V, Region] : EscapeScope)
    if (SavedOfVar[V] >= 0) {
      auto It = ForOfSlot.find(VC.Vars[V]);
      ScopedSlots.push_back(
          {(unsigned)SavedOfVar[V], Region.first, Region.second,
           It == ForOfSlot.end() ? nullptr : It->second->Loop->getInit()});
    }
  unsigned Literals = 0;
  for (const CompoundLiteralExpr *L : VC.Literals) {
    const Stmt *Scope = Body;
    for (const Stmt *P = PM.getParent(L); P; P = PM.getParent(P))
      if (isa<CompoundStmt>(P) || isa<ForStmt>(P)) {
        Scope = P;
        break;
      }
    std::vector<unsigned> Across;
    for (unsigned A = 0; A != F.Awaits.size(); ++A)
      if (isInside(F.Awaits[A].Marker, Scope, PM))
        Across.push_back(A);
    if (Across.empty())
      continue;
    SavedVar SV;
    SV.Literal = L;
    SV.AddressEscapes = true;
    SV.Field = contract::literalField(++Literals);
    F.SavedIndex[L] = F.Saved.size();
    for (unsigned A : Across)
      F.HeldAcross[A].push_back(F.Saved.size());
    ScopedSlots.push_back({(unsigned)F.Saved.size(), Scope, nullptr});
    F.Saved.push_back(SV);
  }

  // Interference: two saved slots may not share bytes when both may hold a
  // needed value at one program point, or when one is written while the
  // other is live. A slot held for its block's extent (escaping locals,
  // literals) is live at every point inside that block.
  unsigned NS = F.Saved.size();
  F.Conflicts.assign(NS, llvm::BitVector(NS));
  auto Conflict = [&](unsigned A, unsigned B) {
    if (A != B) {
      F.Conflicts[A].set(B);
      F.Conflicts[B].set(A);
    }
  };
  auto Clique = [&](const std::vector<unsigned> &Slots) {
    for (unsigned I = 0; I < Slots.size(); ++I)
      for (unsigned J = I + 1; J < Slots.size(); ++J)
        Conflict(Slots[I], Slots[J]);
  };
  std::vector<unsigned> Entry;
  for (unsigned I : AtEntry.set_bits())
    if (SavedOfVar[I] >= 0)
      Entry.push_back(SavedOfVar[I]);
  Clique(Entry); // f__init writes them all
  DF.forEachElement([&](const Stmt *S, const llvm::BitVector &LiveAfter) {
    std::vector<unsigned> Now;
    for (unsigned I : LiveAfter.set_bits())
      if (SavedOfVar[I] >= 0)
        Now.push_back(SavedOfVar[I]);
    for (const ScopedSlot &SS : ScopedSlots)
      if (SS.contains(S, PM))
        Now.push_back(SS.Slot);
    Clique(Now);
    int Def = DF.defined(S);
    if (Def >= 0 && SavedOfVar[Def] >= 0) {
      for (unsigned Other : Now)
        Conflict(SavedOfVar[Def], Other);
      // `s = t` of a struct: t may be dead after the statement, but the
      // copy reads and writes at once and must not move between
      // overlapping bytes (a memcpy with overlap). Scalars are loaded
      // before they are stored; calls return a fresh value.
      const Expr *Source = nullptr;
      if (const auto *BO = dyn_cast<BinaryOperator>(S))
        Source = BO->getRHS();
      else if (const auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D))
            Source = VD->getInit();
      while (Source && !VC.Vars[Def]->getType()->isScalarType()) {
        Source = Source->IgnoreParenImpCasts();
        if (const auto *ME = dyn_cast<MemberExpr>(Source)) {
          Source = ME->isArrow() ? nullptr : ME->getBase();
        } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Source)) {
          Source = AS->getBase();
        } else {
          if (const auto *DRE = dyn_cast<DeclRefExpr>(Source)) {
            auto It = VC.Index.find(dyn_cast<VarDecl>(DRE->getDecl()));
            if (It != VC.Index.end() && SavedOfVar[It->second] >= 0)
              Conflict(SavedOfVar[Def], SavedOfVar[It->second]);
          }
          break;
        }
      }
    }
  });
  // Block-long slots are alive together when one's block is in the other's
  // region (or both are in one block: both regions run to its end).
  for (const ScopedSlot &A : ScopedSlots)
    for (const ScopedSlot &B : ScopedSlots)
      if (A.Scope == B.Scope || isInsideFrom(A.Scope, B.Scope, B.Start, PM))
        Conflict(A.Slot, B.Slot);
  markInLocals(F, VC.Escaping, VC.Referenced, PM, DeclOf);
}

} // namespace cawait
