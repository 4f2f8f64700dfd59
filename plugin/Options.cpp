//===- Options.cpp - What -fplugin-arg-cawait-NAME=VALUE can set ----------===//
#include "Options.h"
#include "../passes/Dump.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

namespace cawait {

bool parseOptions(const std::vector<std::string> &Args, Options &Out,
                  std::string &Error) {
  for (const std::string &Arg : Args) {
    auto [Name, Value] = llvm::StringRef(Arg).split('=');
    if (Name == "emit" && !Value.empty()) {
      Out.EmitPath = Value.str();
    } else if (Name == "emit-normalized" && !Value.empty()) {
      Out.EmitNormalizedPath = Value.str();
    } else if (Name == "frame-larger-than") {
      unsigned N;
      if (Value.getAsInteger(10, N)) {
        Error = "-fplugin-arg-cawait-frame-larger-than= needs a number of "
                "bytes, not '" +
                Value.str() + "'";
        return false;
      }
      Out.FrameLargerThan = N;
    } else if (Name == "frame-usage" && !Value.empty()) {
      Out.FrameUsagePath = Value.str();
    } else if (Name == "frame-report" && Value.empty()) {
      Out.FrameReport = true;
    } else if (Name == "lowered-warnings" && Value.empty()) {
      Out.LoweredWarnings = true;
    } else if (Name == "dump") {
      llvm::SmallVector<llvm::StringRef, 4> Stages;
      Value.split(Stages, ',');
      for (llvm::StringRef Stage : Stages) {
        std::optional<DumpStage> S = dumpStageNamed(Stage);
        if (!S) {
          Error = "-fplugin-arg-cawait-dump= takes discover, normalize, "
                  "liveness or layout (comma separated), not '" +
                  Stage.str() + "'";
          return false;
        }
        Out.DumpStages |= static_cast<unsigned>(*S);
      }
    } else {
      Error = "unknown cawait plugin argument '" + Arg +
              "' (known: emit=<path>, emit-normalized=<path>, "
              "frame-larger-than=<bytes>, "
              "frame-report, frame-usage=<path>, lowered-warnings, "
              "dump=<stages>)";
      return false;
    }
  }
  return true;
}

} // namespace cawait
