//===- Diag.cpp - Diagnostics collected by the passes --------------------===//
#include "Diag.h"

using namespace clang;

namespace cawait {

DiagRecord mainFileRecord(DiagRecord::Level L, unsigned Offset,
                          std::string Message) {
  DiagRecord R;
  R.Severity = L;
  R.Offset = Offset;
  R.InMainFile = true;
  R.Valid = true;
  R.Message = std::move(Message);
  return R;
}

void DiagSink::add(DiagRecord::Level L, SourceLocation Loc,
                   const llvm::Twine &Msg) {
  DiagRecord R;
  R.Severity = L;
  R.Message = Msg.str();
  if (Loc.isValid()) {
    // A macro argument is reported where it is written, a macro body where
    // the macro is used: the place the user can edit.
    SourceLocation FileLoc = SM.getFileLoc(Loc);
    FileID FID = SM.getFileID(FileLoc);
    if (auto FE = SM.getFileEntryRefForID(FID)) {
      R.File = FE->getName().str();
      R.Offset = SM.getFileOffset(FileLoc);
      R.InMainFile = FID == SM.getMainFileID();
      R.Valid = true;
    }
  }
  if (L == DiagRecord::Error)
    ++ErrorCount;
  Records.push_back(std::move(R));
}

} // namespace cawait
