//===- Lower.h - The lowered translation unit ----------------------------===//
//
// Runs discover, liveness, layout and emit on the analysis AST and splices
// the generated C into the original main-file text: each async definition
// is replaced by its frame ABI, frame structs and prototypes are inserted
// before the first top-level declaration that needs them, and each
// ca_block_on / ca_spawn outside async code is replaced in place. A #line
// marker follows every multi-line splice so the rest of the file keeps its
// own line numbers.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_LOWER_H
#define CAWAIT_PASSES_LOWER_H

#include "Diag.h"
#include "Normalize.h"
#include "Shape.h"
#include "clang/AST/ASTContext.h"
#include <optional>
#include <string>

namespace cawait {

struct DumpRequest;

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
  };
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

struct LoweredTU {
  bool Changed = false; ///< false: compile the file as it is
  std::string Text;     ///< the lowered main file
  std::vector<FrameSummary> Frames;
  /// Set when awaits had to be moved out of expressions first: lower this
  /// text instead (parse it, then call lowerTranslationUnit again).
  std::optional<NormalizedTU> Normalized;
};

/// Lowers the main file of Ctx. Diagnostics go to Diags; when it has errors
/// the result is unchanged. With MayNormalize, a file with awaits inside
/// expressions yields only its normalized text. Dump, when given, names
/// the stages whose facts to print (Dump.h).
LoweredTU lowerTranslationUnit(clang::ASTContext &Ctx, DiagSink &Diags,
                               bool MayNormalize,
                               clang::Preprocessor *PP = nullptr,
                               const DumpRequest *Dump = nullptr);

} // namespace cawait

#endif
