//===- Normalize.cpp - Move awaits out of expressions into statements ----===//
//
// Takes the analysis AST and Shape; gives the normalized main file: the
// text is copied up to each async function with pending awaits, whose body
// a FunctionNormalizer writes (Normalizer.h), and after the last. A
// function defined by a macro use is printed with everything that macro
// use declares. The same walk, its text dropped, answers normalizeLimits
// (what it cannot rewrite), which Check reports before normalize runs.
// Also the OffsetMap query.
//
//===----------------------------------------------------------------------===//
#include "Normalize.h"
#include "Normalizer.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/Lex/Lexer.h"
#include <algorithm>

using namespace clang;

namespace cawait {
using namespace normalizer;

unsigned OffsetMap::toOriginal(unsigned Off) const {
  auto It = std::upper_bound(
      Segments.begin(), Segments.end(), Off,
      [](unsigned O, const Segment &S) { return O < S.OutBegin; });
  if (It == Segments.begin())
    return Off;
  --It;
  if (!It->Verbatim)
    return It->OrigBegin;
  return It->OrigBegin + std::min(Off - It->OutBegin, It->Length);
}

bool needsNormalize(const Shape &S) {
  for (const AsyncFunction &F : S.Functions)
    if (!F.Pending.empty())
      return true;
  return false;
}

namespace {

/// The normalized text, and in Reports what it could not rewrite.
NormalizedTU rewrite(ASTContext &Ctx, const Shape &S, ReportOnce &Reports,
                     Preprocessor *PP) {
  NormalizedTU Result;
  const SourceManager &SM = Ctx.getSourceManager();
  StringRef Orig = SM.getBufferData(SM.getMainFileID());
  TextBuilder B(Orig, &Result.Map);
  B.findDirectives(SM, Ctx.getLangOpts());

  std::vector<const AsyncFunction *> Todo;
  for (const AsyncFunction &F : S.Functions)
    if (!F.Pending.empty())
      Todo.push_back(&F);
  std::sort(Todo.begin(), Todo.end(), [&](auto *A, auto *C) {
    return SM.getFileOffset(SM.getExpansionLoc(A->Decl->getBeginLoc())) <
           SM.getFileOffset(SM.getExpansionLoc(C->Decl->getBeginLoc()));
  });
  for (const AsyncFunction *F : Todo) {
    const Stmt *Body = F->Decl->getBody();
    if (Body->getBeginLoc().isMacroID() || Body->getEndLoc().isMacroID()) {
      // The definition comes from a macro: print everything that macro
      // use declares in place of it.
      CharSourceRange R = SM.getExpansionRange(F->Decl->getSourceRange());
      unsigned Begin = SM.getFileOffset(R.getBegin());
      unsigned End =
          SM.getFileOffset(R.getEnd()) +
          Lexer::MeasureTokenLength(R.getEnd(), SM, Ctx.getLangOpts());
      if (Begin < B.copied())
        continue; // printed with an earlier function of the same use
      B.verbatim(B.copied(), Begin);
      PrintingPolicy Terse(Ctx.getLangOpts());
      Terse.TerseOutput = true;
      for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
        SourceLocation L = SM.getExpansionLoc(D->getBeginLoc());
        if (SM.getFileID(L) != SM.getMainFileID() ||
            SM.getFileOffset(L) < Begin || SM.getFileOffset(L) >= End)
          continue;
        const auto *FD = dyn_cast<FunctionDecl>(D);
        const AsyncFunction *AF = nullptr;
        for (const AsyncFunction *Cand : Todo)
          if (FD && Cand->Decl == FD)
            AF = Cand;
        if (AF) {
          std::string Head;
          llvm::raw_string_ostream OS(Head);
          FD->print(OS, Terse); // with its async annotation
          B.gen(Head + " ", Begin);
          FunctionNormalizer(Ctx, Reports, *AF, PP).run(B, /*Printed=*/true);
          continue;
        }
        if (isAsyncFunction(FD) && FD->doesThisDeclarationHaveABody()) {
          Reports.error(FD, FD->getLocation(),
                        "async function '" + FD->getName() +
                            "' comes from the same macro use as one with an "
                            "await inside an expression; define them in "
                            "separate macro uses");
          continue;
        }
        std::string Text;
        llvm::raw_string_ostream OS(Text);
        D->print(OS, PrintingPolicy(Ctx.getLangOpts()));
        B.gen(Text + (isa<FunctionDecl>(D) && cast<FunctionDecl>(D)->hasBody()
                          ? " "
                          : "; "),
              Begin);
      }
      B.skipTo(End);
      continue;
    }
    unsigned BodyBegin =
        SM.getFileOffset(SM.getExpansionLoc(Body->getBeginLoc()));
    B.verbatim(B.copied(), BodyBegin);
    FunctionNormalizer(Ctx, Reports, *F, PP).run(B, /*Printed=*/false);
  }
  B.verbatim(B.copied(), Orig.size());
  Result.Text = std::move(B.str());
  return Result;
}

} // namespace

std::vector<ReportOnce::Report> normalizeLimits(ASTContext &Ctx, const Shape &S,
                                                Preprocessor *PP) {
  ReportOnce Limits; // collects
  rewrite(Ctx, S, Limits, PP);
  return Limits.take();
}

NormalizedTU normalize(ASTContext &Ctx, const Shape &S, DiagSink &Diags,
                       Preprocessor *PP) {
  ReportOnce Limits;
  NormalizedTU Result = rewrite(Ctx, S, Limits, PP);
  // Check reported every limit (normalizeLimits) and stopped the pipeline.
  for (const ReportOnce::Report &R : Limits.take())
    Diags.internalError(R.Loc, "normalize met a limit Check did not report: " +
                                   R.Message);
  return Result;
}

} // namespace cawait
