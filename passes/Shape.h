//===- Shape.h - Facts about async functions, shared by every pass -------===//
//
// Discover fills a Shape once per translation unit; liveness, layout and emit
// read it and add their own results to each AsyncFunction. Nothing here is
// recomputed by a later pass (one owner per fact): every fact
// about a marker (an await's form, statement, callee, combinator branches;
// a start's site; an await that is a call of f__sync) is here, so no pass
// after Discover needs to match cawait.h's macros again. Data only: the
// queries of declarations are in Annotations.h, the macro matchers in
// Markers.h, the runtime's names in Contract.h.
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_SHAPE_H
#define CAWAIT_PASSES_SHAPE_H

#include "Annotations.h"
#include "Contract.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <algorithm>
#include <string>
#include <vector>

namespace cawait {

/// How an await sits in its statement; the only shapes lowered so far
/// (the parentheses the user wrote around the marker do not count).
enum class AwaitForm {
  ExprStmt, ///< `await(f(x));` or `(void)await(f(x));`
  DeclInit, ///< `T v = await(f(x));`
  Assign,   ///< `lhs = await(f(x));`, `lhs += await(f(x));`, ...
  Return    ///< `return await(f(x));`
};

/// One branch of a combinator: an async call, optionally assigned.
struct Branch {
  const clang::CallExpr *Call = nullptr;
  const clang::FunctionDecl *Callee = nullptr; ///< null: through a pointer
  /// A call through an async function pointer: the frame in Budget bytes
  /// of the combinator's storage, or (Boxed) in one allocation per call.
  bool Indirect = false, Boxed = false;
  unsigned Budget = 0;
  /// `lhs op= f(x)`: done after the branch completes (join: after all do).
  const clang::BinaryOperator *Assignment = nullptr;
};

/// One suspend point: an await of an async call, or of a combinator.
struct AwaitSite {
  unsigned State = 0;                    ///< 1-based, the frame's state
  const clang::Expr *Marker = nullptr;   ///< the `await(...)` expression
  const clang::CallExpr *Call = nullptr; ///< the awaited call (null: comb.)
  const clang::FunctionDecl *Callee = nullptr; ///< null: through a pointer
  /// A call through an async function pointer: the frame in Budget bytes
  /// of this frame, or (Boxed) in one allocation per call.
  bool Indirect = false, Boxed = false;
  unsigned Budget = 0;
  AwaitForm Form = AwaitForm::ExprStmt;
  /// What the await is the whole of. ExprStmt and Assign: the expression
  /// statement as written (parentheses, `(void)` and the assignment
  /// included); Return: the ReturnStmt. DeclInit: Var, the variable
  /// initialized. AsyncFunction::AwaitOfStatement finds the await by it.
  const clang::Stmt *Statement = nullptr;
  const clang::VarDecl *Var = nullptr;
  /// Assign form: the assignment. Its left side is evaluated after the
  /// await resumes, so what it reads is held across the await.
  const clang::BinaryOperator *Assignment = nullptr;
  Combinator Comb = Combinator::None;
  std::vector<Branch> Branches; ///< of a combinator, in order
  /// The combinator's expression in the analysis AST (a CFG element).
  const clang::Expr *CombExpr = nullptr;
  /// A `yield(e);` of a generator (Call and Callee null): e, stored through
  /// ca__out before the poll returns CA_ITEM. Embeds no frame.
  bool Yield = false;
  const clang::Expr *Value = nullptr;
  /// A `ca_for_await` over an async generator (Call and Callee null): the
  /// loop, whose condition (Marker) polls the stream's frame, the loop's
  /// slot in this frame, and suspends while it waits. Embeds no frame.
  const clang::ForStmt *Loop = nullptr;

  /// Whether the suspend point has a sub-frame of its own (`ca__awK`): all
  /// but yields and ca_for_await loops.
  bool hasSubFrame() const { return !Yield && !Loop; }
  /// Every async function whose frame this suspend point embeds.
  std::vector<const clang::FunctionDecl *> callees() const {
    if (Indirect || !hasSubFrame())
      return {};
    if (Comb == Combinator::None)
      return {Callee};
    std::vector<const clang::FunctionDecl *> Out;
    for (const Branch &B : Branches)
      if (!B.Indirect) // through a pointer: its frame is the callee's own
        Out.push_back(B.Callee);
    return Out;
  }
  /// Where diagnostics about this suspend point go.
  clang::SourceLocation location() const {
    return Call ? Call->getBeginLoc() : Marker->getBeginLoc();
  }
};

/// A variable of an async function that lives in its frame, or a compound
/// literal (an unnamed object that lives until the end of its block).
struct SavedVar {
  const clang::VarDecl *Var = nullptr; ///< local or parameter, or
  const clang::CompoundLiteralExpr *Literal = nullptr; ///< a literal
  std::string Field;            ///< member name in the frame struct
  bool AddressEscapes = false;  ///< kept only for its scope, not its value
  /// A ca_for's frame slot (ForSite::Slot): the frame of this generator,
  /// whose size layout takes from the generator's layout.
  const clang::FunctionDecl *Generator = nullptr;
  /// Set by liveness: a variable that lives in a C local of the poll
  /// function under its own name (its address never taken, a type `=` can
  /// store, visible by its name at every await that holds it). Its field
  /// holds it only while the function is suspended: stored when an await
  /// that holds it returns CA_PENDING, loaded when the poll resumes there.
  /// The others (compound literals, address-taken or const variables,
  /// arrays) are read and written in the frame.
  bool InLocal = false;
  /// Set by liveness: an InLocal parameter that f__init stores and the body
  /// never writes. Its field keeps f__init's copy while it is held (no
  /// slot written meanwhile shares its bytes), so awaits only load it.
  bool InitOnly = false;
  /// Set by liveness: an InLocal variable whose value may be indeterminate
  /// at an await that holds it (a local declared without an initializer,
  /// or one a jump may enter its block past, or a bool or an enum, whose
  /// indeterminate load UBSan checks): copied to and from its field as
  /// bytes, which is neither a use the C compiler warns about nor a load.
  bool CopyBytes = false;
  unsigned Size = 0, Align = 1; ///< bytes, from the analysis AST
  unsigned Offset = 0;          ///< assigned by layout

  clang::SourceLocation location() const {
    return Var ? Var->getLocation() : Literal->getBeginLoc();
  }
  std::string name() const {
    if (!Var)
      return "compound literal";
    // Temporaries of the normalize pass hold an await's result or the
    // value of a lazy operator: say so.
    if (Generator)
      return "frame of " + Generator->getNameAsString();
    llvm::StringRef N = Var->getName();
    if (contract::isNormalizeTemp(N))
      return "await result";
    return N.str();
  }
};

/// `CA_TASK_POOL(name, f, N)`: static storage for N tasks of f.
struct TaskPool {
  const clang::VarDecl *Var = nullptr;
  const clang::FunctionDecl *Function = nullptr;
  uint64_t Capacity = 0;
};

/// A `ca_block_on(f(...))`, `ca_spawn(f(...))` or `ca_spawn_in(&pool,
/// f(...))` outside or inside async code.
struct StartSite {
  MarkerKind Kind = MarkerKind::BlockOn;
  const clang::Expr *Marker = nullptr;   ///< the `ca_spawn(...)` expression
  const clang::CallExpr *Call = nullptr; ///< the call started: `f(x)`
  const clang::FunctionDecl *Callee = nullptr;    ///< f
  const clang::FunctionDecl *Enclosing = nullptr; ///< function it appears in
  bool Nested = false;    ///< inside another start's arguments (printed there)
  bool Discarded = false; ///< a statement of its own: the value is unused
  /// In an operand C never evaluates (sizeof, typeof): nothing starts
  /// there and no thunks exist for it; only its type counts.
  bool Unevaluated = false;
  const TaskPool *Pool = nullptr; ///< of a ca_spawn_in
  /// A ca_block_on of a function of this file that never suspends: its
  /// f__sync runs in place between ca__block_on_sync_enter and
  /// ca__block_on_sync_leave, with no executor round.
  bool Direct = false;
};

/// A `ca_for (T v, g(args)) body` over the generator g. In the analysis AST
/// it is a `for` declaring v and Slot, which stands for g's frame: liveness
/// keeps Slot in the consumer's frame when a suspend point of the consumer
/// is inside the loop (else it is a local of the poll function, or of the
/// plain function, with g__drop as its cleanup).
struct ForSite {
  const clang::ForStmt *Loop = nullptr;
  const clang::VarDecl *Var = nullptr;  ///< v
  const clang::VarDecl *Slot = nullptr; ///< the generator's frame
  const clang::CallExpr *Call = nullptr;
  const clang::FunctionDecl *Callee = nullptr;    ///< g, a generator
  const clang::FunctionDecl *Enclosing = nullptr; ///< null: file scope
  unsigned Index = 0; ///< N of the names ca__genN, ca__itemN (per function)
  /// Written `ca_for_await`. Over an async generator its condition is a
  /// suspend point of the consumer (AwaitSite::Loop, found by
  /// AsyncFunction::awaitAt(Loop)); over a generator it is a ca_for.
  bool Await = false;
};

/// Everything the passes know about one async function defined in the main
/// file.
struct AsyncFunction {
  const clang::FunctionDecl *Decl = nullptr; ///< the definition
  std::string Name;
  std::vector<AwaitSite> Awaits; ///< in source order; State = index + 1
  llvm::DenseMap<const clang::Expr *, unsigned> AwaitOfMarker; ///< -> index
  /// AwaitSite::Statement or AwaitSite::Var -> index in Awaits.
  llvm::DenseMap<const void *, unsigned> AwaitOfStatement;
  std::vector<StartSite> Spawns; ///< ca_spawn inside this function
  /// A generator (`gen T f(...)`): its yields are suspend points (Awaits,
  /// numbered with the awaits), its poll returns CA_ITEM at each.
  bool IsGenerator = false;
  std::vector<ForSite> Fors; ///< ca_for loops in the body, in source order
  /// Awaits inside expressions (or with awaits in their arguments): the
  /// normalize pass moves them into statement positions first.
  std::vector<const clang::Expr *> Pending;

  /// False when no await of the function can ever suspend (it awaits only
  /// functions of this file that never suspend): then its awaits of such
  /// functions are plain calls of their f__sync, and it has one too.
  bool MaySuspend = true;
  /// Set by liveness: the function never suspends and keeps nothing but
  /// parameters of types a C parameter list can repeat (no va_list, no
  /// variably modified type). Its body is then f__sync, an ordinary C
  /// function of the parameters, as the user wrote it; f__poll calls it.
  bool BodyInSync = false;
  /// Functions it awaits that never suspend (their f__sync is called).
  std::vector<const clang::FunctionDecl *> SyncCallees;
  /// Parameters declared ca_owned(release), in order: f__drop of a frame
  /// that never ran calls Function on each. Function is null when Release
  /// names no function declared at file scope before this one.
  struct OwnedParam {
    const clang::ParmVarDecl *Param = nullptr;
    std::string Release;
    const clang::FunctionDecl *Function = nullptr;
  };
  std::vector<OwnedParam> Owned;

  // Liveness.
  std::vector<SavedVar> Saved; ///< parameters first, then locals
  llvm::DenseMap<const void *, unsigned> SavedIndex; ///< by Var or Literal
  /// Per await (same index as Awaits): saved variables held across it.
  std::vector<std::vector<unsigned>> HeldAcross;
  /// Saved variables holding a value before the first poll (parameters the
  /// body reads before writing): the unresumed state.
  std::vector<unsigned> HeldAtStart;
  /// Per saved variable, the saved variables it may not share bytes with.
  std::vector<llvm::BitVector> Conflicts;

  // Layout (bytes).
  unsigned FrameSize = 0, FrameAlign = 1;
  unsigned StateSize = 1; ///< bytes of the state discriminant
  unsigned StateOffset = 0;
  /// Per await: the awaited callee's frame, alive only while suspended
  /// there.
  std::vector<unsigned> SubFrameSize, SubFrameAlign, SubFrameOffset;
  /// Per await of a combinator: offsets inside its storage of each
  /// branch's frame and (join) result, after the ca__combinator head.
  std::vector<std::vector<unsigned>> BranchFrameOffset, BranchResultOffset;
  unsigned LowerBound = 0;    ///< heaviest suspend point + discriminant
  unsigned NoOverlapSize = 0; ///< every slot in its own bytes

  unsigned doneState() const { return Awaits.size() + 1; }
  /// The suspend point a statement (or a variable's initializer) is.
  const AwaitSite *awaitAt(const void *StatementOrVar) const {
    auto It = AwaitOfStatement.find(StatementOrVar);
    return It == AwaitOfStatement.end() ? nullptr : &Awaits[It->second];
  }
  /// The ca_for a `for` statement is, or null.
  const ForSite *forAt(const clang::Stmt *Loop) const {
    for (const ForSite &FS : Fors)
      if (FS.Loop == Loop)
        return &FS;
    return nullptr;
  }
  const SavedVar *savedFor(const void *VarOrLiteral) const {
    auto It = SavedIndex.find(VarOrLiteral);
    return It == SavedIndex.end() ? nullptr : &Saved[It->second];
  }
  /// The saved variable read and written in the frame itself (not in a C
  /// local of poll, not in f__sync), or null.
  const SavedVar *inFrame(const void *VarOrLiteral) const {
    const SavedVar *SV = savedFor(VarOrLiteral);
    return SV && !SV->InLocal && !BodyInSync ? SV : nullptr;
  }
  /// The frame's copy of a parameter f__init stores (read before it is
  /// written), or null.
  const SavedVar *storedByInit(const clang::ParmVarDecl *P) const {
    const SavedVar *SV = savedFor(P);
    return SV && std::count(HeldAtStart.begin(), HeldAtStart.end(),
                            SV - Saved.data())
               ? SV
               : nullptr;
  }
};

/// An async function converted to an async function pointer with a
/// budget: its frame must fit (checked once frames are laid out).
struct AddressUse {
  const clang::FunctionDecl *Function = nullptr;
  AsyncPointer Pointer;
  clang::SourceLocation Loc;
};

/// The translation unit as the passes see it.
struct Shape {
  std::vector<AsyncFunction> Functions; ///< definitions in the main file
  llvm::DenseMap<const clang::FunctionDecl *, unsigned> FunctionIndex;
  std::vector<StartSite> Starts; ///< block_on / spawn outside async code
  /// ca_for loops outside async code and generators (replaced in place).
  std::vector<ForSite> PlainFors;
  /// Every evaluated yield marker and ca_for loop, with the function it is
  /// in: Check reports those that are misplaced or malformed.
  std::vector<std::pair<const clang::Expr *, const clang::FunctionDecl *>>
      YieldMarkers;
  std::vector<std::pair<const clang::ForStmt *, const clang::FunctionDecl *>>
      ForMarkers;
  std::vector<AddressUse> AddressUses;
  /// Async functions given to an async function pointer in this file (a
  /// static one needs its pointer target only then).
  llvm::DenseSet<const clang::FunctionDecl *> AddressTaken;
  /// Async functions called here whose frame only a budget gives: the
  /// lowering defines `struct f__frame` as that many bytes.
  std::vector<const clang::FunctionDecl *> BudgetCallees;
  std::vector<TaskPool> Pools; ///< in declaration order (stable storage:
                               ///< filled before any StartSite points in)
  /// Starts in operands C never evaluates (sizeof, typeof, ...): nothing
  /// is started, but the expression is printed with its type. Nested.
  std::vector<StartSite> UnevaluatedStarts;
  /// Every start's marker -> its site (in Starts, a function's Spawns or
  /// UnevaluatedStarts; filled last: those vectors no longer grow).
  llvm::DenseMap<const clang::Expr *, const StartSite *> StartOfMarker;
  /// Awaits of functions that never suspend (evaluated or not) -> the
  /// call: each is printed as a call of the callee's f__sync.
  llvm::DenseMap<const clang::Expr *, const clang::CallExpr *> SyncAwaits;

  // Call order (CallOrder.h), computed once right after discover.
  /// Indices into Functions, each function after every function of this
  /// file it awaits (depth-first post-order from Functions[0], callees in
  /// await order): the order Layout sizes frames in and Splice emits them
  /// in. Complete only when AwaitCycles is empty.
  std::vector<unsigned> CalleesFirst;
  /// An await that closes a cycle of awaits (Check reports it): Functions
  /// from the first function of the cycle to the one holding Back.
  struct AwaitCycle {
    std::vector<unsigned> Functions;
    const AwaitSite *Back = nullptr;
    const ForSite *BackFor = nullptr; ///< the cycle closes at a ca_for
  };
  std::vector<AwaitCycle> AwaitCycles;

  Shape() = default;
  Shape(Shape &&) = default;
  Shape &operator=(Shape &&) = default;
  Shape(const Shape &) = delete; // StartOfMarker points into this Shape
  Shape &operator=(const Shape &) = delete;

  /// FD is defined here and never suspends: awaiting it is a call.
  bool neverSuspends(const clang::FunctionDecl *FD) const {
    auto It = FunctionIndex.find(FD->getCanonicalDecl());
    return It != FunctionIndex.end() && !Functions[It->second].MaySuspend;
  }
  AsyncFunction *lookup(const clang::FunctionDecl *FD) {
    auto It = FunctionIndex.find(FD->getCanonicalDecl());
    return It == FunctionIndex.end() ? nullptr : &Functions[It->second];
  }
  /// The start a ca_block_on / ca_spawn / ca_spawn_in marker is.
  const StartSite *startAt(const clang::Expr *Marker) const {
    auto It = StartOfMarker.find(Marker);
    return It == StartOfMarker.end() ? nullptr : It->second;
  }
  /// The awaited call, when Marker awaits a function that never suspends.
  const clang::CallExpr *syncAwaitAt(const clang::Expr *Marker) const {
    auto It = SyncAwaits.find(Marker);
    return It == SyncAwaits.end() ? nullptr : It->second;
  }
};

} // namespace cawait

#endif
