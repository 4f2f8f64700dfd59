//===- AsyncAttr.cpp - The `async` function attribute --------------------===//
//
// `__attribute__((async))` and `[[async]]` on a function declaration. The
// attribute is kept in the AST as an annotation ("cawait.async"), which is
// what the passes look for. Being a registered plugin attribute also makes
// `__has_attribute(async)` true, which is how cawait.h knows it is being
// lowered.
//
//===----------------------------------------------------------------------===//
#include "clang/AST/Attr.h"
#include "clang/Sema/ParsedAttr.h"
#include "clang/Sema/Sema.h"
#include "clang/Sema/SemaDiagnostic.h"

using namespace clang;

namespace {

struct AsyncAttrInfo : public ParsedAttrInfo {
  AsyncAttrInfo() {
    static constexpr Spelling S[] = {{ParsedAttr::AS_GNU, "async"},
                                     {ParsedAttr::AS_C23, "async"},
                                     {ParsedAttr::AS_C23, "cawait::async"}};
    Spellings = S;
    NumArgs = 0;
  }

  bool diagAppertainsToDecl(Sema &S, const ParsedAttr &A,
                            const Decl *D) const override {
    if (isa<FunctionDecl>(D))
      return true;
    S.Diag(A.getLoc(), diag::warn_attribute_wrong_decl_type_str)
        << A << A.isRegularKeywordAttribute() << "functions";
    return false;
  }

  AttrHandling handleDeclAttribute(Sema &S, Decl *D,
                                   const ParsedAttr &A) const override {
    if (A.getNumArgs()) {
      unsigned ID = S.getDiagnostics().getCustomDiagID(
          DiagnosticsEngine::Error, "'async' takes no arguments yet");
      S.Diag(A.getLoc(), ID);
      return AttributeNotApplied;
    }
    D->addAttr(AnnotateAttr::Create(S.Context, "cawait.async", nullptr, 0,
                                    A.getRange()));
    return AttributeApplied;
  }
};

} // namespace

static ParsedAttrInfoRegistry::Add<AsyncAttrInfo>
    X("async", "marks a function as an async function (cawait)");
