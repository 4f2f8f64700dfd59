//===- EmitBody.h - Emit's body emitter and lowering printer
//----------------===//
//
// Private to the Emit*.cpp files. BodyEmitter takes one async function
// after layout and writes its body into the poll function, statement by
// statement (EmitStatements.cpp), each await as a suspend point
// (EmitAwaits.cpp); it gives, per suspend state, the cleanups f__drop runs
// there. LoweringPrinter prints the expressions of that body, or of a
// start's arguments, through the shared ExprPrinter: kept variables as
// frame fields, awaits of functions that never suspend as f__sync calls,
// starts as their lowering (EmitExpr.cpp). The helpers below are shared by
// these files and the declaration printers (EmitDecls.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_EMITBODY_H
#define CAWAIT_PASSES_EMITBODY_H

#include "CEmitter.h"
#include "Emit.h"
#include "ExprPrinter.h"
#include "Markers.h"
#include "Shape.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace cawait {
namespace emit {

using namespace clang;

/// Whether `=` cannot store a whole value of T (a struct with a const
/// member): such fields are filled with memcpy.
bool hasConstMember(QualType T);
/// `__builtin_memcpy(&Dst, &Src, sizeof(Dst));` of objects of type T.
std::string copyBytes(const std::string &Dst, const std::string &Src,
                      QualType T, const ASTContext &Ctx);
/// `Field = Value;` for a frame field of type T; Value is an lvalue when
/// T cannot be assigned.
std::string storeField(const std::string &Field, const std::string &Value,
                       QualType T, const ASTContext &Ctx);
/// The type of a parameter in generated declarations: a va_list as
/// written (its decayed type is a pointer to a struct C cannot name).
QualType paramType(const ParmVarDecl *P);
/// `struct f__frame`.
std::string frameType(const FunctionDecl *FD);
/// The storage of a call through an async function pointer:
/// `CA__IN_PLACE(budget)` or `ca__boxed_call`.
std::string indirectStorageType(bool Boxed, unsigned Budget);
/// What a combinator branch's storage is: its callee's frame type, or that.
std::string branchStorageType(const Branch &B);
/// Drops what a branch's storage (an lvalue) holds, in any state.
std::string dropBranch(const Branch &B, const std::string &Storage);

class BodyEmitter;

/// Prints expressions of an async function (or of a start's arguments) with
/// the lowering applied below them.
class LoweringPrinter : public ExprPrinter {
public:
  LoweringPrinter(Emitter &E, const AsyncFunction *F)
      : ExprPrinter(E.context(), E.policy(), "\n", E.preprocessor(),
                    E.reports()),
        E(E), F(F) {}

private:
  std::string print(const Expr *X) override { return E.expr(X, F); }
  bool mustPrint(const Stmt *S) override { return mustLower(S); }
  bool printEarly(Stmt *S, raw_ostream &OS) override;
  bool printLate(Stmt *S, raw_ostream &OS) override;
  /// A value of type T for an operand C never evaluates.
  std::string unevaluatedValue(QualType T) {
    T = T.getUnqualifiedType();
    if (T->isVoidType())
      return "((void)0)";
    return "(*(" + E.declare(E.context().getPointerType(T), "") + ")0)";
  }
  /// Whether S is printed other than as written: a marker, a kept variable
  /// or compound literal, an async call in an operand C never evaluates.
  bool mustLower(const Stmt *S) const {
    const auto *X = dyn_cast<Expr>(S);
    if (!X)
      return false;
    if (markerKind(X, E.context()))
      return true;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(X))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        return F && F->inFrame(VD);
    if (const auto *CE = dyn_cast<CallExpr>(X))
      return isAsyncFunction(CE->getDirectCallee());
    if (const auto *L = dyn_cast<CompoundLiteralExpr>(X))
      return F && F->inFrame(L);
    return false;
  }

  Emitter &E;
  const AsyncFunction *F;
};

/// Emits the statements of an async function's body.
class BodyEmitter {
public:
  /// InStatementExpression: the body of a statement expression, which
  /// has no await (Classify numbers none there: Normalize moved them out).
  BodyEmitter(Emitter &E, CEmitter &Out, const AsyncFunction &F,
              bool InStatementExpression = false)
      : E(E), Out(Out), F(F), Ctx(E.context()),
        InStatementExpression(InStatementExpression) {}
  BodyEmitter(const BodyEmitter &) = delete;
  BodyEmitter &operator=(const BodyEmitter &) = delete;

  void stmt(const Stmt *S);
  /// Per suspend state: the cleanup calls f__drop makes there (scopes open
  /// at that await, innermost first).
  const std::map<unsigned, std::vector<std::string>> &dropCleanups() const {
    return DropCleanups;
  }
  /// Sub-statement of if/while/for/do/switch, always as a block: those are
  /// blocks in C already, so the braces change nothing.
  void block(const Stmt *S) {
    if (isa<CompoundStmt>(S)) {
      stmt(S);
      return;
    }
    Out.line("{");
    Out.indent();
    stmt(S);
    Out.dedent();
    Out.line("}");
  }

private:
  std::string expr(const Expr *X) { return E.expr(X, &F); }
  std::string field(const VarDecl *VD) {
    return "ca__f->" + F.savedFor(VD)->Field;
  }
  void expression(const Expr *X);
  void declStmt(const DeclStmt *DS);
  /// Declares a local of poll as written; WithoutCleanup: without its
  /// cleanup attribute, when poll calls the cleanup (callsOwnCleanup).
  void declare(const VarDecl *VD, const std::string &InitText,
               bool WithoutCleanup = false);
  bool callsOwnCleanup(const VarDecl *VD) const;
  void initSaved(const VarDecl *VD);
  void returnStmt(const ReturnStmt *RS);
  void await(const AwaitSite &A);
  void combinator(const AwaitSite &A);
  void indirect(const AwaitSite &A);
  /// Calls Call's pointer, which places its frame in Storage (an lvalue
  /// of indirectStorageType), or in a box, and sets Storage's ops.
  void startIndirect(const CallExpr *Call, const std::string &Storage,
                     bool Boxed, unsigned Budget);
  /// Records the state, then the resume label and the poll (PollCall
  /// without its last two arguments) that returns while pending.
  void suspend(const AwaitSite &A, const std::string &PollCall);
  /// `yield(e);`: e through ca__out, then the suspend point
  /// (EmitGenerators.cpp).
  void yieldItem(const AwaitSite &A);
  /// A ca_for loop over a generator (EmitGenerators.cpp).
  void generatorLoop(const ForSite &FS);
  /// The variables A holds that live in locals (SavedVar::InLocal).
  std::vector<const SavedVar *> heldInLocals(const AwaitSite &A) const;
  /// Stores what A holds in locals into their frame fields: those its
  /// awaited call writes (`g(x++)`), or the others (a combinator: all).
  void storeHeld(const AwaitSite &A, bool WrittenByCall);
  /// Loads what A holds in locals back from their frame fields.
  void loadHeld(const AwaitSite &A);
  /// A's resume label; when A holds variables in locals, in a block only
  /// the resume enters, which loads them (OnlyForDebuggers: without
  /// optimization only).
  void resumeLabel(const AwaitSite &A, bool OnlyForDebuggers);
  /// `return CA_PENDING;` (under `if (Pending)` unless empty), storing
  /// what A holds in locals first.
  void pendingReturn(const AwaitSite &A, const std::string &Pending);
  void finish() {
    Out.line("ca__f->ca__state = " + std::to_string(F.doneState()) + ";");
    Out.line("return CA_READY;");
  }

  // Cleanup locals kept in the frame, and locals of poll declared in their
  // scope (callsOwnCleanup): C runs their cleanup when their block is
  // left; the poll function must call it itself on every way out (end of
  // block, break, continue, goto, return), innermost first.
  struct Scope {
    const Stmt *Block;
    std::vector<const VarDecl *> Cleanups; ///< in declaration order
  };
  std::vector<Scope> Scopes;
  std::vector<size_t> BreakDepth, ContinueDepth; ///< Scopes.size() at loop
  bool hasCleanups() const {
    for (const Scope &Sc : Scopes)
      if (!Sc.Cleanups.empty())
        return true;
    return false;
  }
  /// The cleanup calls of Scopes[From..], innermost first, in reverse
  /// declaration order.
  std::vector<std::string> cleanupCalls(size_t From) {
    std::vector<std::string> Calls;
    for (size_t I = Scopes.size(); I-- > From;)
      for (auto It = Scopes[I].Cleanups.rbegin();
           It != Scopes[I].Cleanups.rend(); ++It) {
        // A ca_for's generator frame is dropped.
        const SavedVar *SV = F.savedFor(*It);
        std::string Fn = SV && SV->Generator
                             ? contract::dropName(SV->Generator->getName())
                             : (*It)
                                   ->getAttr<CleanupAttr>()
                                   ->getFunctionDecl()
                                   ->getName()
                                   .str();
        std::string Object =
            F.inFrame(*It) ? field(*It) : (*It)->getName().str();
        Calls.push_back(Fn + "(&" + Object + ");");
      }
    return Calls;
  }
  void runCleanups(size_t From) {
    for (const std::string &Call : cleanupCalls(From))
      Out.line(Call);
  }
  /// Records what leaving every open scope runs at A: what a drop in A's
  /// state must run.
  void recordDropCleanups(const AwaitSite &A) {
    assert(!InStatementExpression && "an await in a statement expression");
    DropCleanups[A.State] = cleanupCalls(0);
  }
  /// The outermost scope a jump to Target leaves.
  size_t firstScopeNotEnclosing(const Stmt *Target) {
    if (!PM)
      PM = std::make_unique<ParentMap>(const_cast<Stmt *>(F.Decl->getBody()));
    llvm::SmallPtrSet<const Stmt *, 8> Enclosing;
    for (const Stmt *P = Target; P; P = PM->getParent(P))
      Enclosing.insert(P);
    size_t I = 0;
    while (I < Scopes.size() && Enclosing.count(Scopes[I].Block))
      ++I;
    return I;
  }
  std::unique_ptr<ParentMap> PM;
  /// The body of a loop (Continue) or switch: break and continue inside
  /// leave the scopes opened below it.
  void loopBody(const Stmt *Body, bool Continue) {
    BreakDepth.push_back(Scopes.size());
    if (Continue)
      ContinueDepth.push_back(Scopes.size());
    block(Body);
    BreakDepth.pop_back();
    if (Continue)
      ContinueDepth.pop_back();
  }

  Emitter &E;
  CEmitter &Out;
  const AsyncFunction &F;
  ASTContext &Ctx;
  bool InStatementExpression;
  std::map<unsigned, std::vector<std::string>> DropCleanups;
  // The tag defined inside the declaration being emitted, if any.
  const TagDecl *GroupTag = nullptr;
  bool GroupTagPrinted = false;
  /// How the later declarators write an unnamed GroupTag: the typedef that
  /// names it, or `__typeof__(...)` of the first declarator (`*p`, `a[0]`).
  std::string GroupBase;
  /// `__typeof__` of the GroupTag value reached from First, of type T.
  std::string groupBase(QualType T, const std::string &First);
  /// A later declarator of the declaration that defines an unnamed
  /// GroupTag: `__typeof__(s) *ps`.
  std::string laterDeclarator(QualType T, llvm::StringRef Name);
};

} // namespace emit
} // namespace cawait

#endif
