//===- Diagnostics.h - Reporting pass diagnostics in the main compile ----===//
//
// Errors use a custom error ID. Warnings and remarks use clang's own plugin
// IDs (warn_fe_backend_plugin, group -Wbackend-plugin, and
// remark_fe_backend_plugin, -Rremark-backend-plugin): custom IDs ignore -w,
// -Werror and -W flags in Clang 19, these do not.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PLUGIN_DIAGNOSTICS_H
#define CAWAIT_PLUGIN_DIAGNOSTICS_H

#include "../passes/Diag.h"
#include "clang/Frontend/CompilerInstance.h"

namespace cawait {

/// Reports Records in CI. Locations in the main file are taken in
/// MainForDiags (a FileID holding the original text of the main file).
void reportDiagnostics(clang::CompilerInstance &CI,
                       const std::vector<DiagRecord> &Records,
                       clang::FileID MainForDiags);

} // namespace cawait

#endif
