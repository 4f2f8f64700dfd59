//===- Dump.h - Text dumps of the passes' facts, for tests ---------------===//
//
// Input: the Shape after a stage (discover, normalize, liveness, layout) and
// the analysis AST. Output: that stage's facts as stable text on a stream
// (the plugin gives llvm::errs()), for FileCheck, as clang's
// -analyzer-checker=debug.DumpLiveVars does for LiveVariables. Asked for
// with -fplugin-arg-cawait-dump=<stage>[,<stage>...]; tests in
// test/discover, test/liveness, test/layout.
//
// The dumps read Shape and the passes' results only: nothing is derived
// again here. Every list is printed in an order that does not depend on
// pointer values (source order, or sorted by name). Locations are
// `file:line:col` with the presumed file name (as written on the command
// line or in a #line); for the parse of a normalized text they are taken
// back to the user's own text, as diagnostics are.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_DUMP_H
#define CAWAIT_PASSES_DUMP_H

#include "Shape.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <string>

namespace cawait {

class OffsetMap;

/// The stages with a dump, one bit each, in pipeline order.
enum class DumpStage : unsigned {
  Discover = 1,  ///< async functions, awaits, starts, pools
  Normalize = 2, ///< the text with awaits moved out of expressions
  Liveness = 4,  ///< saved variables, what each suspend point holds
  Layout = 8     ///< every slot's offset, size and alignment
};

/// The stage named Name ("discover", ...), if any.
std::optional<DumpStage> dumpStageNamed(llvm::StringRef Name);

/// What to dump, where to, and how to name locations.
struct DumpRequest {
  unsigned Stages = 0; ///< DumpStage bits
  llvm::raw_ostream *OS = nullptr;
  /// For the parse of a normalized text: its offsets back to the user's
  /// text (Original), whose columns the dump then prints.
  const OffsetMap *Map = nullptr;
  llvm::StringRef Original;

  bool wants(DumpStage S) const {
    return OS && (Stages & static_cast<unsigned>(S));
  }
};

/// Prints the facts of Stage (Discover, Liveness or Layout) if R asks for
/// them; R may be null.
void dumpStage(const DumpRequest *R, DumpStage Stage, const Shape &S,
               clang::ASTContext &Ctx);

/// Prints the lines of the normalized Text that differ from the main file
/// of Ctx (null Text: nothing had to move) if R asks for it.
void dumpNormalized(const DumpRequest *R, const std::string *Text,
                    clang::ASTContext &Ctx);

} // namespace cawait

#endif
