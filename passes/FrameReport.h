//===- FrameReport.h - What each frame holds, for the user ---------------===//
//
// Input: a Shape after layout and the Splicer's main-file positions.
// Output: a FrameSummary per async function (size, alignment, lower bound,
// size without overlap, what every suspend point holds at which offset),
// kept as main-file offsets because the analysis parse (and its
// SourceManager) is gone when the plugin reports. From the summaries, the
// reports the command line asks for:
//   -fplugin-arg-cawait-frame-larger-than=N  a warning per larger frame,
//       with notes on its three biggest held variables;
//   -fplugin-arg-cawait-frame-report         a remark per frame, a note per
//       suspend point (like rustc's -Zprint-type-sizes for futures);
//   -fplugin-arg-cawait-frame-usage=FILE     GCC's -fstack-usage format.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_FRAMEREPORT_H
#define CAWAIT_PASSES_FRAMEREPORT_H

#include "Diag.h"
#include "Normalize.h"
#include "Shape.h"
#include "Splice.h"
#include "clang/AST/ASTContext.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <string>
#include <vector>

namespace cawait {

struct FrameSummary {
  std::string Name;
  unsigned Size = 0, Align = 1;
  unsigned NameOffset = 0; ///< of the function's name, in the main file
  /// Per saved variable: name, size, offset, and the state of the first
  /// await it is held across (0: none, only needed until the first poll).
  struct Var {
    std::string Name;
    unsigned Size, Offset, HeldAtState, HeldAtOffset;
    bool AddressEscapes;
    bool HeldAtYield = false; ///< that suspend point is a yield
  };
  bool Generator = false; ///< `gen T f(...)`
  std::vector<Var> Vars;
  unsigned LowerBound = 0, NoOverlapSize = 0;
  unsigned Line = 0, Column = 0; ///< of the name, presumed
  std::string File;              ///< presumed file name
  /// What each suspend point holds: the unresumed state (State 0, at the
  /// function's name) and every await.
  struct Held {
    std::string Name;
    unsigned Offset, Size;
  };
  struct SuspendPoint {
    unsigned State, SourceOffset;
    std::vector<Held> Slots;
  };
  std::vector<SuspendPoint> Points;
};

/// One summary per function of S, in S.Functions' order.
[[nodiscard]] std::vector<FrameSummary>
summarizeFrames(const Shape &S, clang::ASTContext &Ctx, Splicer &Sp);

/// Takes the summaries' offsets in a normalized text back to the user's.
void toOriginalOffsets(const OffsetMap &Map, std::vector<FrameSummary> &Frames);

/// The frame-larger-than warnings (with LargerThan) and the frame-report
/// remarks (with Report), appended to Out at main-file offsets.
void frameDiagnostics(const std::vector<FrameSummary> &Frames,
                      std::optional<unsigned> LargerThan, bool Report,
                      std::vector<DiagRecord> &Out);

/// GCC's -fstack-usage format, one line per async function.
void writeFrameUsage(llvm::raw_ostream &OS,
                     const std::vector<FrameSummary> &Frames);

} // namespace cawait

#endif
