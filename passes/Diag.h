//===- Diag.h - Diagnostics collected by the passes ----------------------===//
//
// The passes run on the analysis parse, whose SourceManager dies with it.
// They record each diagnostic as file + offset, and the plugin reports the
// records through the main compile's DiagnosticsEngine at the same place.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_DIAG_H
#define CAWAIT_PASSES_DIAG_H

#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/Twine.h"
#include <string>
#include <vector>

namespace cawait {

struct DiagRecord {
  enum Level { Error, Warning, Remark, Note } Severity = Error;
  std::string File;        ///< name of the file entry ("" if none)
  unsigned Offset = 0;     ///< byte offset in File
  bool InMainFile = false; ///< File is the translation unit's main file
  bool Valid = false;      ///< false: no location
  std::string Message;
};

/// A record at byte Offset of the main file (the user's text).
DiagRecord mainFileRecord(DiagRecord::Level L, unsigned Offset,
                          std::string Message);

class DiagSink {
public:
  explicit DiagSink(const clang::SourceManager &SM) : SM(SM) {}

  void error(clang::SourceLocation Loc, const llvm::Twine &Msg) {
    add(DiagRecord::Error, Loc, Msg);
  }
  /// An error that is cawait's own bug, not a construct of the user's:
  /// Check reports every construct the later passes cannot lower, so what
  /// they still cannot do is this ("internal error: ..., a cawait bug",
  /// docs/diagnostics.md).
  void internalError(clang::SourceLocation Loc, const llvm::Twine &Msg) {
    add(DiagRecord::Error, Loc,
        "internal error: " + Msg + " (a cawait bug: please report it)");
  }
  void warning(clang::SourceLocation Loc, const llvm::Twine &Msg) {
    add(DiagRecord::Warning, Loc, Msg);
  }
  void remark(clang::SourceLocation Loc, const llvm::Twine &Msg) {
    add(DiagRecord::Remark, Loc, Msg);
  }
  void note(clang::SourceLocation Loc, const llvm::Twine &Msg) {
    add(DiagRecord::Note, Loc, Msg);
  }

  bool hasErrors() const { return ErrorCount != 0; }
  std::vector<DiagRecord> take() { return std::move(Records); }

private:
  void add(DiagRecord::Level L, clang::SourceLocation Loc,
           const llvm::Twine &Msg);

  const clang::SourceManager &SM;
  std::vector<DiagRecord> Records;
  unsigned ErrorCount = 0;
};

} // namespace cawait

#endif
