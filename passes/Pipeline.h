//===- Pipeline.h - The passes, in order, on one analysis parse ----------===//
//
// Input: the analysis AST of the main file (the user's text, or cawait's
// normalized rewrite of it) and the preprocessor that read it. Output: a
// LoweredTU, which says what the plugin does next:
//   - NeedsReparse: awaits sit inside expressions; parse the normalized
//     text it carries and run the pipeline on that (SourceText::Normalized);
//   - Changed: the lowered main file and the summary of every frame;
//   - neither (nothing to lower, or errors in the DiagSink): compile the
//     file as it is.
//
// The stages, in order, each in its own file (input -> output):
//   Discover     AST -> Shape: async functions, awaits (their states and
//                forms), Pending awaits, starts, pools (Discover.h); the
//                marker visitor reports the misuse of cawait.h's macros
//   CallOrder    Shape -> Shape::CalleesFirst, Shape::AwaitCycles, the
//                one callees-first order every later user reads
//   Check        AST + Shape -> errors for what cannot be lowered (Check.h:
//                checkUnsupported)
//   Normalize    user text with Pending awaits -> the normalized text;
//                stop here (NeedsReparse). Dump: normalize
//   Check        the text that is lowered -> errors for what a frame cannot
//                hold (checkLowerable). Dump: discover before it
//   Liveness     per function -> Saved, HeldAcross, HeldAtStart, Conflicts
//                (Liveness.h). Dump: liveness
//   Layout       Shape -> every slot's offset, frame sizes (Layout.h); then
//                Check's budgets. Dump: layout
//   LocalTypes   Shape -> the local types the frames need at file scope
//                (LocalTypes.h)
//   Placement    Shape -> where each frame, prototype, budget frame and
//                start thunk goes (Placement.h); then Check's type order
//   Splice       Shape + Placement + Emitter's text -> the lowered main
//                file (Splice.h; Emit.h prints each piece)
//   FrameReport  Shape -> a FrameSummary per function (FrameReport.h)
// A stage runs only when the earlier ones reported no error.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_PIPELINE_H
#define CAWAIT_PASSES_PIPELINE_H

#include "Check.h"
#include "Diag.h"
#include "FrameReport.h"
#include "Normalize.h"
#include "clang/AST/ASTContext.h"
#include "clang/Lex/Preprocessor.h"
#include <optional>
#include <string>
#include <vector>

namespace cawait {

struct DumpRequest;

struct LoweredTU {
  bool Changed = false; ///< false: compile the file as it is
  std::string Text;     ///< the lowered main file
  std::vector<FrameSummary> Frames;
  /// Set when awaits had to be moved out of expressions first: parse this
  /// text instead and run the pipeline on it (SourceText::Normalized).
  std::optional<NormalizedTU> NeedsReparse;
};

/// Runs the passes on the main file of Ctx, which holds Text. Diagnostics
/// go to Diags; when it has errors the result is unchanged. Dump, when
/// given, names the stages whose facts to print (Dump.h).
[[nodiscard]] LoweredTU runPipeline(clang::ASTContext &Ctx, DiagSink &Diags,
                                    SourceText Text,
                                    clang::Preprocessor *PP = nullptr,
                                    const DumpRequest *Dump = nullptr);

} // namespace cawait

#endif
