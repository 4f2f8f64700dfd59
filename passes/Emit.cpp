//===- Emit.cpp - C text for frames, init/poll/drop and starts -----------===//
//
// Shape of a lowered `async T f(P...)` with awaits numbered 1..N:
//
//   ca_poll f__poll(struct f__frame *ca__f, ca_context *ca__cx, T *ca__out) {
//     R1 ca__r1; ...                    results of the awaited calls
//     if (__builtin_expect(ca__f->ca__state != 0, 1))  (0: start at the top)
//       switch (ca__f->ca__state) {     jump straight to the suspend point
//       case K: goto ca__resumeK;
//       default: ca__poll_after_done("f");
//       }
//     ... body; each await K is:
//       g__init(&ca__f->ca__awK, args);  ca__f->ca__state = K;
//     ca__resumeK:
//       if (g__poll(&ca__f->ca__awK, ca__cx, &ca__rK) == CA_PENDING)
//         return CA_PENDING;
//     ... return e; is { *ca__out = e; ca__f->ca__state = N+1; return CA_READY;
//     }
//   }
//
// Jumping into blocks is plain C; it skips only declarations of locals that
// liveness proved dead at the suspend point.
//
//===----------------------------------------------------------------------===//
#include "Emit.h"
#include "CEmitter.h"
#include "Discover.h"
#include "ExprPrinter.h"
#include "Layout.h"
#include "SourceText.h"
#include "TypeText.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/Basic/TypeTraits.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

#define DEBUG_TYPE "cawait-emit"

using namespace clang;

namespace cawait {
namespace {

bool containsEmbed(const Stmt *S) {
  if (isa<EmbedExpr>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (Child && containsEmbed(Child))
      return true;
  return false;
}

/// Whether `=` cannot store a whole value of T (a struct with a const
/// member): such fields are filled with memcpy.
bool hasConstMember(QualType T) {
  const RecordDecl *RD = T->getAsRecordDecl();
  if (!RD || !RD->getDefinition())
    return false;
  for (const FieldDecl *FD : RD->getDefinition()->fields()) {
    QualType FT = FD->getType();
    while (const ArrayType *AT = FT->getAsArrayTypeUnsafe())
      FT = AT->getElementType();
    if (FT.isConstQualified() || hasConstMember(FT))
      return true;
  }
  return false;
}

/// `__builtin_memcpy(&Dst, &Src, sizeof(Dst));` of objects of type T. The
/// address of a volatile object goes through an integer: memcpy's
/// parameters are not volatile (passing it warns; a cast warns under
/// -Wcast-qual).
std::string copyBytes(const std::string &Dst, const std::string &Src,
                      QualType T, const ASTContext &Ctx) {
  std::string To = "&" + Dst, From = "&" + Src;
  if (Ctx.getBaseElementType(T).isVolatileQualified()) {
    To = "(void *)(__UINTPTR_TYPE__)" + To;
    From = "(const void *)(__UINTPTR_TYPE__)" + From;
  }
  return "__builtin_memcpy(" + To + ", " + From + ", sizeof(" + Dst + "));";
}

/// `Field = Value;` for a frame field of type T; Value is an lvalue when
/// T cannot be assigned.
std::string storeField(const std::string &Field, const std::string &Value,
                       QualType T, const ASTContext &Ctx) {
  if (hasConstMember(T))
    return copyBytes(Field, Value, T, Ctx);
  return Field + " = " + Value + ";";
}

/// The type of a parameter in generated declarations: a va_list as
/// written (its decayed type is a pointer to a struct C cannot name).
QualType paramType(const ParmVarDecl *P) {
  QualType Orig = P->getOriginalType();
  const ASTContext &Ctx = P->getASTContext();
  if (Ctx.hasSameUnqualifiedType(Orig, Ctx.getBuiltinVaListType()))
    return Orig;
  return P->getType();
}

std::string frameType(const FunctionDecl *FD) {
  return "struct " + FD->getNameAsString() + "__frame";
}

/// Whether `await(...)` of A has no value: a void call, or a join (a
/// select's value is the winner's index).
bool awaitResultIsVoid(const AwaitSite &A) {
  if (A.Comb != Combinator::None)
    return A.Comb == Combinator::Join;
  return A.Call->getType()->isVoidType();
}

/// The type of a combinator's storage in the frame of F.
std::string combinatorType(const AsyncFunction &F, const AwaitSite &A) {
  return "struct " + F.Name + "__ca__aw" + std::to_string(A.State);
}

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
        return F && F->savedFor(VD);
    if (const auto *CE = dyn_cast<CallExpr>(X))
      return isAsyncFunction(CE->getDirectCallee());
    if (const auto *L = dyn_cast<CompoundLiteralExpr>(X))
      return F && F->savedFor(L);
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
  void declare(const VarDecl *VD, const std::string &InitText);
  void initSaved(const VarDecl *VD);
  void returnStmt(const ReturnStmt *RS);
  void await(const AwaitSite &A);
  void combinator(const AwaitSite &A);
  void indirect(const AwaitSite &A);
  /// Records the state, then the resume label and the poll (PollCall
  /// without its last two arguments) that returns while pending.
  void suspend(const AwaitSite &A, const std::string &PollCall);
  void finish() {
    Out.line("ca__f->ca__state = " + std::to_string(F.doneState()) + ";");
    Out.line("return CA_READY;");
  }

  // Cleanup locals kept in the frame: C runs their cleanup when their
  // block is left; the poll function must call it itself on every way out
  // (end of block, break, continue, goto, return).
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
        const FunctionDecl *Fn =
            (*It)->getAttr<CleanupAttr>()->getFunctionDecl();
        Calls.push_back(Fn->getName().str() + "(&" + field(*It) + ");");
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
  std::string GroupFirstVar;
};

bool LoweringPrinter::printEarly(Stmt *S, raw_ostream &OS) {
  // An await of a function that never suspends: a call of its f__sync.
  if (const auto *X = dyn_cast<Expr>(S))
    if (const CallExpr *Call = E.shape().syncAwaitAt(X)) {
      OS << Call->getDirectCallee()->getName() << "__sync(";
      const char *Sep = "";
      for (const Expr *Arg : Call->arguments()) {
        OS << Sep << E.expr(Arg, F);
        Sep = ", ";
      }
      OS << ")";
      return true;
    }
  if (const auto *CE = dyn_cast<CallExpr>(S))
    if (isAsyncFunction(CE->getDirectCallee())) {
      // Only in an operand C never evaluates (sizeof, typeof, _Generic):
      // the function is gone, its type is what counts.
      OS << unevaluatedValue(CE->getCallReturnType(E.context()));
      return true;
    }
  if (F)
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (const SavedVar *SV = F->savedFor(VD)) {
          OS << "ca__f->" << SV->Field;
          return true;
        }
  if (const auto *EE = dyn_cast<EmbedExpr>(S)) {
    // printPretty cannot print #embed data (a fatal error): write the
    // directive back.
    std::string Directive = embedDirective(EE, E.context().getSourceManager(),
                                           E.context().getLangOpts());
    if (Directive.empty()) {
      E.diags().error(EE->getBeginLoc(),
                      "cawait cannot read this #embed directive back to "
                      "re-emit it; initialize the array outside the async "
                      "function");
      Directive = "0";
    }
    OS << Directive;
    return true;
  }
  if (const auto *PE = dyn_cast<PredefinedExpr>(S)) {
    // __func__ names the user's function, not the poll function.
    if (const StringLiteral *Name = PE->getFunctionName()) {
      OS << quoteC(Name->getString());
      return true;
    }
  }
  if (const auto *X = dyn_cast<Expr>(S))
    if (const StartSite *St = E.shape().startAt(X)) {
      // In sizeof or typeof nothing starts: only the type counts.
      OS << (St->Unevaluated ? unevaluatedValue(X->getType())
                             : E.startExpr(*St, F));
      return true;
    }
  if (const auto *L = dyn_cast<CompoundLiteralExpr>(S))
    if (const SavedVar *SV = F ? F->savedFor(L) : nullptr) {
      // Initialise the frame's copy each time the literal is evaluated, and
      // use it (an lvalue, like the literal).
      std::string Field = "ca__f->" + SV->Field;
      OS << "(*__extension__({ "
         << copyBytes(Field,
                      "(" + E.declareIn(L->getType(), "", F) + ")" +
                          E.expr(L->getInitializer(), F),
                      L->getType(), E.context())
         << " &" << Field << "; }))";
      return true;
    }
  return false;
}

bool LoweringPrinter::printLate(Stmt *S, raw_ostream &OS) {
  const auto *SE = dyn_cast<StmtExpr>(S);
  if (!SE || !F)
    return false;
  CEmitter Sub(E.context().getSourceManager());
  BodyEmitter Body(E, Sub, *F, /*InStatementExpression=*/true);
  Sub.raw("\n");
  for (const Stmt *Child : SE->getSubStmt()->body())
    Body.stmt(Child);
  OS << "({" << Sub.str() << "})";
  return true;
}

void BodyEmitter::stmt(const Stmt *S) {
  Out.mapTo(S->getBeginLoc());
  if (const auto *X = dyn_cast<Expr>(S)) {
    expression(X);
    return;
  }
  switch (S->getStmtClass()) {
  case Stmt::CompoundStmtClass:
    Out.line("{");
    Out.indent();
    Scopes.push_back({S, {}});
    for (const Stmt *Child : cast<CompoundStmt>(S)->body())
      stmt(Child);
    Out.mapTo(cast<CompoundStmt>(S)->getRBracLoc());
    runCleanups(Scopes.size() - 1);
    Scopes.pop_back();
    Out.dedent();
    Out.line("}");
    return;
  case Stmt::DeclStmtClass:
    declStmt(cast<DeclStmt>(S));
    return;
  case Stmt::ReturnStmtClass:
    returnStmt(cast<ReturnStmt>(S));
    return;
  case Stmt::IfStmtClass: {
    const auto *If = cast<IfStmt>(S);
    Out.line("if (" + expr(If->getCond()) + ")");
    block(If->getThen());
    if (const Stmt *Else = If->getElse()) {
      Out.line("else");
      block(Else);
    }
    return;
  }
  case Stmt::WhileStmtClass: {
    const auto *W = cast<WhileStmt>(S);
    Out.line("while (" + expr(W->getCond()) + ")");
    loopBody(W->getBody(), true);
    return;
  }
  case Stmt::DoStmtClass: {
    const auto *D = cast<DoStmt>(S);
    Out.line("do");
    loopBody(D->getBody(), true);
    Out.mapTo(D->getWhileLoc());
    Out.line("while (" + expr(D->getCond()) + ");");
    return;
  }
  case Stmt::ForStmtClass: {
    // `for (init; c; i) s` is `{ init; for (; c; i) s }` in C: the init
    // clause becomes statements, where an await can be lowered.
    const auto *For = cast<ForStmt>(S);
    bool Wrapped = For->getInit() != nullptr;
    if (Wrapped) {
      Out.line("{");
      Out.indent();
      Scopes.push_back({S, {}});
      stmt(For->getInit());
    }
    std::string Head = "for (;";
    if (For->getCond())
      Head += " " + expr(For->getCond());
    Head += ";";
    if (For->getInc())
      Head += " " + expr(For->getInc());
    Out.mapTo(For->getBeginLoc());
    Out.line(Head + ")");
    loopBody(For->getBody(), true);
    if (Wrapped) {
      runCleanups(Scopes.size() - 1);
      Scopes.pop_back();
      Out.dedent();
      Out.line("}");
    }
    return;
  }
  case Stmt::SwitchStmtClass: {
    const auto *Sw = cast<SwitchStmt>(S);
    Out.line("switch (" + expr(Sw->getCond()) + ")");
    loopBody(Sw->getBody(), false);
    return;
  }
  case Stmt::CaseStmtClass: {
    const auto *C = cast<CaseStmt>(S);
    std::string Label = "case " + expr(C->getLHS());
    if (C->getRHS())
      Label += " ... " + expr(C->getRHS());
    Out.line(Label + ":");
    stmt(C->getSubStmt());
    return;
  }
  case Stmt::DefaultStmtClass:
    Out.line("default:");
    stmt(cast<DefaultStmt>(S)->getSubStmt());
    return;
  case Stmt::LabelStmtClass: {
    const auto *L = cast<LabelStmt>(S);
    Out.line(std::string(L->getName()) + ":;");
    stmt(L->getSubStmt());
    return;
  }
  case Stmt::AttributedStmtClass: {
    // Statement attributes (fallthrough, nomerge, likely, musttail, loop
    // hints) are hints: keep them on a null statement (fallthrough), drop
    // them elsewhere. The statement below is lowered like any other: even
    // without an await, a return, a kept local or a cleanup on a break in
    // it is not what StmtPrinter would print.
    const auto *AS = cast<AttributedStmt>(S);
    const Stmt *Sub = AS->getSubStmt();
    if (isa<NullStmt>(Sub))
      break;
    stmt(Sub);
    return;
  }
  case Stmt::NullStmtClass:
    Out.line(";");
    return;
  case Stmt::BreakStmtClass:
    if (!BreakDepth.empty())
      runCleanups(BreakDepth.back());
    Out.line("break;");
    return;
  case Stmt::ContinueStmtClass:
    if (!ContinueDepth.empty())
      runCleanups(ContinueDepth.back());
    Out.line("continue;");
    return;
  case Stmt::GotoStmtClass: {
    const LabelDecl *L = cast<GotoStmt>(S)->getLabel();
    if (hasCleanups())
      runCleanups(firstScopeNotEnclosing(L->getStmt()));
    Out.line("goto " + L->getName() + ";");
    return;
  }
  case Stmt::IndirectGotoStmtClass:
    Out.line("goto *" + expr(cast<IndirectGotoStmt>(S)->getTarget()) + ";");
    return;
  default:
    break;
  }
  {
    // Statements with nothing to lower inside (asm, attributed null
    // statements): print them whole.
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    LoweringPrinter Helper(E, &F);
    S->printPretty(OS, &Helper, E.policy());
    StringRef Line = StringRef(Text).rtrim();
    // StmtPrinter spells GNU asm `asm`, no keyword in -std=c11 (and an
    // extension -Wpedantic names); `__asm__` is one everywhere.
    if (isa<GCCAsmStmt>(S) && Line.consume_front("asm "))
      Out.line("__asm__ " + Line);
    else
      Out.line(Line);
  }
}

void BodyEmitter::expression(const Expr *X) {
  const AwaitSite *A = F.awaitAt(X);
  if (!A) {
    Out.line(expr(X) + ";");
    return;
  }
  await(*A);
  if (A->Form == AwaitForm::Assign) {
    const BinaryOperator *BO = A->Assignment;
    Out.line(expr(BO->getLHS()) + " " + BO->getOpcodeStr() + " ca__r" +
             std::to_string(A->State) + ";");
  }
}

void BodyEmitter::declStmt(const DeclStmt *DS) {
  GroupTag = nullptr;
  GroupTagPrinted = false;
  for (const Decl *D : DS->decls())
    if (const auto *Tag = dyn_cast<TagDecl>(D))
      if (Tag->isEmbeddedInDeclarator() && !Tag->isFreeStanding() &&
          !E.isHoisted(Tag))
        GroupTag = Tag;
  for (const Decl *D : DS->decls()) {
    const auto *VD = dyn_cast<VarDecl>(D);
    if (std::optional<std::string> Text =
            printCDecl(D, [&](const Expr *X) { return expr(X); })) {
      Out.line(*Text);
      continue;
    }
    if (!VD) {
      if (E.isHoisted(D))
        continue; // declared at file scope, before the frame
      if (const auto *Tag = dyn_cast<TagDecl>(D))
        if (Tag->isEmbeddedInDeclarator() && !Tag->isFreeStanding())
          continue; // printed with the variable that declares it
      if (const auto *TN = dyn_cast<TypedefNameDecl>(D))
        if (!GroupTag && containsTypeofExpr(TN->getUnderlyingType())) {
          // `typedef typeof (x) t;`: x may be a frame field now.
          Out.line(
              "typedef " +
              E.declareIn(TN->getUnderlyingType(), TN->getName().str(), &F) +
              ";");
          continue;
        }
      std::string Text;
      llvm::raw_string_ostream OS(Text);
      PrintingPolicy Policy = E.policy();
      if (GroupTag && isa<TypedefNameDecl>(D)) {
        // `typedef struct { ... } t;`: the definition goes with the first
        // typedef; a later one of an unnamed type cannot name it.
        if (GroupTagPrinted && !GroupTag->getIdentifier()) {
          E.diags().error(D->getLocation(),
                          "a second typedef of an unnamed struct in one "
                          "declaration is not supported in an async "
                          "function yet; give the struct a tag");
          continue;
        }
        Policy.IncludeTagDefinition = !GroupTagPrinted;
        GroupTagPrinted = true;
      }
      D->print(OS, Policy);
      Out.line(Text + ";");
      continue;
    }
    const Expr *Init = VD->getInit();
    if (const AwaitSite *A = F.awaitAt(VD)) {
      await(*A);
      std::string Result = "ca__r" + std::to_string(A->State);
      if (F.savedFor(VD))
        Out.line(storeField(field(VD), Result, VD->getType(), Ctx));
      else
        declare(VD, Result);
      if (F.savedFor(VD) && VD->hasAttr<CleanupAttr>() && !Scopes.empty())
        Scopes.back().Cleanups.push_back(VD);
      continue;
    }
    if (F.savedFor(VD))
      initSaved(VD);
    else
      declare(VD, Init ? expr(Init) : "");
    if (F.savedFor(VD) && VD->hasAttr<CleanupAttr>() && !Scopes.empty())
      Scopes.back().Cleanups.push_back(VD);
  }
}

void BodyEmitter::declare(const VarDecl *VD, const std::string &InitText) {
  std::string Text = storageText(VD);
  QualType T = VD->getType();
  if (GroupTag && !GroupTagPrinted) {
    // `struct pt { ... } a, b;`: the definition goes with the first
    // declarator only.
    PrintingPolicy WithBody = E.policy();
    WithBody.IncludeTagDefinition = true;
    llvm::raw_string_ostream OS(Text);
    T.print(OS, WithBody, VD->getName());
    GroupTagPrinted = true;
    GroupFirstVar = VD->getName().str();
  } else if (GroupTag && !GroupTag->getIdentifier() &&
             T->getAsTagDecl() == GroupTag) {
    // A later declarator of an unnamed type: name it by the first one.
    Text += "__typeof__(" + GroupFirstVar + ") " + VD->getName().str();
  } else if (GroupTag && !GroupTag->getIdentifier()) {
    E.diags().error(VD->getLocation(),
                    "a pointer or array of an unnamed struct declared with "
                    "another variable is not supported in an async function "
                    "yet; give the struct a tag");
    return;
  } else {
    Text += E.declareIn(T, VD->getName().str(), &F);
  }
  Text += attributeText(VD, E.policy());
  if (!InitText.empty())
    Text += " = " + InitText;
  Out.line(Text + ";");
}

void BodyEmitter::initSaved(const VarDecl *VD) {
  const Expr *Init = VD->getInit();
  if (!Init)
    return; // indeterminate, as in C
  const Expr *Bare = Init->IgnoreImpCasts();
  if (containsEmbed(Init)) {
    // #embed in a compound literal is miscompiled by clang 19 at -O1 (the
    // bytes after the second are 0): initialise a declared temporary, as the
    // user wrote it, and copy its bytes.
    Out.line("{");
    Out.indent();
    Out.line(E.declare(VD->getType(), "ca__tmp") + " = " + expr(Init) + ";");
    Out.line("__builtin_memcpy(&" + field(VD) + ", &ca__tmp, sizeof(" +
             field(VD) + "));");
    Out.dedent();
    Out.line("}");
    return;
  }
  if (VD->getType()->isArrayType()) {
    // Arrays cannot be assigned: copy from a compound literal of the same
    // type and initializer.
    std::string List =
        isa<InitListExpr>(Bare) ? expr(Bare) : "{" + expr(Bare) + "}";
    Out.line(copyBytes(field(VD),
                       "(" + E.declare(VD->getType(), "") + ")" + List,
                       VD->getType(), Ctx));
    return;
  }
  if (hasConstMember(VD->getType())) {
    // Initialise a temporary, then copy its bytes: `=` is not allowed.
    Out.line("{");
    Out.indent();
    Out.line(E.declare(VD->getType(), "ca__tmp") + " = " + expr(Init) + ";");
    Out.line(storeField(field(VD), "ca__tmp", VD->getType(), Ctx));
    Out.dedent();
    Out.line("}");
    return;
  }
  if (isa<InitListExpr>(Bare)) {
    Out.line(field(VD) + " = (" + E.declare(VD->getType(), "") + ")" +
             expr(Bare) + ";");
    return;
  }
  Out.line(field(VD) + " = " + expr(Init) + ";");
}

void BodyEmitter::returnStmt(const ReturnStmt *RS) {
  const Expr *V = RS->getRetValue();
  bool VoidResult = F.Decl->getReturnType()->isVoidType();
  Out.line("{");
  Out.indent();
  if (const AwaitSite *A = F.awaitAt(RS)) {
    await(*A);
    if (!VoidResult && !awaitResultIsVoid(*A))
      Out.line(storeField("*ca__out", "ca__r" + std::to_string(A->State),
                          F.Decl->getReturnType(), Ctx));
  } else if (V) {
    if (VoidResult)
      Out.line(expr(V) + ";");
    else if (hasConstMember(F.Decl->getReturnType())) {
      // `=` cannot store it: initialise a temporary, then copy its bytes.
      Out.line(E.declare(F.Decl->getReturnType().getUnqualifiedType(),
                         "ca__tmp") +
               " = (" + expr(V) + ");");
      Out.line(storeField("*ca__out", "ca__tmp", F.Decl->getReturnType(), Ctx));
    } else
      Out.line("*ca__out = " + assignmentOperand(V, expr(V)) + ";");
  }
  runCleanups(0);
  finish();
  Out.dedent();
  Out.line("}");
}

void BodyEmitter::await(const AwaitSite &A) {
  if (A.Comb != Combinator::None) {
    combinator(A);
    return;
  }
  if (A.Indirect) {
    indirect(A);
    return;
  }
  std::string K = std::to_string(A.State);
  std::string Callee = A.Callee->getNameAsString();
  std::string Sub = "&ca__f->ca__aw" + K;
  std::string Init = Callee + "__init(" + Sub;
  for (const Expr *Arg : A.Call->arguments())
    Init += ", " + expr(Arg);
  Out.line(Init + ");");
  suspend(A, Callee + "__poll(" + Sub);
}

void BodyEmitter::suspend(const AwaitSite &A, const std::string &PollCall) {
  std::string K = std::to_string(A.State);
  recordDropCleanups(A);
  Out.line("ca__f->ca__state = " + K + ";");
  Out.label("ca__resume" + K);
  std::string Result =
      A.Call->getType()->isVoidType() ? "(void *)0" : "&ca__r" + K;
  Out.line("if (" + PollCall + ", ca__cx, " + Result + ") == CA_PENDING)");
  Out.line("  return CA_PENDING;");
}

void BodyEmitter::indirect(const AwaitSite &A) {
  // The pointer's function places the callee's frame in this frame's
  // storage (or a box) and inits it; its ops poll and drop it.
  std::string K = std::to_string(A.State);
  std::string Area = "ca__f->ca__aw" + K;
  std::string Args;
  for (const Expr *Arg : A.Call->arguments())
    Args += (Args.empty() ? "" : ", ") + expr(Arg);
  Out.line("{");
  Out.indent();
  Out.line("ca__indirect_call ca__ic = {" +
           (A.Boxed ? std::string("(void *)0, 0")
                    : Area + ".frame, " + std::to_string(A.Budget)) +
           ", (void *)0, (const ca__frame_ops *)0};");
  Out.line("ca__indirect = &ca__ic;");
  Out.line("(void)(" + expr(A.Call->getCallee()) + ")(" + Args + ");");
  Out.line("ca__indirect_check(&ca__ic);");
  if (A.Boxed)
    Out.line(Area + ".frame = ca__ic.frame;");
  Out.line(Area + ".ops = ca__ic.ops;");
  Out.dedent();
  Out.line("}");
  suspend(A, Area + ".ops->poll(" + Area + ".frame");
  if (A.Boxed)
    Out.line("ca__box_free(" + Area + ".frame);");
}

void BodyEmitter::combinator(const AwaitSite &A) {
  // Branches start in order in the first pass (a select stops at the first
  // that completes), each polled right after its init; after a suspension
  // only the woken, unfinished branches are polled again. ca__fresh tells
  // the first pass from a resumption.
  std::string K = std::to_string(A.State);
  std::string Area = "ca__f->ca__aw" + K;
  std::string Head = Area + ".ca__h";
  bool Select = A.Comb == Combinator::Select;
  std::string Done = "ca__done" + K;
  Out.line(Head + ".pending = 0;");
  Out.line(Head + ".woken = 0;");
  recordDropCleanups(A);
  Out.line("ca__fresh = 1;");
  Out.line("ca__f->ca__state = " + K + ";");
  Out.label("ca__resume" + K);
  Out.line(Head + ".parent = ca__cx->waker;");
  Out.line("{");
  Out.indent();
  Out.line("ca_context ca__bcx;");
  for (unsigned I = 0; I != A.Branches.size(); ++I) {
    const Branch &B = A.Branches[I];
    std::string Callee = B.Callee->getNameAsString();
    std::string Bit = std::to_string(1u << I) + "u";
    std::string Frame = "&" + Area + ".ca__b" + std::to_string(I);
    std::string Init = Callee + "__init(" + Frame;
    for (const Expr *Arg : B.Call->arguments())
      Init += ", " + expr(Arg);
    std::string Slot = Area + ".ca__w[" + std::to_string(I) + "]";
    Out.line("if (ca__fresh) {");
    Out.line("  " + Init + ");");
    Out.line("  " + Head + ".pending |= " + Bit + ";");
    Out.line("  " + Slot + " = &" + F.Name + "__ca__wake" + K + "_" +
             std::to_string(I) + ";");
    Out.line("}");
    Out.line("if (" + Head + ".pending & (ca__fresh ? " + Bit + " : " + Head +
             ".woken & " + Bit + ")) {");
    Out.indent();
    Out.line(Head + ".woken &= ~" + Bit + ";");
    Out.line("ca__bcx.waker = &" + Slot + ";");
    bool Void = B.Call->getType()->isVoidType();
    std::string Result = "(void *)0";
    if (!Void)
      Result = Select ? "&ca__r" + K + "_" + std::to_string(I)
                      : "&" + Area + ".ca__res" + std::to_string(I);
    Out.line("if (" + Callee + "__poll(" + Frame + ", &ca__bcx, " + Result +
             ") == CA_READY) {");
    Out.indent();
    Out.line(Head + ".pending &= ~" + Bit + ";");
    if (Select) {
      // The winner: drop the others still running, then its assignment.
      for (unsigned J = A.Branches.size(); J-- > 0;)
        if (J != I)
          Out.line("if (" + Head + ".pending & " + std::to_string(1u << J) +
                   "u) " + A.Branches[J].Callee->getNameAsString() +
                   "__drop(&" + Area + ".ca__b" + std::to_string(J) + ");");
      Out.line("ca__r" + K + " = " + std::to_string(I) + ";");
      if (B.Assignment)
        Out.line(expr(B.Assignment->getLHS()) + " " +
                 B.Assignment->getOpcodeStr() + " ca__r" + K + "_" +
                 std::to_string(I) + ";");
      Out.line("goto " + Done + ";");
    }
    Out.dedent();
    Out.line("}");
    Out.dedent();
    Out.line("}");
  }
  Out.dedent();
  Out.line("}");
  if (Select) {
    Out.line("return CA_PENDING;");
    Out.label(Done);
    Out.line(";");
    return;
  }
  Out.line("if (" + Head + ".pending)");
  Out.line("  return CA_PENDING;");
  // Results leave the storage before any assignment: a target may share
  // bytes with it.
  for (unsigned I = 0; I != A.Branches.size(); ++I)
    if (A.Branches[I].Assignment)
      Out.line(storeField("ca__r" + K + "_" + std::to_string(I),
                          Area + ".ca__res" + std::to_string(I),
                          A.Branches[I].Call->getType(), Ctx));
  for (unsigned I = 0; I != A.Branches.size(); ++I)
    if (const BinaryOperator *Assign = A.Branches[I].Assignment)
      Out.line(expr(Assign->getLHS()) + " " + Assign->getOpcodeStr() +
               " ca__r" + K + "_" + std::to_string(I) + ";");
}

} // namespace

Emitter::Emitter(ASTContext &Ctx, DiagSink &Diags, const Shape &Sh,
                 const HoistedTypes &Hoisted, Preprocessor *PP)
    : Ctx(Ctx), Diags(Diags), Sh(Sh), Hoisted(Hoisted), PP(PP),
      Policy(Ctx.getPrintingPolicy()), Reports(Diags) {
  // Not ConstantsAsWritten: it prints a literal from a macro as the macro's
  // name (`TEN` for each 5 of `#define TEN (5+5)`), and __LINE__ as itself.
  Policy.IncludeNewlines = false;
}

std::string Emitter::declare(QualType T, llvm::StringRef Name) {
  return printType(T, Name.str(), Policy);
}

std::string Emitter::declareIn(QualType T, const std::string &Name,
                               const AsyncFunction *In) {
  if (!In)
    return declare(T, Name);
  return declareWithTypeof(T, Name, Policy,
                           [&](const Expr *E) { return expr(E, In); });
}

std::string Emitter::expr(const Expr *E, const AsyncFunction *In) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  LoweringPrinter Helper(*this, In);
  E->printPretty(OS, &Helper, Policy, 0, "\n", &Ctx);
  return Text;
}

std::string Emitter::declareInSignature(QualType T, llvm::StringRef Name) {
  if (VisibleAt.isValid())
    T = visibleTypeAt(T, VisibleAt, Ctx, ForwardTags);
  return declare(T, Name);
}

std::string Emitter::printedAt(SourceLocation At,
                               llvm::function_ref<std::string()> Print) {
  VisibleAt = At;
  ForwardTags.clear();
  std::string Text = Print();
  VisibleAt = SourceLocation();
  std::string Forward;
  for (const TagDecl *TD : ForwardTags)
    Forward += std::string(TD->getKindName()) + " " + TD->getName().str() +
               ";\n";
  return Forward + Text;
}

std::string Emitter::signature(const AsyncFunction &F, llvm::StringRef Which) {
  return signature(F.Decl, Which);
}

std::string Emitter::signature(const FunctionDecl *FD, llvm::StringRef Which) {
  std::string Linkage = FD->isExternallyVisible() ? "" : "static ";
  // What the function asked of inlining holds for its init and poll: code
  // written for inlining (lz4's LZ4_FORCE_INLINE) is specialised by it.
  if (!FD->isExternallyVisible() && FD->isInlineSpecified())
    Linkage += "inline ";
  if (FD->hasAttr<AlwaysInlineAttr>())
    Linkage += "__attribute__((always_inline)) ";
  if (FD->hasAttr<NoInlineAttr>())
    Linkage += "__attribute__((noinline)) ";
  std::string Frame = frameType(FD) + " *ca__f";
  std::string Name = FD->getNameAsString();
  if (Which == "init") {
    std::string Text = Linkage + "void " + Name + "__init(" + Frame;
    unsigned I = 0;
    for (const ParmVarDecl *P : FD->parameters()) {
      std::string Name = P->getName().empty() ? "ca__p" + std::to_string(I)
                                              : P->getName().str();
      Text += ", " + declareInSignature(paramType(P), Name);
      ++I;
    }
    return Text + ")";
  }
  if (Which == "poll") {
    QualType R = FD->getReturnType().getUnqualifiedType();
    std::string Out =
        R->isVoidType() ? "void *ca__out" : declareInSignature(R, "*ca__out");
    return Linkage + "ca_poll " + Name + "__poll(" + Frame +
           ", ca_context *ca__cx, " + Out + ")";
  }
  return Linkage + "void " + Name + "__drop(" + Frame + ")";
}

std::string Emitter::prototypes(const AsyncFunction &F, SourceLocation At) {
  return printedAt(At, [&] {
    return frameType(F.Decl) + ";\n" + signature(F, "init") + ";\n" +
           signature(F, "poll") + ";\n" + signature(F, "drop") + ";\n" +
           (F.MaySuspend ? "" : syncSignature(F) + ";\n");
  });
}

std::string Emitter::syncSignature(const AsyncFunction &F) {
  std::string Params;
  unsigned I = 0;
  for (const ParmVarDecl *P : F.Decl->parameters()) {
    std::string Name =
        P->getName().empty() ? "ca__p" + std::to_string(I) : P->getName().str();
    Params += (I ? ", " : "") + declareInSignature(paramType(P), Name);
    ++I;
  }
  QualType R = F.Decl->getReturnType().getUnqualifiedType();
  return "static inline __attribute__((always_inline, unused)) " +
         declareInSignature(R, F.Name + "__sync(" + (Params.empty() ? "void" : Params) +
                        ")");
}

void Emitter::syncDefinition(CEmitter &Out, const AsyncFunction &F) {
  // Awaiting F never suspends: the caller runs it to completion in place,
  // on a frame of its own stack that the C compiler keeps in registers
  // once f__init and f__poll are inlined.
  std::string Args;
  unsigned I = 0;
  for (const ParmVarDecl *P : F.Decl->parameters())
    Args += ", " + (P->getName().empty() ? "ca__p" + std::to_string(I++)
                                         : (++I, P->getName().str()));
  QualType R = F.Decl->getReturnType().getUnqualifiedType();
  bool Void = R->isVoidType();
  Out.line(syncSignature(F) + " {");
  Out.indent();
  Out.line(frameType(F.Decl) + " ca__fr;");
  Out.line(F.Name + "__init(&ca__fr" + Args + ");");
  if (!Void)
    Out.line(declare(R, "ca__r") + ";");
  Out.line("(void)" + F.Name + "__poll(&ca__fr, (ca_context *)0, " +
           (Void ? "(void *)0" : "&ca__r") + ");");
  if (!Void)
    Out.line("return ca__r;");
  Out.dedent();
  Out.line("}");
}

void Emitter::combinatorStruct(CEmitter &Out, const AsyncFunction &F,
                               const AwaitSite &A) {
  // Members in the order layout placed them, so C's layout is the same.
  std::string Type = combinatorType(F, A);
  unsigned K = A.State - 1;
  Out.line(Type + " {");
  Out.indent();
  Out.line("ca__combinator ca__h;");
  Out.line("const ca_wake_ops *ca__w[" + std::to_string(A.Branches.size()) +
           "];");
  for (unsigned I = 0; I != A.Branches.size(); ++I)
    Out.line(frameType(A.Branches[I].Callee) + " ca__b" + std::to_string(I) +
             ";");
  if (A.Comb == Combinator::Join)
    for (unsigned I = 0; I != A.Branches.size(); ++I) {
      QualType R = A.Branches[I].Call->getType();
      if (!R->isVoidType())
        Out.line(
            declare(R.getUnqualifiedType(), "ca__res" + std::to_string(I)) +
            ";");
    }
  Out.dedent();
  Out.line("};");
  std::string Why = "\"cawait: layout of a combinator of '" + F.Name +
                    "' disagrees with the C compiler\"";
  Out.line("_Static_assert(sizeof(" + Type +
           ") == " + std::to_string(F.SubFrameSize[K]) + ", " + Why + ");");
  for (unsigned I = 0; I != A.Branches.size(); ++I)
    Out.line("_Static_assert(__builtin_offsetof(" + Type + ", ca__b" +
             std::to_string(I) + ") == " +
             std::to_string(F.BranchFrameOffset[K][I]) + ", " + Why + ");");
  // Each branch's waker points at its slot, whose operations mark the
  // branch woken, then wake the task.
  for (unsigned I = 0; I != A.Branches.size(); ++I) {
    std::string Name = F.Name + "__ca__wake" + std::to_string(A.State) + "_" +
                       std::to_string(I);
    std::string Index = std::to_string(I);
    Out.line("static void " + Name +
             "__fn(ca_waker ca__w) { ca__branch_woken(" +
             "ca__w, __builtin_offsetof(" + Type + ", ca__w[" + Index + "]), " +
             Index + "); }");
    Out.line("static const ca_wake_ops " + Name + " = {" + Name + "__fn};");
  }
}

std::string Emitter::frameStruct(const AsyncFunction &F) {
  // Every slot sits at the offset layout chose: a union of one-member
  // structs, each padded to its slot's offset. Members of anonymous
  // structs are reached as ca__f->name.
  CEmitter Out(Ctx.getSourceManager());
  Out.mapTo(F.Decl->getLocation());
  struct Field {
    unsigned Offset;
    std::string Text, Name;
  };
  std::vector<Field> Fields;
  for (const SavedVar &SV : F.Saved) {
    QualType T = frameFieldType(SV, Ctx);
    std::string Text = declare(T, SV.Field);
    if (SV.Align > Ctx.getTypeAlignInChars(T).getQuantity())
      Text += " __attribute__((aligned(" + std::to_string(SV.Align) + ")))";
    Fields.push_back({SV.Offset, Text, SV.Field});
  }
  for (const AwaitSite &A : F.Awaits) {
    std::string Name = "ca__aw" + std::to_string(A.State);
    std::string Type =
        A.Indirect
            ? (A.Boxed ? std::string("ca__boxed_call")
                       : "CA__IN_PLACE(" + std::to_string(A.Budget) + ")")
        : A.Comb == Combinator::None ? frameType(A.Callee)
                                     : combinatorType(F, A);
    Fields.push_back({F.SubFrameOffset[A.State - 1], Type + " " + Name, Name});
  }
  const char *StateType = F.StateSize == 1   ? "unsigned char"
                          : F.StateSize == 2 ? "unsigned short"
                                             : "unsigned int";
  Fields.push_back(
      {F.StateOffset, std::string(StateType) + " ca__state", "ca__state"});
  std::stable_sort(
      Fields.begin(), Fields.end(),
      [](const Field &A, const Field &B) { return A.Offset < B.Offset; });
  for (const AwaitSite &A : F.Awaits)
    if (A.Comb != Combinator::None)
      combinatorStruct(Out, F, A);
  std::string Type = frameType(F.Decl);
  Out.line(Type + " {");
  Out.indent();
  Out.line("__extension__ union {");
  Out.indent();
  for (const Field &Fd : Fields) {
    std::string Pad = Fd.Offset ? "unsigned char ca__pad_" + Fd.Name + "[" +
                                      std::to_string(Fd.Offset) + "]; "
                                : "";
    Out.line("struct { " + Pad + Fd.Text + "; }; /* offset " +
             std::to_string(Fd.Offset) + " */");
  }
  Out.dedent();
  Out.line("};");
  Out.dedent();
  Out.line("};");
  std::string Why = "\"cawait: layout of the frame of '" + F.Name +
                    "' disagrees with the C compiler\"";
  Out.line("_Static_assert(sizeof(" + Type +
           ") == " + std::to_string(F.FrameSize) + ", " + Why + ");");
  for (const Field &Fd : Fields)
    Out.line("_Static_assert(__builtin_offsetof(" + Type + ", " + Fd.Name +
             ") == " + std::to_string(Fd.Offset) + ", " + Why + ");");
  return Out.take();
}

std::string Emitter::definition(const AsyncFunction &F) {
  CEmitter Out(Ctx.getSourceManager());
  Out.mapTo(F.Decl->getLocation());
  Out.line(signature(F, "init") + " {");
  Out.indent();
  unsigned I = 0;
  for (const ParmVarDecl *P : F.Decl->parameters()) {
    std::string Name =
        P->getName().empty() ? "ca__p" + std::to_string(I) : P->getName().str();
    // Only parameters read before written: another one's bytes may be
    // shared with a parameter that is not.
    const SavedVar *SV = F.savedFor(P);
    if (SV && std::count(F.HeldAtStart.begin(), F.HeldAtStart.end(),
                         SV - F.Saved.data()))
      Out.line(storeField("ca__f->" + SV->Field, Name, P->getType(), Ctx));
    else
      Out.line("(void)" + Name + ";");
    ++I;
  }
  Out.line("ca__f->ca__state = 0;");
  Out.dedent();
  Out.line("}");

  Out.line(signature(F, "poll") + " {");
  Out.indent();
  Out.line("(void)ca__cx;");
  Out.line("(void)ca__out;");
  bool Combinators = false;
  for (const AwaitSite &A : F.Awaits) {
    std::string K = std::to_string(A.State);
    if (A.Comb == Combinator::None) {
      QualType R = A.Call->getType();
      if (!R->isVoidType())
        Out.line(declare(R.getUnqualifiedType(), "ca__r" + K) + ";");
      continue;
    }
    Combinators = true;
    if (A.Comb == Combinator::Select)
      Out.line("int ca__r" + K + " __attribute__((unused));");
    // Branch results on their way to their assignment.
    for (unsigned I = 0; I != A.Branches.size(); ++I) {
      QualType R = A.Branches[I].Call->getType();
      bool Needed = A.Comb == Combinator::Select ? !R->isVoidType()
                                                 : !!A.Branches[I].Assignment;
      if (Needed)
        Out.line(declare(R.getUnqualifiedType(),
                         "ca__r" + K + "_" + std::to_string(I)) +
                 ";");
    }
  }
  if (Combinators)
    Out.line("unsigned char ca__fresh = 0;");
  // Resuming is the common case (a frame starts once and resumes at each
  // suspension): said so, the C compiler tests the resume states first.
  Out.line("if (__builtin_expect(ca__f->ca__state != 0, 1))");
  Out.line("  switch (ca__f->ca__state) {");
  for (const AwaitSite &A : F.Awaits) {
    std::string K = std::to_string(A.State);
    Out.line("  case " + K + ":");
    Out.line("    goto ca__resume" + K + ";");
  }
  Out.line("  default:");
  Out.line("    ca__poll_after_done(" + quoteC(F.Name) + ");");
  Out.line("  }");
  BodyEmitter Body(*this, Out, F);
  Body.stmt(F.Decl->getBody());
  Out.line("ca__f->ca__state = " + std::to_string(F.doneState()) + ";");
  Out.line("return CA_READY;");
  Out.dedent();
  Out.line("}");

  Out.mapTo(F.Decl->getLocation());
  Out.line(signature(F, "drop") + " {");
  Out.indent();
  Out.line("switch (ca__f->ca__state) {");
  for (const AwaitSite &A : F.Awaits) {
    std::string K = std::to_string(A.State);
    Out.line("case " + K + ":");
    if (A.Indirect) {
      Out.line("  ca__f->ca__aw" + K + ".ops->drop(ca__f->ca__aw" + K +
               ".frame);");
      if (A.Boxed)
        Out.line("  ca__box_free(ca__f->ca__aw" + K + ".frame);");
    } else if (A.Comb == Combinator::None)
      Out.line("  " + A.Callee->getNameAsString() + "__drop(&ca__f->ca__aw" +
               K + ");");
    // A combinator: its running branches, last first.
    for (unsigned I = A.Branches.size(); I-- > 0;) {
      Out.line("  if (ca__f->ca__aw" + K + ".ca__h.pending & " +
               std::to_string(1u << I) + "u)");
      Out.line("    " + A.Branches[I].Callee->getNameAsString() +
               "__drop(&ca__f->ca__aw" + K + ".ca__b" + std::to_string(I) +
               ");");
    }
    // Then what leaving the scopes open there would run.
    auto Cleanups = Body.dropCleanups().find(A.State);
    if (Cleanups != Body.dropCleanups().end())
      for (const std::string &Call : Cleanups->second)
        Out.line("  " + Call);
    Out.line("  break;");
  }
  Out.line("default:");
  Out.line("  break;");
  Out.line("}");
  Out.line("ca__f->ca__state = " + std::to_string(F.doneState()) + ";");
  Out.dedent();
  Out.line("}");
  if ((F.Decl->isExternallyVisible() ||
       Sh.AddressTaken.count(F.Decl->getCanonicalDecl())) &&
      !isRuntimeAsync(F.Decl))
    pointerTarget(Out, F);
  if (!F.MaySuspend)
    syncDefinition(Out, F);
  return Out.take();
}

void Emitter::pointerTarget(CEmitter &Out, const AsyncFunction &F) {
  // What a pointer to F points to: a function of F's own name and type
  // that places F's frame where the awaiting caller asked (ca__indirect)
  // and inits it. Its value is never used.
  std::string N = F.Name, Frame = frameType(F.Decl);
  std::string Static = F.Decl->isExternallyVisible() ? "" : "static ";
  Out.line("static ca_poll " + N +
           "__ops_poll(void *ca__f, ca_context *ca__cx, "
           "void *ca__out) { return " +
           N + "__poll((" + Frame + " *)ca__f, ca__cx, ca__out); }");
  Out.line("static void " + N + "__ops_drop(void *ca__f) { " + N + "__drop((" +
           Frame + " *)ca__f); }");
  Out.line("static const ca__frame_ops " + N + "__ops = {" + N +
           "__ops_poll, " + N + "__ops_drop, sizeof(" + Frame + "), _Alignof(" +
           Frame + "), " + quoteC(N) + "};");
  QualType R = F.Decl->getReturnType().getUnqualifiedType();
  std::string Params, Args;
  unsigned I = 0;
  for (const ParmVarDecl *P : F.Decl->parameters()) {
    std::string Name =
        P->getName().empty() ? "ca__p" + std::to_string(I) : P->getName().str();
    Params += (I ? ", " : "") + declare(paramType(P), Name);
    Args += ", " + Name;
    ++I;
  }
  if (Params.empty())
    Params = "void";
  Out.line(Static + "__attribute__((unused)) " +
           declare(R, N + "(" + Params + ")") + " {");
  Out.indent();
  Out.line(N + "__init((" + Frame + " *)ca__indirect_place(&" + N + "__ops)" +
           Args + ");");
  if (!R->isVoidType()) {
    Out.line(declare(R, "ca__zero") + ";");
    Out.line("__builtin_memset(&ca__zero, 0, sizeof ca__zero);");
    Out.line("return ca__zero;");
  }
  Out.dedent();
  Out.line("}");
}

std::string Emitter::budgetFrame(const FunctionDecl *FD, SourceLocation At) {
  // Only the budget is known here: the frame is that many bytes, aligned
  // for any type (the definition's file checks that its frame fits).
  return printedAt(At, [&] {
    return frameType(FD) +
           " { _Alignas(max_align_t) unsigned char ca__budget[" +
           std::to_string(declaredBudget(FD)) + "]; };\n" +
           signature(FD, "init") + ";\n" + signature(FD, "poll") + ";\n" +
           signature(FD, "drop") + ";\n" + budgetCheck(FD);
  });
}

std::string Emitter::budgetCheck(const FunctionDecl *FD) {
  // The defining file exports its frame's size (frameSizeExport); a weak
  // reference, since a hand-written leaf or a file built without the
  // plugin exports none.
  std::string N = FD->getNameAsString();
  std::string File =
      llvm::sys::path::filename(
          Ctx.getSourceManager()
              .getFileEntryRefForID(Ctx.getSourceManager().getMainFileID())
              ->getName())
          .str();
  return "extern const unsigned long " + N +
         "__ca__frame_size __attribute__((weak)); static "
         "__attribute__((constructor, unused)) void " +
         N + "__ca__budget_check(void) { if (&" + N +
         "__ca__frame_size) ca__budget_check(" + quoteC(N) + ", " +
         quoteC(File) + ", " + std::to_string(declaredBudget(FD)) + ", " + N +
         "__ca__frame_size); }\n";
}

std::string Emitter::frameSizeExport(const AsyncFunction &F) {
  // Read by the budget checks of other files (budgetCheck).
  if (!F.Decl->isExternallyVisible())
    return "";
  return "const unsigned long " + F.Name + "__ca__frame_size = sizeof(" +
         frameType(F.Decl) + ");\n";
}

/// `sizeof(R)` of an async function's result, or 0 for void.
static std::string resultSize(Emitter &E, const FunctionDecl *Callee) {
  QualType R = Callee->getReturnType().getUnqualifiedType();
  return R->isVoidType() ? "0" : "sizeof(" + E.declare(R, "") + ")";
}

std::string Emitter::thunks(const FunctionDecl *Callee) {
  std::string N = Callee->getNameAsString();
  std::string Frame = frameType(Callee);
  QualType R = Callee->getReturnType().getUnqualifiedType();
  bool Void = R->isVoidType();
  std::string Out;
  Out += "static inline __attribute__((unused)) ca_poll " + N +
         "__erased_poll(void *ca__f, ca_context *ca__cx, void *ca__out) { "
         "return " +
         N + "__poll((" + Frame + " *)ca__f, ca__cx, " +
         (Void ? std::string("ca__out") : "(" + declare(R, "*") + ")ca__out") +
         "); }\n";
  // A task's frame sits in its area at the frame's own alignment; once it
  // completes, the result is copied over the area's start (for the join).
  std::string TaskFrame = "CA__TASK_FRAME(" + Frame + ", ca__a)";
  Out += "static inline __attribute__((unused)) ca_poll " + N +
         "__task_poll(void *ca__a, ca_context *ca__cx, void *ca__out) { ";
  if (Void)
    Out += "(void)ca__out; return " + N + "__poll(" + TaskFrame +
           ", ca__cx, (void *)0); }\n";
  else
    Out += declare(R, "ca__v") + "; (void)ca__out; if (" + N + "__poll(" +
           TaskFrame +
           ", ca__cx, &ca__v) == CA_PENDING) return CA_PENDING; "
           "__builtin_memcpy(ca__a, &ca__v, sizeof ca__v); return CA_READY; "
           "}\n";
  Out += "static inline __attribute__((unused)) void " + N +
         "__task_drop(void *ca__a) { " + N + "__drop(" + TaskFrame + "); }\n";
  Out += "static const ca__task_vtable " + N +
         "__task_vt __attribute__((unused)) = {.wake = {.wake = "
         "ca__task_wake}, .poll = " +
         N + "__task_poll, .drop = " + N +
         "__task_drop, .result_size = " + resultSize(*this, Callee) +
         ", .name = \"" + N +
         "\", .pool = (ca_task_pool *)0, "
         ".drop_completed = 0};\n";
  return Out;
}

std::string Emitter::taskAreaSize(const FunctionDecl *Callee) {
  return "CA__TASK_AREA_SIZE(" + frameType(Callee) + ", " +
         resultSize(*this, Callee) + ")";
}

std::string Emitter::pool(const TaskPool &P) {
  std::string Name = P.Var->getNameAsString();
  std::string Fn = P.Function->getNameAsString();
  std::string Slots = Name + "__ca__slots";
  std::string N = std::to_string(P.Capacity);
  return "static _Alignas(max_align_t) unsigned char " + Slots + "[" + N +
         "][CA__POOL_SLOT_SIZE(" + taskAreaSize(P.Function) +
         ")]; static ca_task_pool " + Name +
         " __attribute__((unused)) = {.slots = " + Slots +
         "[0], .slot_size = sizeof " + Slots + "[0], .capacity = " + N +
         ", .used = 0, .free_list = (ca_task *)0, .name = \"" + Name +
         "\"}; static const ca__task_vtable " + Name +
         "__ca__vt __attribute__((unused)) = {.wake = {.wake = "
         "ca__task_wake}, .poll = " +
         Fn + "__task_poll, .drop = " + Fn +
         "__task_drop, .result_size = " + resultSize(*this, P.Function) +
         ", .name = \"" + Fn + "\", .pool = &" + Name +
         ", .drop_completed = 0}";
}

std::string Emitter::startExpr(const StartSite &St, const AsyncFunction *In) {
  std::string N = St.Callee->getNameAsString();
  std::string Frame = frameType(St.Callee);
  std::string Args;
  for (const Expr *Arg : St.Call->arguments())
    Args += ", " + expr(Arg, In);
  if (St.Kind == MarkerKind::Spawn || St.Kind == MarkerKind::SpawnIn) {
    std::string VT = St.Pool ? St.Pool->Var->getNameAsString() + "__ca__vt"
                             : N + "__task_vt";
    std::string Text = "__extension__({ void *ca__t = ca__task_new(&" + VT +
                       ", " + taskAreaSize(St.Callee) + "); ";
    std::string Init =
        N + "__init(CA__TASK_FRAME(" + Frame + ", ca__t)" + Args + "); ";
    // A pool may be full: then nothing is started (and no argument is
    // evaluated).
    if (St.Pool) {
      if (St.Discarded)
        return Text + "if (ca__t) { " + Init + "ca__task_start(ca__t); } })";
      return Text + "ca_task *ca__h = (ca_task *)0; if (ca__t) { " + Init +
             "ca__h = ca__task_start_joinable(ca__t); } ca__h; })";
    }
    if (St.Discarded)
      return Text + Init + "ca__task_start(ca__t); })";
    return Text + Init + "ca__task_start_joinable(ca__t); })";
  }
  QualType R = St.Callee->getReturnType();
  std::string Text = "__extension__({ " + Frame + " ca__b; " + N +
                     "__init(&ca__b" + Args + "); ";
  if (R->isVoidType())
    return Text + "ca__block_on(&ca__b, " + N +
           "__erased_poll, (void *)0); (void)0; })";
  return Text + declare(R.getUnqualifiedType(), "ca__v") +
         "; ca__block_on(&ca__b, " + N + "__erased_poll, &ca__v); " +
         (St.Discarded ? "(void)ca__v; })" : "ca__v; })");
}

} // namespace cawait
