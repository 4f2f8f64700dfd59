//===- Pipeline.cpp - The passes, in order, on one analysis parse --------===//
#include "Pipeline.h"
#include "CallOrder.h"
#include "Discover.h"
#include "Dump.h"
#include "Emit.h"
#include "Layout.h"
#include "Liveness.h"
#include "LocalTypes.h"
#include "Placement.h"
#include "Splice.h"
#include "TypeText.h"

using namespace clang;

namespace cawait {

LoweredTU runPipeline(ASTContext &Ctx, DiagSink &Diags, SourceText Text,
                      Preprocessor *PP, const DumpRequest *Dump) {
  LoweredTU Result;
  Shape S = discover(Ctx, Diags);
  computeCallOrder(S);
  checkUnsupported(S, Ctx, Diags, PP, Text);
  if (Diags.hasErrors())
    return Result;
  respellAlignas(Ctx); // before anything prints a declaration
  if (needsNormalize(S)) {
    assert(Text == SourceText::User && "Check: nothing pending after it");
    NormalizedTU N = normalize(Ctx, S, Diags, PP);
    if (!Diags.hasErrors()) {
      dumpNormalized(Dump, &N.Text, Ctx);
      Result.NeedsReparse = std::move(N);
    }
    return Result;
  }
  if (Text == SourceText::User)
    dumpNormalized(Dump, nullptr, Ctx);
  dumpStage(Dump, DumpStage::Discover, S, Ctx);
  checkLowerable(S, Ctx, Diags);
  if (Diags.hasErrors())
    return Result;
  for (AsyncFunction &F : S.Functions)
    computeLiveness(F, Ctx, Diags);
  if (Diags.hasErrors())
    return Result;
  dumpStage(Dump, DumpStage::Liveness, S, Ctx);
  computeLayout(S, Ctx);
  checkBudgets(S, Ctx, Diags);
  dumpStage(Dump, DumpStage::Layout, S, Ctx);
  HoistedTypes Hoisted = findHoistedTypes(S, Ctx);
  checkHoistedTypes(Hoisted, Diags);
  if (Diags.hasErrors())
    return Result;
  if (S.Functions.empty() && S.Starts.empty())
    return Result;

  Splicer Sp(Ctx);
  Emitter E(Ctx, Diags, S, Hoisted, PP);

  Placement P = placeDeclarations(S, Sp, Ctx.getSourceManager());
  checkTypeOrder(S, P, Hoisted, Sp, Ctx, Diags);
  if (Diags.hasErrors())
    return Result;
  {
    // While the text is printed, the hoisted types carry their file-scope
    // names.
    HoistedNames Names(Hoisted, Ctx);
    spliceLowering(S, P, Hoisted, E, Sp, Ctx);
  }
  if (Diags.hasErrors())
    return Result;

  Result.Changed = true;
  Result.Text = Sp.apply();
  Result.Frames = summarizeFrames(S, Ctx, Sp);
  return Result;
}

} // namespace cawait
