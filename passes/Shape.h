//===- Shape.h - Facts about async functions, shared by every pass -------===//
//
// Discover fills a Shape once per translation unit; liveness, layout and emit
// read it and add their own results to each AsyncFunction. Nothing here is
// recomputed by a later pass (see STYLE.md: one owner per fact).
//
//===----------------------------------------------------------------------===//
#ifndef CAWAIT_PASSES_SHAPE_H
#define CAWAIT_PASSES_SHAPE_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <string>
#include <vector>

namespace cawait {

/// True for functions carrying the `async` attribute (either spelling).
bool isAsyncFunction(const clang::FunctionDecl *FD);

/// The frame budget an `async(N)` declaration of FD gives (0: none).
unsigned declaredBudget(const clang::FunctionDecl *FD);
/// Declared CA__RUNTIME_ASYNC in cawait.h: libcawait defines it twice,
/// lowered (f__init, f__poll, f__drop) and blocking (f itself).
bool isRuntimeAsync(const clang::FunctionDecl *FD);

/// How calls through an async function pointer hold the callee's frame.
struct AsyncPointer {
  bool Async = false;  ///< declared async at all
  unsigned Budget = 0; ///< async(N): N bytes in the caller's frame
  bool Boxed = false;  ///< async("boxed"): one allocation per call
  const clang::NamedDecl *Where = nullptr; ///< the declaration that says so
};
/// What the declarations behind a function pointer expression (its member,
/// variable or parameter, and the typedefs of its type) say.
AsyncPointer asyncPointerOf(const clang::Expr *Callee);
/// The same for a declaration and its type.
AsyncPointer asyncPointerOf(const clang::ValueDecl *D, clang::QualType T);

/// The macros of cawait.h the plugin gives a meaning to.
enum class MarkerKind { Await, BlockOn, Spawn, SpawnIn };

/// How an await sits in its statement; the only shapes lowered so far.
enum class AwaitForm {
  ExprStmt, ///< `await(f(x));` or `(void)await(f(x));`
  DeclInit, ///< `T v = await(f(x));`
  Assign,   ///< `lhs = await(f(x));`, `lhs += await(f(x));`, ...
  Return    ///< `return await(f(x));`
};

/// The combinators of cawait.h, awaited: `await(ca_join(...))` and
/// `await(ca_select(...))` (ca_timeout_ms is a select with a sleep).
enum class Combinator { None, Join, Select };

/// One branch of a combinator: an async call, optionally assigned.
struct Branch {
  const clang::CallExpr *Call = nullptr;
  const clang::FunctionDecl *Callee = nullptr;
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
  /// Assign form: the assignment. Its left side is evaluated after the
  /// await resumes, so what it reads is held across the await.
  const clang::BinaryOperator *Assignment = nullptr;
  Combinator Comb = Combinator::None;
  std::vector<Branch> Branches; ///< of a combinator, in order
  /// The combinator's expression in the analysis AST (a CFG element).
  const clang::Expr *CombExpr = nullptr;

  /// Every async function whose frame this suspend point embeds.
  std::vector<const clang::FunctionDecl *> callees() const {
    if (Indirect)
      return {};
    if (Comb == Combinator::None)
      return {Callee};
    std::vector<const clang::FunctionDecl *> Out;
    for (const Branch &B : Branches)
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
    llvm::StringRef N = Var->getName();
    if (N.starts_with("ca__e"))
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
  const clang::Expr *Marker = nullptr;
  const clang::CallExpr *Call = nullptr;
  const clang::FunctionDecl *Callee = nullptr;
  const clang::FunctionDecl *Enclosing = nullptr; ///< function it appears in
  bool Nested = false;    ///< inside another start's arguments (printed there)
  bool Discarded = false; ///< a statement of its own: the value is unused
  const TaskPool *Pool = nullptr; ///< of a ca_spawn_in
};

/// Everything the passes know about one async function defined in the main
/// file.
struct AsyncFunction {
  const clang::FunctionDecl *Decl = nullptr; ///< the definition
  std::string Name;
  std::vector<AwaitSite> Awaits; ///< in source order; State = index + 1
  llvm::DenseMap<const clang::Expr *, unsigned> AwaitOfMarker; ///< -> index
  std::vector<StartSite> Spawns; ///< ca_spawn inside this function
  /// Awaits inside expressions (or with awaits in their arguments): the
  /// normalize pass moves them into statement positions first.
  std::vector<const clang::Expr *> Pending;

  /// False when no await of the function can ever suspend (it awaits only
  /// functions of this file that never suspend): then its awaits of such
  /// functions are plain calls of their f__sync, and it has one too.
  bool MaySuspend = true;
  /// Functions it awaits that never suspend (their f__sync is called).
  std::vector<const clang::FunctionDecl *> SyncCallees;

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
  const SavedVar *savedFor(const void *VarOrLiteral) const {
    auto It = SavedIndex.find(VarOrLiteral);
    return It == SavedIndex.end() ? nullptr : &Saved[It->second];
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
  std::vector<AddressUse> AddressUses;
  /// Async functions given to an async function pointer in this file (a
  /// static one needs its pointer target only then).
  llvm::DenseSet<const clang::FunctionDecl *> AddressTaken;
  /// Async functions called here whose frame only a budget gives: the
  /// lowering defines `struct f__frame` as that many bytes.
  std::vector<const clang::FunctionDecl *> BudgetCallees;
  std::vector<TaskPool> Pools; ///< in declaration order (stable storage:
                               ///< filled before any StartSite points in)

  /// FD is defined here and never suspends: awaiting it is a call.
  bool neverSuspends(const clang::FunctionDecl *FD) const {
    auto It = FunctionIndex.find(FD->getCanonicalDecl());
    return It != FunctionIndex.end() && !Functions[It->second].MaySuspend;
  }
  AsyncFunction *lookup(const clang::FunctionDecl *FD) {
    auto It = FunctionIndex.find(FD->getCanonicalDecl());
    return It == FunctionIndex.end() ? nullptr : &Functions[It->second];
  }
};

} // namespace cawait

#endif
