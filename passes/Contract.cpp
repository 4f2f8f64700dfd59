//===- Contract.cpp - What cawait.h and the plugin agree on ---------------===//
#include "Contract.h"
#include "llvm/ADT/Twine.h"

using namespace llvm;

namespace cawait {
namespace contract {

StringRef markerMacro(MarkerKind K) {
  switch (K) {
  case MarkerKind::Await:
    return "await";
  case MarkerKind::BlockOn:
    return "ca_block_on";
  case MarkerKind::Spawn:
    return "ca_spawn";
  case MarkerKind::SpawnIn:
    return "ca_spawn_in";
  }
  return "?";
}

std::optional<MarkerKind> markerOfMacro(StringRef Name) {
  for (MarkerKind K : {MarkerKind::Await, MarkerKind::BlockOn,
                       MarkerKind::Spawn, MarkerKind::SpawnIn})
    if (Name == markerMacro(K))
      return K;
  return std::nullopt;
}

StringRef combinatorMacro(Combinator C) {
  switch (C) {
  case Combinator::Join:
    return "ca_join";
  case Combinator::Select:
    return "ca_select";
  case Combinator::None:
    break;
  }
  return "?";
}

std::optional<Combinator> combinatorOfMacro(StringRef Name) {
  for (Combinator C : {Combinator::Join, Combinator::Select})
    if (Name == combinatorMacro(C))
      return C;
  return std::nullopt;
}

ArrayRef<StringRef> attributeMacros() {
  static const StringRef Names[] = {
      "async",       "CA_ASYNC",       "async_budget",      "CA_ASYNC_BUDGET",
      "async_boxed", "CA_ASYNC_BOXED", "CA__RUNTIME_ASYNC", "gen",
      "CA_GEN"};
  return Names;
}

ArrayRef<StringRef> cawaitIdentifiers() {
  static const StringRef Names[] = {
      "async",        "await",        "__async__",       "CA_ASYNC",
      "ca_block_on",  "ca_spawn",     "ca_spawn_in",     "CA_TASK_POOL",
      "ca_join",      "ca_select",    "ca_timeout_ms",   "ca_task_join",
      "ca_task_wait", "async_budget", "CA_ASYNC_BUDGET", "cawait",
      "gen",          "CA_GEN",       "ca_for",          "ca_for_await"};
  return Names;
}

static constexpr StringLiteral BudgetPrefix = "cawait.budget=";

std::string budgetAnnotation(uint64_t Bytes) {
  return BudgetPrefix.str() + std::to_string(Bytes);
}

std::optional<unsigned> parseBudgetAnnotation(StringRef Text) {
  unsigned Bytes = 0;
  if (Text.consume_front(BudgetPrefix) && !Text.getAsInteger(10, Bytes))
    return Bytes;
  return std::nullopt;
}

std::string forFrameVar(unsigned N) { return "ca__gen" + std::to_string(N); }
std::string forFramePointer(unsigned N) {
  return "ca__gen" + std::to_string(N) + "p";
}
std::string forItemVar(unsigned N) { return "ca__item" + std::to_string(N); }

std::string inPlaceType(unsigned Budget) {
  return "CA__IN_PLACE(" + std::to_string(Budget) + ")";
}

std::string besideFunction(StringRef F, StringRef Suffix) {
  return (Twine(F) + "__" + Suffix).str();
}

ArrayRef<StringRef> definedSuffixes() {
  static const StringRef S[] = {
      FrameSuffix,      InitSuffix,     PollSuffix,     DropSuffix,
      SyncSuffix,       OpsSuffix,      OpsPollSuffix,  OpsDropSuffix,
      ErasedPollSuffix, TaskPollSuffix, TaskDropSuffix, TaskVtableSuffix};
  return S;
}

ArrayRef<StringRef> startedSuffixes() {
  static const StringRef S[] = {ErasedPollSuffix, TaskPollSuffix,
                                TaskDropSuffix, TaskVtableSuffix};
  return S;
}

ArrayRef<StringRef> budgetSuffixes() {
  static const StringRef S[] = {FrameSuffix, InitSuffix, PollSuffix,
                                DropSuffix};
  return S;
}

std::string frameTag(StringRef F) { return besideFunction(F, FrameSuffix); }
std::string frameType(StringRef F) { return "struct " + frameTag(F); }
std::string initName(StringRef F) { return besideFunction(F, InitSuffix); }
std::string pollName(StringRef F) { return besideFunction(F, PollSuffix); }
std::string dropName(StringRef F) { return besideFunction(F, DropSuffix); }
std::string syncName(StringRef F) { return besideFunction(F, SyncSuffix); }
std::string opsName(StringRef F) { return besideFunction(F, OpsSuffix); }
std::string opsPollName(StringRef F) {
  return besideFunction(F, OpsPollSuffix);
}
std::string opsDropName(StringRef F) {
  return besideFunction(F, OpsDropSuffix);
}
std::string erasedPollName(StringRef F) {
  return besideFunction(F, ErasedPollSuffix);
}
std::string taskPollName(StringRef F) {
  return besideFunction(F, TaskPollSuffix);
}
std::string taskDropName(StringRef F) {
  return besideFunction(F, TaskDropSuffix);
}
std::string taskVtableName(StringRef F) {
  return besideFunction(F, TaskVtableSuffix);
}

/// `N__ca__<Rest>`.
static std::string generated(StringRef N, const Twine &Rest) {
  return (Twine(N) + GeneratedInfix + Rest).str();
}

std::string frameSizeName(StringRef F) { return generated(F, "frame_size"); }
std::string budgetCheckName(StringRef F) {
  return generated(F, "budget_check");
}
std::string frameDescName(StringRef F) { return generated(F, "desc"); }
std::string awaitDescsName(StringRef F) { return generated(F, "awaits"); }
std::string branchDescsName(StringRef F, unsigned State) {
  return generated(F, "branches" + Twine(State));
}
std::string combinatorStorageType(StringRef F, unsigned State) {
  return "struct " + generated(F, "aw" + Twine(State));
}
std::string branchWakerName(StringRef F, unsigned State, unsigned I) {
  return generated(F, "wake" + Twine(State) + "_" + Twine(I));
}
std::string branchWakerFnName(StringRef F, unsigned State, unsigned I) {
  return branchWakerName(F, State, I) + "__fn";
}
std::string localTypeName(StringRef F, StringRef Name) {
  return (Twine(F) + LocalTypeInfix + Name).str();
}

std::string poolSlotsName(StringRef Pool) { return generated(Pool, "slots"); }
std::string poolVtableName(StringRef Pool) { return generated(Pool, "vt"); }

/// `ca__<Rest>`.
static std::string internal(const Twine &Rest) {
  return (Twine(ReservedPrefix) + Rest).str();
}

std::string unnamedParam(unsigned I) { return internal("p" + Twine(I)); }
std::string subFrameField(unsigned State) {
  return internal("aw" + Twine(State));
}
std::string literalField(unsigned N) { return internal("literal" + Twine(N)); }
std::string padField(StringRef Field) { return internal("pad_" + Field); }
std::string branchFrameField(unsigned I) { return internal("b" + Twine(I)); }
std::string branchResultField(unsigned I) { return internal("res" + Twine(I)); }
std::string resultVar(unsigned State) { return internal("r" + Twine(State)); }
std::string branchResultVar(unsigned State, unsigned I) {
  return internal("r" + Twine(State) + "_" + Twine(I));
}
std::string resumeLabel(unsigned State) {
  return internal("resume" + Twine(State));
}
std::string doneLabel(unsigned State) {
  return internal("done" + Twine(State));
}

static constexpr StringLiteral NormalizeTempPrefix = "ca__e";

std::string normalizeTemp(unsigned N) {
  return NormalizeTempPrefix.str() + std::to_string(N);
}
bool isNormalizeTemp(StringRef Name) {
  return Name.starts_with(NormalizeTempPrefix);
}
std::string normalizeLabel(unsigned N) { return internal("next" + Twine(N)); }

} // namespace contract
} // namespace cawait
