//===- Options.cpp - What -fplugin-arg-cawait-NAME=VALUE can set ----------===//
#include "Options.h"
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
    } else {
      Error = "unknown cawait plugin argument '" + Arg +
              "' (known: emit=<path>, emit-normalized=<path>, "
              "frame-larger-than=<bytes>, "
              "frame-report, frame-usage=<path>, lowered-warnings)";
      return false;
    }
  }
  return true;
}

} // namespace cawait
