//===- Contract.h - What cawait.h and the plugin agree on -----------------===//
//
// The runtime contract in one place. Takes nothing; gives the spellings
// both sides of the plugin/runtime boundary must agree on:
// - the macros of cawait.h the plugin recognises (markers, combinators,
//   attribute macros) and the identifiers that make a file worth parsing;
// - the annotations plugin/AsyncAttr.cpp leaves on declarations and the
//   passes read (`cawait.async`, `cawait.budget=<bytes>`, ...);
// - the names of cawait.h the generated code uses (`ca__` functions,
//   types and macros, and the public ones it spells);
// - the builders of every name the lowering generates: beside an async
//   function f (`f__frame`, `f__init`, `f__poll`, `f__ca__frame_size`,
//   `f__ca__local_T`, ...), beside a task pool, and inside generated code
//   (`ca__f`, `ca__out`, `ca__awK`, `ca__resumeK`, `ca__eN`, ...).
// Nothing here looks at an AST: a change of cawait.h's ABI is a change
// here (and in runtime/include/cawait.h), not a hunt through the passes.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_CONTRACT_H
#define CAWAIT_PASSES_CONTRACT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace cawait {

/// The macros of cawait.h the plugin gives a meaning to.
enum class MarkerKind { Await, BlockOn, Spawn, SpawnIn };

/// The combinators of cawait.h, awaited: `await(ca_join(...))` and
/// `await(ca_select(...))` (ca_timeout_ms is a select with a sleep).
enum class Combinator { None, Join, Select };

namespace contract {

// ---- Macros of cawait.h ---------------------------------------------------

/// The macro a marker is the expansion of: "await", "ca_block_on",
/// "ca_spawn", "ca_spawn_in".
llvm::StringRef markerMacro(MarkerKind K);
/// The marker a macro name is, if any.
std::optional<MarkerKind> markerOfMacro(llvm::StringRef Name);
/// "ca_join" or "ca_select" (Combinator::None has no macro).
llvm::StringRef combinatorMacro(Combinator C);
/// The combinator a macro name is, if any.
std::optional<Combinator> combinatorOfMacro(llvm::StringRef Name);

/// Generators: `yield(e)` is CA_YIELD(e), recognised like a marker (its
/// first parenthesis); `ca_for (T v, g(x)) s` is a `for` whose keyword
/// comes from ca_for, declaring v and ForSlotVar (the generator's frame).
inline constexpr llvm::StringLiteral YieldMacro = "CA_YIELD";
inline constexpr llvm::StringLiteral ForMacro = "ca_for";
/// `ca_for_await (T v, s(x)) body`, the same text under its own name: over
/// an async generator (a stream), a suspend point of the consumer.
inline constexpr llvm::StringLiteral ForAwaitMacro = "ca_for_await";
inline constexpr llvm::StringLiteral ForSlotVar = "ca__gen_frame";

/// The attribute macros of cawait.h that are empty in the analysis parse
/// (`async`, `async_budget(N)`, ..., `CA__RUNTIME_ASYNC`).
llvm::ArrayRef<llvm::StringRef> attributeMacros();
/// The identifiers of cawait.h a file must name to define or start async
/// code; without any, the analysis parse is skipped.
llvm::ArrayRef<llvm::StringRef> cawaitIdentifiers();

// ---- Annotations (plugin/AsyncAttr.cpp -> the passes) ---------------------

/// On an async function or an async function pointer's declaration.
inline constexpr llvm::StringLiteral AsyncAnnotation = "cawait.async";
/// On an async function pointer declared async_boxed.
inline constexpr llvm::StringLiteral BoxedAnnotation = "cawait.boxed";
/// On the async functions of libcawait (CA__RUNTIME_ASYNC).
inline constexpr llvm::StringLiteral RuntimeAnnotation = "cawait.runtime";
/// annotate("cawait.owned", release) of ca_owned(release) on a parameter.
inline constexpr llvm::StringLiteral OwnedAnnotation = "cawait.owned";
/// On a generator, `gen T f(...)` (CA_GEN): lowered like an async
/// function; it is one too only when also declared async.
inline constexpr llvm::StringLiteral GenAnnotation = "cawait.gen";
/// annotate("cawait.pool", "f", N) of CA_TASK_POOL(name, f, N).
inline constexpr llvm::StringLiteral PoolAnnotation = "cawait.pool";
/// `cawait.budget=<bytes>` of async(N) / async_budget(N): the number is in
/// the text (annotation arguments would reach the IR's annotations).
std::string budgetAnnotation(uint64_t Bytes);
/// The bytes of a budget annotation's text, if it is one.
std::optional<unsigned> parseBudgetAnnotation(llvm::StringRef Annotation);

// ---- Names of cawait.h the generated code uses ----------------------------

/// Every name of cawait's generated code and runtime internals begins
/// with this; the user's may not.
inline constexpr llvm::StringLiteral ReservedPrefix = "ca__";
/// `ca_boxed(call)` expands to `((void)ca__boxed, call)` with the plugin.
inline constexpr llvm::StringLiteral BoxedMarker = "ca__boxed";
/// What `ca_task_join(t, &out)` awaits (checked against the spawns of t).
inline constexpr llvm::StringLiteral TaskJoinFunction = "ca__task_join";
/// The head of a combinator's storage (a typedef of cawait.h).
inline constexpr llvm::StringLiteral CombinatorHeadType = "ca__combinator";
/// The storage of a call through a pointer: boxed, or N bytes in place.
inline constexpr llvm::StringLiteral BoxedCallType = "ca__boxed_call";
std::string inPlaceType(unsigned Budget); ///< `CA__IN_PLACE(N)`
inline constexpr llvm::StringLiteral FrameOpsType = "ca__frame_ops";
inline constexpr llvm::StringLiteral IndirectCallType = "ca__indirect_call";
/// The slot a caller sets before calling through an async pointer.
inline constexpr llvm::StringLiteral IndirectSlot = "ca__indirect";
inline constexpr llvm::StringLiteral IndirectCheck = "ca__indirect_check";
inline constexpr llvm::StringLiteral IndirectPlace = "ca__indirect_place";
inline constexpr llvm::StringLiteral BoxFree = "ca__box_free";
inline constexpr llvm::StringLiteral PollAfterDone = "ca__poll_after_done";
inline constexpr llvm::StringLiteral BranchWoken = "ca__branch_woken";
inline constexpr llvm::StringLiteral BudgetCheck = "ca__budget_check";
inline constexpr llvm::StringLiteral TaskVtableType = "ca__task_vtable";
inline constexpr llvm::StringLiteral TaskWake = "ca__task_wake";
inline constexpr llvm::StringLiteral TaskNew = "ca__task_new";
inline constexpr llvm::StringLiteral TaskStart = "ca__task_start";
inline constexpr llvm::StringLiteral TaskStartJoinable =
    "ca__task_start_joinable";
inline constexpr llvm::StringLiteral BlockOnFunction = "ca__block_on";
/// Around a ca_block_on of a function that never suspends (StartSite::Direct).
inline constexpr llvm::StringLiteral BlockOnSyncEnter =
    "ca__block_on_sync_enter";
inline constexpr llvm::StringLiteral BlockOnSyncLeave =
    "ca__block_on_sync_leave";
/// ca__block_on with the future's frame description (ca_dump_tasks).
inline constexpr llvm::StringLiteral BlockOnDescFunction = "ca__block_on_desc";
/// The static descriptions of frames (async backtraces, cawait/abi.h):
/// a frame's, one suspend point's, and the values of their `kind` field.
inline constexpr llvm::StringLiteral FrameDescType = "ca__frame_desc";
inline constexpr llvm::StringLiteral AwaitDescType = "ca__await_desc";
inline constexpr llvm::StringLiteral AwaitCallKind = "CA__AWAIT_CALL";
inline constexpr llvm::StringLiteral AwaitInPlaceKind = "CA__AWAIT_IN_PLACE";
inline constexpr llvm::StringLiteral AwaitBoxedKind = "CA__AWAIT_BOXED";
inline constexpr llvm::StringLiteral AwaitJoinKind = "CA__AWAIT_JOIN";
inline constexpr llvm::StringLiteral AwaitSelectKind = "CA__AWAIT_SELECT";
inline constexpr llvm::StringLiteral AwaitYieldKind = "CA__AWAIT_YIELD";
inline constexpr llvm::StringLiteral TaskFrameMacro = "CA__TASK_FRAME";
inline constexpr llvm::StringLiteral TaskAreaSizeMacro = "CA__TASK_AREA_SIZE";
inline constexpr llvm::StringLiteral PoolSlotSizeMacro = "CA__POOL_SLOT_SIZE";
/// Public names of cawait.h that generated signatures spell.
inline constexpr llvm::StringLiteral PollType = "ca_poll";
inline constexpr llvm::StringLiteral ContextType = "ca_context";
inline constexpr llvm::StringLiteral Pending = "CA_PENDING";
inline constexpr llvm::StringLiteral Ready = "CA_READY";
/// A generator's poll: an item is in *out.
inline constexpr llvm::StringLiteral Item = "CA_ITEM";
inline constexpr llvm::StringLiteral WakeOpsType = "ca_wake_ops";
inline constexpr llvm::StringLiteral WakerType = "ca_waker";
inline constexpr llvm::StringLiteral TaskType = "ca_task";
inline constexpr llvm::StringLiteral TaskPoolType = "ca_task_pool";
/// Defined on the first line of the lowered text the plugin writes (emit=):
/// tells cawait.h, under a compiler without the plugin, that the text is
/// lowered.
inline constexpr llvm::StringLiteral LoweredMacro = "CA_LOWERED";

// ---- Names beside an async function f: f__<suffix> ------------------------

/// The frame ABI of cawait.h (a leaf future written by hand has these).
inline constexpr llvm::StringLiteral FrameSuffix = "frame";
inline constexpr llvm::StringLiteral InitSuffix = "init";
inline constexpr llvm::StringLiteral PollSuffix = "poll";
inline constexpr llvm::StringLiteral DropSuffix = "drop";
/// What the lowering adds: the synchronous body of a function that never
/// suspends, a pointer target's ops, the thunks of a started function.
inline constexpr llvm::StringLiteral SyncSuffix = "sync";
inline constexpr llvm::StringLiteral OpsSuffix = "ops";
inline constexpr llvm::StringLiteral OpsPollSuffix = "ops_poll";
inline constexpr llvm::StringLiteral OpsDropSuffix = "ops_drop";
inline constexpr llvm::StringLiteral ErasedPollSuffix = "erased_poll";
inline constexpr llvm::StringLiteral TaskPollSuffix = "task_poll";
inline constexpr llvm::StringLiteral TaskDropSuffix = "task_drop";
inline constexpr llvm::StringLiteral TaskVtableSuffix = "task_vt";
/// `f__<Suffix>`.
std::string besideFunction(llvm::StringRef F, llvm::StringRef Suffix);
/// The suffixes generated beside an async function defined in the file
/// (all of them; `f__ca__*` too).
llvm::ArrayRef<llvm::StringRef> definedSuffixes();
/// Those generated beside a function that is only started or pointed to.
llvm::ArrayRef<llvm::StringRef> startedSuffixes();
/// Those generated beside a function known only by its budget.
llvm::ArrayRef<llvm::StringRef> budgetSuffixes();

std::string frameTag(llvm::StringRef F);  ///< `f__frame`
std::string frameType(llvm::StringRef F); ///< `struct f__frame`
std::string initName(llvm::StringRef F);  ///< `f__init`
std::string pollName(llvm::StringRef F);  ///< `f__poll`
std::string dropName(llvm::StringRef F);  ///< `f__drop`
std::string syncName(llvm::StringRef F);  ///< `f__sync`
std::string opsName(llvm::StringRef F);   ///< `f__ops`
std::string opsPollName(llvm::StringRef F);
std::string opsDropName(llvm::StringRef F);
std::string erasedPollName(llvm::StringRef F);
std::string taskPollName(llvm::StringRef F);
std::string taskDropName(llvm::StringRef F);
std::string taskVtableName(llvm::StringRef F); ///< `f__task_vt`

/// `f__ca__<rest>`: the generated names no user name may take (every name
/// N__ca__... beside a function or pool N is cawait's).
inline constexpr llvm::StringLiteral GeneratedInfix = "__ca__";
/// `f__ca__frame_size`: the frame's size, exported for budget checks.
std::string frameSizeName(llvm::StringRef F);
/// `f__ca__budget_check`: the constructor checking a budget at start-up.
std::string budgetCheckName(llvm::StringRef F);
/// `f__ca__desc`: the description of f's frame (async backtraces), defined
/// beside f__init; `f__ca__awaits`, its suspend points; `f__ca__branchesK`,
/// the branches of the combinator awaited at state K.
std::string frameDescName(llvm::StringRef F);
std::string awaitDescsName(llvm::StringRef F);
std::string branchDescsName(llvm::StringRef F, unsigned State);
/// `struct f__ca__awK`: the storage of the combinator awaited at state K.
std::string combinatorStorageType(llvm::StringRef F, unsigned State);
/// `f__ca__wakeK_I`: the waker of branch I of the combinator at state K
/// (its function is that name with `__fn`).
std::string branchWakerName(llvm::StringRef F, unsigned State, unsigned I);
std::string branchWakerFnName(llvm::StringRef F, unsigned State, unsigned I);
/// `f__ca__local_`: the infix of local types hoisted to file scope.
inline constexpr llvm::StringLiteral LocalTypeInfix = "__ca__local_";
/// `f__ca__local_<Name>` (before any suffix that makes it unique).
std::string localTypeName(llvm::StringRef F, llvm::StringRef Name);

// ---- Names beside a task pool p -------------------------------------------

std::string poolSlotsName(llvm::StringRef Pool);  ///< `p__ca__slots`
std::string poolVtableName(llvm::StringRef Pool); ///< `p__ca__vt`

// ---- Names inside generated code ------------------------------------------

/// Parameters of f__init / f__poll / f__drop.
inline constexpr llvm::StringLiteral FrameParam = "ca__f";
inline constexpr llvm::StringLiteral ContextParam = "ca__cx";
inline constexpr llvm::StringLiteral OutParam = "ca__out";
/// `ca__pI`: an unnamed parameter I in generated signatures; its frame
/// field is "ca__p" (made unique like any field).
std::string unnamedParam(unsigned I);
inline constexpr llvm::StringLiteral UnnamedParamField = "ca__p";
/// Frame fields.
inline constexpr llvm::StringLiteral StateField = "ca__state";
inline constexpr llvm::StringLiteral BudgetField = "ca__budget";
std::string subFrameField(unsigned State);   ///< `ca__awK`
std::string literalField(unsigned N);        ///< `ca__literalN`
std::string padField(llvm::StringRef Field); ///< `ca__pad_<field>`
/// In a combinator's storage: the head, the wakers, branch I's frame and
/// (join) result.
inline constexpr llvm::StringLiteral HeadField = "ca__h";
inline constexpr llvm::StringLiteral WakersField = "ca__w";
std::string branchFrameField(unsigned I);  ///< `ca__bI`
std::string branchResultField(unsigned I); ///< `ca__resI`
/// Locals and labels of a poll function.
std::string resultVar(unsigned State);                   ///< `ca__rK`
std::string branchResultVar(unsigned State, unsigned I); ///< `ca__rK_I`
std::string resumeLabel(unsigned State);                 ///< `ca__resumeK`
std::string doneLabel(unsigned State);                   ///< `ca__doneK`
inline constexpr llvm::StringLiteral FreshVar = "ca__fresh";
inline constexpr llvm::StringLiteral BranchContextVar = "ca__bcx";
inline constexpr llvm::StringLiteral TempVar = "ca__tmp";
inline constexpr llvm::StringLiteral IndirectCallVar = "ca__ic";
/// cawait.h's `__attribute__((nodebug))` where the compiler has it: on the
/// generated locals of poll, so debuggers list only the user's variables.
inline constexpr llvm::StringLiteral NoDebugMacro = "CA__NODEBUG";
/// Locals of f__sync, pointer targets, thunks and start expressions.
inline constexpr llvm::StringLiteral SyncFrameVar = "ca__fr";
inline constexpr llvm::StringLiteral SyncResultVar = "ca__r";
inline constexpr llvm::StringLiteral ZeroVar = "ca__zero";
inline constexpr llvm::StringLiteral ValueVar = "ca__v";
inline constexpr llvm::StringLiteral TaskVar = "ca__t";
inline constexpr llvm::StringLiteral TaskAreaParam = "ca__a";
inline constexpr llvm::StringLiteral BlockFrameVar = "ca__b";
inline constexpr llvm::StringLiteral JoinHandleVar = "ca__h";
inline constexpr llvm::StringLiteral WakerParam = "ca__w";

/// The N-th ca_for of a function (or of a plain function): the local
/// holding the generator's frame when no suspend point is in the loop
/// (`ca__genN`), in a plain function the pointer that ends the loop
/// (`ca__genNp`), and an item on its way to a variable of another type
/// (`ca__itemN`).
std::string forFrameVar(unsigned N);
std::string forFramePointer(unsigned N);
std::string forItemVar(unsigned N);

/// The normalize pass's temporaries `ca__eN` (an await's result or a lazy
/// operator's value) and labels `ca__nextN` (a moved loop increment).
std::string normalizeTemp(unsigned N);
bool isNormalizeTemp(llvm::StringRef Name);
std::string normalizeLabel(unsigned N);

} // namespace contract
} // namespace cawait

#endif
