//===- EmitStatements.cpp - Statements of the poll function
//-----------------===//
//
// Takes the body of an async function after layout; gives its statements
// in the poll function (BodyEmitter): control flow as written (a `for`
// init clause as statements before the loop), locals kept in the frame
// initialised in their frame fields, declarations of the others (those in
// locals of poll too) as written, `return` as
// the store through ca__out and the final state, and the cleanups of kept
// `__attribute__((cleanup))` locals on every way out of their block. The
// statement an await is the whole of (Shape: AwaitSite::Statement, Var)
// becomes a suspend point (EmitAwaits.cpp).
//
//===----------------------------------------------------------------------===//
#include "DeadScopes.h"
#include "EmitBody.h"
#include "LocalTypes.h"
#include "SourceText.h"
#include "TypeText.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace cawait {
using namespace emit;

namespace {

bool containsEmbed(const Stmt *S) {
  if (isa<EmbedExpr>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (Child && containsEmbed(Child))
      return true;
  return false;
}

/// Whether `await(...)` of A has no value: a void call, or a join (a
/// select's value is the winner's index).
bool awaitResultIsVoid(const AwaitSite &A) {
  if (A.Comb != Combinator::None)
    return A.Comb == Combinator::Join;
  return A.Call->getType()->isVoidType();
}

} // namespace

namespace emit {

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

} // namespace emit

void BodyEmitter::stmt(const Stmt *S) {
  Out.mapTo(S->getBeginLoc());
  if (const auto *X = dyn_cast<Expr>(S)) {
    expression(X);
    return;
  }
  switch (S->getStmtClass()) {
  case Stmt::CompoundStmtClass: {
    const auto *B = cast<CompoundStmt>(S);
    Out.line("{");
    Out.indent();
    Scopes.push_back({S, {}});
    // Runs of statements whose locals are dead from the await after them
    // on get a block of their own (DeadScopes.h): a debugger stopped after
    // the await shows no stale value for them.
    std::vector<unsigned> Opens(B->size()), Closes(B->size());
    if (!InStatementExpression)
      for (auto [Begin, End] : deadScopeRuns(B, F)) {
        ++Opens[Begin];
        ++Closes[End - 1];
      }
    unsigned I = 0;
    for (const Stmt *Child : B->body()) {
      Out.mapTo(Child->getBeginLoc());
      for (unsigned K = 0; K < Opens[I]; ++K) {
        Out.line("{");
        Out.indent();
      }
      stmt(Child);
      for (unsigned K = 0; K < Closes[I]; ++K) {
        Out.dedent();
        Out.line("}");
      }
      ++I;
    }
    Out.mapTo(B->getRBracLoc());
    runCleanups(Scopes.size() - 1);
    Scopes.pop_back();
    Out.dedent();
    Out.line("}");
    return;
  }
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
    if (const ForSite *FS = F.forAt(S)) {
      generatorLoop(*FS);
      return;
    }
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
  GroupBase.clear();
  std::vector<const Decl *> Decls(DS->decl_begin(), DS->decl_end());
  for (const Decl *D : Decls)
    if (const auto *Tag = dyn_cast<TagDecl>(D))
      if (Tag->isEmbeddedInDeclarator() && !Tag->isFreeStanding() &&
          !E.isHoisted(Tag))
        GroupTag = Tag;
  // `typedef struct {...} *pt, t;`: the typedef that names the unnamed
  // struct (t) defines it, first, and the others name it by it. (Typedefs
  // of one declaration never name each other: their order is free.)
  if (GroupTag && !GroupTag->getIdentifier())
    if (const TypedefNameDecl *Owner = GroupTag->getTypedefNameForAnonDecl()) {
      auto First = std::find_if(Decls.begin(), Decls.end(), [](const Decl *D) {
        return isa<TypedefNameDecl>(D);
      });
      auto It = std::find(First, Decls.end(), Owner);
      if (It != Decls.end())
        std::rotate(First, It, std::next(It));
    }
  for (const Decl *D : Decls) {
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
      if (const auto *TN = dyn_cast<TypedefNameDecl>(D)) {
        if (!GroupTag && containsTypeofExpr(TN->getUnderlyingType())) {
          // `typedef typeof (x) t;`: x may be a frame field now.
          Out.line(
              "typedef " +
              E.declareIn(TN->getUnderlyingType(), TN->getName().str(), &F) +
              ";");
          continue;
        }
        if (!GroupTag && !writesTypeofExpr(TN->getUnderlyingType(), Ctx) &&
            typedefText(TN) != TN->getUnderlyingType()) {
          // Beside a typedef of an unnamed struct that moved to file scope
          // (`typedef struct {...} t, *pt;`): named by t's new name.
          Out.line("typedef " + E.declare(typedefText(TN), TN->getName()) +
                   ";");
          continue;
        }
        if (GroupTag && GroupTagPrinted && !GroupTag->getIdentifier()) {
          // A later typedef of the unnamed struct: named by the first.
          Out.line("typedef " +
                   laterDeclarator(TN->getUnderlyingType(), TN->getName()) +
                   ";");
          continue;
        }
      }
      std::string Text;
      llvm::raw_string_ostream OS(Text);
      PrintingPolicy Policy = E.policy();
      if (GroupTag && isa<TypedefNameDecl>(D)) {
        // `typedef struct { ... } t;`: the definition goes with the first
        // typedef.
        Policy.IncludeTagDefinition = !GroupTagPrinted;
        GroupTagPrinted = true;
        const auto *TN = cast<TypedefNameDecl>(D);
        GroupBase = TN == GroupTag->getTypedefNameForAnonDecl()
                        ? TN->getName().str()
                        : groupBase(TN->getUnderlyingType(),
                                    "(*(" + TN->getName().str() + " *)0)");
      }
      D->print(OS, Policy);
      Out.line(Text + ";");
      continue;
    }
    const Expr *Init = VD->getInit();
    if (const AwaitSite *A = F.awaitAt(VD)) {
      await(*A);
      std::string Result = "ca__r" + std::to_string(A->State);
      bool Explicit = callsOwnCleanup(VD);
      if (F.inFrame(VD))
        Out.line(storeField(field(VD), Result, VD->getType(), Ctx));
      else
        declare(VD, Result, Explicit);
      if (Explicit)
        Scopes.back().Cleanups.push_back(VD);
      continue;
    }
    bool Explicit = callsOwnCleanup(VD);
    if (F.inFrame(VD))
      initSaved(VD);
    else
      declare(VD, Init ? expr(Init) : "", Explicit);
    if (Explicit)
      Scopes.back().Cleanups.push_back(VD);
  }
}

bool BodyEmitter::callsOwnCleanup(const VarDecl *VD) const {
  if (!VD->hasAttr<CleanupAttr>() || Scopes.empty())
    return false;
  // A kept local's cleanup is always called by poll. A local of poll
  // declared while such a cleanup is pending must be too: C would run its
  // cleanup when its block is left, after the calls poll makes for the
  // kept ones on the same way out, the reverse of C's order (innermost
  // first). Its declaration then drops the attribute.
  return F.inFrame(VD) || hasCleanups();
}

void BodyEmitter::declare(const VarDecl *VD, const std::string &InitText,
                          bool WithoutCleanup) {
  std::string Text = storageText(VD);
  QualType T = VD->getType();
  // `__typeof__(type)` is that type: clang prints it as GNU `typeof`, an
  // extension -Wpedantic reports in the lowered text the user never wrote.
  while (isa<TypeOfType>(T.getTypePtr()))
    T = T.getSingleStepDesugaredType(Ctx);
  if (GroupTag && !GroupTagPrinted) {
    // `struct pt { ... } a, b;`: the definition goes with the first
    // declarator only.
    PrintingPolicy WithBody = E.policy();
    WithBody.IncludeTagDefinition = true;
    llvm::raw_string_ostream OS(Text);
    T.print(OS, WithBody, VD->getName());
    GroupTagPrinted = true;
    GroupBase = groupBase(T, VD->getName().str());
  } else if (GroupTag && !GroupTag->getIdentifier()) {
    // A later declarator of an unnamed type: named by the first one.
    Text += laterDeclarator(T, VD->getName());
  } else {
    Text += E.declareIn(T, VD->getName().str(), &F);
  }
  Text += attributeText(VD, E.policy(), WithoutCleanup);
  if (contract::isNormalizeTemp(VD->getName()))
    Text += " " + contract::NoDebugMacro.str(); // generated: not in gdb
  if (!InitText.empty())
    Text += " = " + InitText;
  Out.line(Text + ";");
}

std::string BodyEmitter::groupBase(QualType T, const std::string &First) {
  std::optional<std::string> Value = tagValueOf(T, GroupTag, First, E.policy());
  return Value ? "__typeof__(" + *Value + ")" : "";
}

std::string BodyEmitter::laterDeclarator(QualType T, llvm::StringRef Name) {
  if (!GroupBase.empty())
    if (std::optional<std::string> Text =
            declareOverTag(T, GroupTag, Name.str(), GroupBase, E.policy(),
                           [&](const Expr *X) { return expr(X); }))
      return *Text;
  return E.declareIn(T, Name.str(), &F);
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
  if (F.BodyInSync) {
    // The body is f__sync's (the only place it is printed), which keeps
    // nothing in a frame: a return is C's own.
    assert(Scopes.empty() && "f__sync has no kept cleanup");
    if (!V)
      Out.line("return;");
    else if (VoidResult)
      Out.line("{ " + expr(V) + "; return; }");
    else
      Out.line("return " + expr(V) + ";");
    return;
  }
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
      Out.line(
          E.declare(F.Decl->getReturnType().getUnqualifiedType(), "ca__tmp") +
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

} // namespace cawait
