//===- Options.h - What -fplugin-arg-cawait-NAME=VALUE can set ------------===//
#ifndef CAWAIT_PLUGIN_OPTIONS_H
#define CAWAIT_PLUGIN_OPTIONS_H

#include <optional>
#include <string>
#include <vector>

namespace cawait {

struct Options {
  std::string EmitPath;                    ///< emit=<path>: the lowered TU
  /// emit-normalized=<path>: the text with awaits moved out of expressions
  std::string EmitNormalizedPath;
  std::optional<unsigned> FrameLargerThan; ///< frame-larger-than=<bytes>
  bool FrameReport = false;                ///< frame-report
  std::string FrameUsagePath;              ///< frame-usage=<path>
  /// lowered-warnings: also report the warnings of the parse of the
  /// lowered text (kept quiet otherwise: the user's warnings come from the
  /// parse of their own text). A test aid: any warning only that parse
  /// gives is cawait's bug (test/warnings).
  bool LoweredWarnings = false;
  /// dump=<stage>[,<stage>...], repeatable: DumpStage bits (passes/Dump.h)
  unsigned DumpStages = 0;
};

/// Parses the plugin's arguments ("emit=x.c", "frame-report", ...). On a
/// bad argument returns false and sets Error.
bool parseOptions(const std::vector<std::string> &Args, Options &Out,
                  std::string &Error);

} // namespace cawait

#endif
