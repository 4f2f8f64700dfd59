//===- AsyncAttr.cpp - The `async` function attribute --------------------===//
//
// `__attribute__((async))` and `[[async]]` on a function declaration or an
// async function pointer's, with an optional frame budget `async(256)` or
// `async("boxed")` (pointers only). The attribute is kept in the AST as
// annotations ("cawait.async", "cawait.budget=<bytes>",
// "cawait.boxed"), which is what the passes look for. Being a registered plugin
// attribute also makes
// `__has_attribute(async)` true, which is how cawait.h knows it is being
// lowered.
//
//===----------------------------------------------------------------------===//
#include "../passes/Contract.h"
#include "GenReturns.h"
#include "clang/AST/Attr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Sema/ParsedAttr.h"
#include "clang/Sema/Sema.h"
#include "clang/Sema/SemaDiagnostic.h"
#include <algorithm>
#include <iterator>

using namespace clang;
using cawait::noteGenerator;

namespace {

/// Without the plugin cawait.h's attribute macros (`async`, `CA_ASYNC`,
/// `async_budget(n)`, ...) expand to nothing, and a declaration written
/// `async const int f(void)` begins at `const`; with it, at the
/// attribute's first token. Sema looks at the declaration's first token
/// (the -Wmissing-prototypes fix-it inserts `static` before a `const`
/// there): a function that begins with such a macro begins after it, as
/// in plain clang. (Splice's declBegin takes the attribute's own range.)
void beginAfterAttributeMacro(Sema &S, FunctionDecl *FD, const ParsedAttr &A) {
  SourceManager &SM = S.getSourceManager();
  SourceLocation Begin = FD->getInnerLocStart();
  if (!Begin.isMacroID() || !A.getLoc().isMacroID())
    return;
  CharSourceRange Use = SM.getExpansionRange(Begin);
  if (Use.getAsRange() != SM.getExpansionRange(A.getLoc()).getAsRange())
    return; // the attribute is not the macro use the declaration begins with
  StringRef Outer;
  for (SourceLocation L = Begin; L.isMacroID();
       L = SM.getImmediateExpansionRange(L).getBegin())
    Outer = Lexer::getImmediateMacroName(L, SM, S.getLangOpts());
  static const char *const Empty[] = {
      "async",       "CA_ASYNC",       "async_budget",      "CA_ASYNC_BUDGET",
      "async_boxed", "CA_ASYNC_BOXED", "CA__RUNTIME_ASYNC", "gen",
      "CA_GEN"};
  if (std::none_of(std::begin(Empty), std::end(Empty),
                   [&](const char *N) { return Outer == N; }))
    return;
  if (std::optional<Token> Next =
          Lexer::findNextToken(Use.getEnd(), SM, S.getLangOpts()))
    FD->setInnerLocStart(Next->getLocation());
}

struct AsyncAttrInfo : public ParsedAttrInfo {
  AsyncAttrInfo() {
    static constexpr Spelling S[] = {{ParsedAttr::AS_GNU, "async"},
                                     {ParsedAttr::AS_C23, "async"},
                                     {ParsedAttr::AS_C23, "cawait::async"}};
    Spellings = S;
    OptArgs = 1;
  }

  /// Functions, and declarations of async function pointers: typedefs of
  /// a function or function pointer type, members, variables, parameters.
  static bool isFunctionOrPointer(const Decl *D) {
    QualType T;
    if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
      T = TD->getUnderlyingType();
    else if (const auto *VD = dyn_cast<ValueDecl>(D))
      T = VD->getType();
    else
      return false;
    while (const ArrayType *AT = T->getAsArrayTypeUnsafe()) // arrays of them
      T = AT->getElementType();
    if (T->isPointerType())
      T = T->getPointeeType();
    return T->isFunctionType();
  }

  bool diagAppertainsToDecl(Sema &S, const ParsedAttr &A,
                            const Decl *D) const override {
    if (isa<FunctionDecl>(D) || isFunctionOrPointer(D))
      return true;
    S.Diag(A.getLoc(), diag::warn_attribute_wrong_decl_type_str)
        << A << A.isRegularKeywordAttribute()
        << "functions and function pointers";
    return false;
  }

  AttrHandling handleDeclAttribute(Sema &S, Decl *D,
                                   const ParsedAttr &A) const override {
    auto Error = [&](const char *Msg) {
      S.Diag(A.getLoc(),
             S.getDiagnostics().getCustomDiagID(DiagnosticsEngine::Error, "%0"))
          << Msg;
      return AttributeNotApplied;
    };
    // async(N): a frame budget of N bytes; async("boxed"): calls through
    // the pointer allocate the callee's frame.
    if (A.getNumArgs() && !A.isArgExpr(0))
      return Error("a frame budget must be an integer constant from 1 to "
                   "2^31-1 bytes");
    Expr *Arg = A.getNumArgs() ? A.getArgAsExpr(0) : nullptr;
    if (Arg && (Arg->isValueDependent() || Arg->isTypeDependent()))
      return Error("a frame budget must be an integer constant from 1 to "
                   "2^31-1 bytes");
    if (Arg) {
      Arg = Arg->IgnoreParenImpCasts();
      if (const auto *SL = dyn_cast<StringLiteral>(Arg)) {
        if (SL->getString() == "gen") {
          // `gen T f(...)` (CA_GEN): a generator. Lowered like an async
          // function; whether it is one too is the `async` attribute's.
          if (!isa<FunctionDecl>(D))
            return Error("'gen' is for function declarations");
          D->addAttr(AnnotateAttr::Create(S.Context,
                                          cawait::contract::GenAnnotation,
                                          nullptr, 0, A.getRange()));
          beginAfterAttributeMacro(S, cast<FunctionDecl>(D), A);
          noteGenerator(cast<FunctionDecl>(D));
          return AttributeApplied;
        }
        if (SL->getString() != "boxed")
          return Error("the argument of 'async' is a frame budget in bytes "
                       "or \"boxed\"");
        if (isa<FunctionDecl>(D))
          return Error("\"boxed\" is for async function pointers: an "
                       "async function itself takes a frame budget");
        D->addAttr(AnnotateAttr::Create(S.Context, "cawait.boxed", nullptr, 0,
                                        A.getRange()));
      } else {
        std::optional<llvm::APSInt> N = Arg->getIntegerConstantExpr(S.Context);
        if (!N || N->isNegative() || *N == 0 || N->getActiveBits() > 31)
          return Error("a frame budget must be an integer constant from 1 "
                       "to 2^31-1 bytes");
        // In the annotation's text: annotation arguments would be emitted
        // into the IR's llvm.global.annotations.
        D->addAttr(AnnotateAttr::Create(
            S.Context, "cawait.budget=" + std::to_string(N->getZExtValue()),
            nullptr, 0, A.getRange()));
      }
    }
    D->addAttr(AnnotateAttr::Create(S.Context, "cawait.async", nullptr, 0,
                                    A.getRange()));
    if (auto *FD = dyn_cast<FunctionDecl>(D))
      beginAfterAttributeMacro(S, FD, A);
    return AttributeApplied;
  }
};

} // namespace

static ParsedAttrInfoRegistry::Add<AsyncAttrInfo>
    X("async", "marks a function as an async function (cawait)");
