//===- Diagnostics.cpp - Reporting pass diagnostics in the main compile --===//
#include "Diagnostics.h"
#include "clang/Basic/DiagnosticFrontend.h"

using namespace clang;

namespace cawait {

static SourceLocation locate(CompilerInstance &CI, const DiagRecord &R,
                             FileID MainForDiags) {
  if (!R.Valid)
    return SourceLocation();
  SourceManager &SM = CI.getSourceManager();
  if (R.InMainFile)
    return SM.getComposedLoc(MainForDiags, R.Offset);
  // A header: by now the main compile has loaded it.
  if (auto FE = CI.getFileManager().getOptionalFileRef(R.File)) {
    FileID FID = SM.translateFile(*FE);
    if (FID.isValid())
      return SM.getComposedLoc(FID, R.Offset);
  }
  return SourceLocation();
}

void reportDiagnostics(CompilerInstance &CI,
                       const std::vector<DiagRecord> &Records,
                       FileID MainForDiags) {
  DiagnosticsEngine &D = CI.getDiagnostics();
  unsigned ErrorID = D.getCustomDiagID(DiagnosticsEngine::Error, "%0");
  unsigned NoteID = D.getCustomDiagID(DiagnosticsEngine::Note, "%0");
  for (const DiagRecord &R : Records) {
    unsigned ID = ErrorID;
    switch (R.Severity) {
    case DiagRecord::Error:
      ID = ErrorID;
      break;
    case DiagRecord::Warning:
      ID = diag::warn_fe_backend_plugin;
      break;
    case DiagRecord::Remark:
      ID = diag::remark_fe_backend_plugin;
      break;
    case DiagRecord::Note:
      ID = NoteID;
      break;
    }
    D.Report(locate(CI, R, MainForDiags), ID) << R.Message;
  }
}

} // namespace cawait
