//===- Lower.cpp - The lowered translation unit --------------------------===//
#include "Lower.h"
#include "CEmitter.h"
#include "Discover.h"
#include "Dump.h"
#include "Emit.h"
#include "Layout.h"
#include "Liveness.h"
#include "LocalTypes.h"
#include "Reserved.h"
#include "TypeText.h"
#include "clang/AST/Attr.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <cstring>
#include <functional>

#define DEBUG_TYPE "cawait-lower"

using namespace clang;

namespace cawait {
namespace {

struct Edit {
  unsigned Begin, End; // replaced bytes of the original; Begin == End inserts
  unsigned Rank;       // order among edits at the same offset
  std::string Text;
};

class Splicer {
public:
  explicit Splicer(ASTContext &Ctx)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Main(SM.getMainFileID()) {}

  /// Offset in the main file of the first character of D, its leading
  /// attributes (`async int f(...)`) included.
  unsigned declBegin(const Decl *D) {
    unsigned Begin = offset(D->getBeginLoc());
    for (const Attr *A : D->attrs()) {
      if (A->isInherited() || A->isImplicit() || A->getRange().isInvalid())
        continue;
      SourceLocation L = SM.getExpansionLoc(A->getRange().getBegin());
      if (SM.getFileID(L) != Main)
        continue;
      unsigned Off = SM.getFileOffset(L);
      Off = openingBrackets(Off);
      Begin = std::min(Begin, Off);
    }
    return Begin;
  }
  /// The `[[` that opens the standard attribute list a name at Off is in.
  unsigned openingBrackets(unsigned Off) {
    StringRef Text = SM.getBufferData(Main).substr(0, Off);
    // Only back to the previous `;` or `}` (searching the whole prefix for
    // every declaration would be quadratic in the file's size).
    size_t Stop = Text.find_last_of(";}");
    size_t From = Stop == StringRef::npos ? 0 : Stop + 1;
    size_t Open = Text.substr(From).rfind("[[");
    if (Open == StringRef::npos)
      return Off;
    Open += From;
    // Only attribute names, arguments and separators may stand between.
    for (char C : Text.substr(Open + 2))
      if (!isalnum((unsigned char)C) && !strchr("_:, \t\n()", C))
        return Off;
    return Open;
  }
  unsigned topLevelBegin(const Decl *D) {
    while (!D->getLexicalDeclContext()->isTranslationUnit())
      D = cast<Decl>(D->getLexicalDeclContext());
    return declBegin(D);
  }
  unsigned offset(SourceLocation L) {
    return SM.getFileOffset(SM.getExpansionLoc(L));
  }
  bool inMainFile(SourceLocation L) {
    return SM.getFileID(SM.getExpansionLoc(L)) == Main;
  }
  /// One past the last character of the token range R.
  unsigned endOffset(SourceLocation Last) {
    SourceLocation L = SM.getExpansionRange(Last).getEnd();
    return SM.getFileOffset(L) +
           Lexer::MeasureTokenLength(L, SM, Ctx.getLangOpts());
  }

  /// `#define` and `#undef` lines between Begin and End of the main file,
  /// in order: a body that is re-printed must not lose their effect on the
  /// rest of the file.
  std::string macroDirectives(unsigned Begin, unsigned End) {
    StringRef Buf = SM.getBufferData(Main);
    Lexer Raw(SM.getLocForStartOfFile(Main), Ctx.getLangOpts(), Buf.begin(),
              Buf.begin() + Begin, Buf.end());
    std::string Out;
    Token Tok;
    while (!Raw.LexFromRawLexer(Tok) || Tok.isNot(tok::eof)) {
      unsigned Off = SM.getFileOffset(Tok.getLocation());
      if (Off >= End || Tok.is(tok::eof))
        break;
      if (!Tok.is(tok::hash) || !Tok.isAtStartOfLine())
        continue;
      Token Name;
      Raw.LexFromRawLexer(Name);
      if (!Name.is(tok::raw_identifier) ||
          (Name.getRawIdentifier() != "define" &&
           Name.getRawIdentifier() != "undef"))
        continue;
      size_t Eol = Off;
      while (Eol < Buf.size() && Buf[Eol] != '\n')
        Eol += Buf[Eol] == '\\' && Eol + 1 < Buf.size() ? 2 : 1;
      Out += Buf.substr(Off, Eol - Off).str() + "\n";
      Raw.seek(Eol, /*IsAtStartOfLine=*/true);
    }
    return Out;
  }

  void add(unsigned Begin, unsigned End, unsigned Rank, std::string Text) {
    Edits.push_back({Begin, End, Rank, std::move(Text)});
  }

  std::string apply() {
    std::stable_sort(
        Edits.begin(), Edits.end(), [](const Edit &A, const Edit &B) {
          return A.Begin != B.Begin ? A.Begin < B.Begin : A.Rank < B.Rank;
        });
    StringRef Orig = SM.getBufferData(Main);
    std::string Out;
    unsigned Pos = 0;
    for (const Edit &E : Edits) {
      assert(E.Begin >= Pos && "overlapping edits");
      Out += Orig.substr(Pos, E.Begin - Pos);
      // Resynchronise lines after any splice that changes their count.
      if (StringRef(E.Text).contains('\n') ||
          Orig.substr(E.Begin, E.End - E.Begin).contains('\n')) {
        if (!Out.empty() && Out.back() != '\n')
          Out += '\n';
        Out += E.Text;
        if (Out.back() != '\n')
          Out += '\n';
        PresumedLoc P = SM.getPresumedLoc(SM.getComposedLoc(Main, E.End));
        if (P.isValid())
          Out += "#line " + std::to_string(P.getLine()) + " " +
                 quoteC(P.getFilename()) + "\n" +
                 std::string(P.getColumn() - 1, ' ');
      } else {
        Out += E.Text;
      }
      Pos = E.End;
    }
    Out += Orig.substr(Pos);
    return Out;
  }

private:
  ASTContext &Ctx;
  const SourceManager &SM;
  FileID Main;
  std::vector<Edit> Edits;
};

/// The declarations a frame field of type T needs before it: typedefs it
/// names anywhere, and tags it holds by value (a pointer to an incomplete
/// struct is fine).
void declarationsNeeded(QualType T, std::vector<const NamedDecl *> &Out,
                        bool ByValue = true) {
  for (int Depth = 0; !T.isNull() && Depth < 64; ++Depth) {
    const Type *Ty = T.getTypePtr();
    if (const auto *TT = dyn_cast<TypedefType>(Ty)) {
      Out.push_back(TT->getDecl());
      T = TT->desugar();
    } else if (const auto *AT = dyn_cast<ArrayType>(Ty)) {
      T = AT->getElementType();
    } else if (const auto *PT = dyn_cast<PointerType>(Ty)) {
      T = PT->getPointeeType();
      ByValue = false;
    } else if (const auto *ET = dyn_cast<ElaboratedType>(Ty)) {
      T = ET->getNamedType();
    } else if (const auto *PT = dyn_cast<ParenType>(Ty)) {
      T = PT->getInnerType();
    } else if (const auto *FT = dyn_cast<FunctionProtoType>(Ty)) {
      for (QualType P : FT->param_types())
        declarationsNeeded(P, Out, false);
      T = FT->getReturnType();
      ByValue = false;
    } else if (const auto *Tag = dyn_cast<TagType>(Ty)) {
      if (ByValue)
        if (const TagDecl *Def = Tag->getDecl()->getDefinition())
          Out.push_back(Def);
      return;
    } else {
      return;
    }
  }
}

/// "file:line" of D, for messages that name a declaration elsewhere.
std::string whereIs(const Decl *D, const SourceManager &SM) {
  PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(D->getLocation()));
  if (P.isInvalid())
    return "?";
  return llvm::sys::path::filename(P.getFilename()).str() + ":" +
         std::to_string(P.getLine());
}

/// A definition's text, then the export of its frame's size on a line of
/// its own (the definition need not end its last line).
std::string withFrameSizeExport(std::string Definition,
                                const std::string &Export) {
  if (Export.empty())
    return Definition;
  if (!Definition.empty() && Definition.back() != '\n')
    Definition += '\n';
  return Definition + Export;
}

/// Frames against the budgets declared for them: a definition's own, and
/// those of the async function pointers its address is given to.
void checkBudgets(Shape &S, ASTContext &Ctx, DiagSink &Diags) {
  const SourceManager &SM = Ctx.getSourceManager();
  unsigned MaxAlign = maxFrameAlign(Ctx);
  for (const AsyncFunction &F : S.Functions) {
    unsigned Budget = declaredBudget(F.Decl);
    if (!Budget)
      continue;
    const FunctionDecl *Declared = F.Decl;
    for (const FunctionDecl *R : F.Decl->redecls())
      if (ownBudget(R))
        Declared = R;
    if (F.FrameSize > Budget)
      Diags.error(
          F.Decl->getLocation(),
          "the frame of '" + F.Name + "' is " + std::to_string(F.FrameSize) +
              " bytes, more than its budget of " + std::to_string(Budget) +
              " bytes (declared at " + whereIs(Declared, SM) +
              "); raise the budget, or hold less across its awaits "
              "(-fplugin-arg-cawait-frame-report lists what it "
              "holds)");
    else if (F.FrameAlign > MaxAlign)
      Diags.error(F.Decl->getLocation(),
                  "the frame of '" + F.Name + "' is aligned to " +
                      std::to_string(F.FrameAlign) +
                      " bytes; a budget's bytes are aligned to " +
                      std::to_string(MaxAlign));
  }
  for (const AddressUse &U : S.AddressUses) {
    unsigned Size = 0, Align = 1;
    if (S.lookup(U.Function) || findFrameRecord(U.Function, Ctx)) {
      std::tie(Size, Align) = calleeFrameSize(S, U.Function, Ctx);
    } else if (unsigned B = declaredBudget(U.Function)) {
      Size = B; // its own file checks that the frame fits B
      Align = MaxAlign;
    } else {
      continue; // unknown here: checked when called
    }
    std::string Ptr = U.Pointer.Where
                          ? "'" + U.Pointer.Where->getNameAsString() + "'"
                          : std::string("the pointer");
    if (Size > U.Pointer.Budget)
      Diags.error(U.Loc,
                  "the frame of '" + U.Function->getNameAsString() + "' is " +
                      std::to_string(Size) + " bytes, more than the " +
                      std::to_string(U.Pointer.Budget) + "-byte budget of " +
                      Ptr + " (declared at " + whereIs(U.Pointer.Where, SM) +
                      "); raise the budget or box the calls");
    else if (Align > MaxAlign)
      Diags.error(U.Loc, "the frame of '" + U.Function->getNameAsString() +
                             "' is aligned to " + std::to_string(Align) +
                             " bytes, more than a budget's " +
                             std::to_string(MaxAlign));
  }
}

} // namespace

LoweredTU lowerTranslationUnit(ASTContext &Ctx, DiagSink &Diags,
                               bool MayNormalize, Preprocessor *PP,
                               const DumpRequest *Dump) {
  LoweredTU Result;
  Shape S = discover(Ctx, Diags);
  // Only in the user's own text: the normalized one declares ca__eN.
  if (MayNormalize &&
      (!S.Functions.empty() || !S.Starts.empty() || !S.Pools.empty()))
    checkReservedNames(Ctx, S, Diags, PP);
  if (Diags.hasErrors())
    return Result;
  respellAlignas(Ctx); // before anything prints a declaration
  if (needsNormalize(S)) {
    if (MayNormalize) {
      NormalizedTU N = normalize(Ctx, S, Diags, PP);
      if (!Diags.hasErrors()) {
        dumpNormalized(Dump, &N.Text, Ctx);
        Result.Normalized = std::move(N);
      }
      return Result;
    }
    // The normalized text still has an await it cannot lower: never
    // guess, say where.
    for (const AsyncFunction &F : S.Functions)
      for (const Expr *M : F.Pending)
        Diags.error(M->getBeginLoc(),
                    "cawait cannot lower this await here; assign it to a "
                    "variable in a statement of its own (T v = "
                    "await(f(...));) and use the variable");
    return Result;
  }
  if (MayNormalize)
    dumpNormalized(Dump, nullptr, Ctx);
  dumpStage(Dump, DumpStage::Discover, S, Ctx);
  for (AsyncFunction &F : S.Functions)
    computeLiveness(F, Ctx, Diags);
  if (Diags.hasErrors())
    return Result;
  dumpStage(Dump, DumpStage::Liveness, S, Ctx);
  computeLayout(S, Ctx, Diags);
  checkBudgets(S, Ctx, Diags);
  dumpStage(Dump, DumpStage::Layout, S, Ctx);
  HoistedTypes Hoisted = findHoistedTypes(S, Ctx, Diags);
  if (Diags.hasErrors())
    return Result;
  if (S.Functions.empty() && S.Starts.empty())
    return Result;

  const SourceManager &SM = Ctx.getSourceManager();
  Splicer Sp(Ctx);
  Emitter E(Ctx, Diags, PP);
  E.Sh = &S;
  E.Hoisted = &Hoisted;
  for (const StartSite &St : S.Starts)
    E.StartOfMarker[St.Marker] = &St;
  for (const AsyncFunction &F : S.Functions)
    for (const StartSite &St : F.Spawns)
      E.StartOfMarker[St.Marker] = &St;
  unsigned NF = S.Functions.size();
  const unsigned None = ~0u;

  // Callees before callers (await cycles were rejected by discover).
  std::vector<unsigned> Topo;
  {
    std::vector<bool> Seen(NF, false);
    std::function<void(unsigned)> Visit = [&](unsigned I) {
      if (Seen[I])
        return;
      Seen[I] = true;
      for (const AwaitSite &A : S.Functions[I].Awaits)
        for (const FunctionDecl *Callee : A.callees())
          if (AsyncFunction *C = S.lookup(Callee))
            Visit(C - S.Functions.data());
      Topo.push_back(I);
    };
    for (unsigned I = 0; I != NF; ++I)
      Visit(I);
  }

  // The first top-level declaration needing each frame, each prototype and
  // each pair of start thunks.
  std::vector<unsigned> FrameAt(NF, None), ProtoAt(NF, None);
  // In first-use order, so the output does not depend on pointer values.
  std::vector<std::pair<const FunctionDecl *, unsigned>> ThunksAt;
  std::vector<std::pair<const FunctionDecl *, unsigned>> BudgetAt;
  auto Use = [&](const FunctionDecl *Callee, unsigned At) {
    const FunctionDecl *Key = Callee->getCanonicalDecl();
    if (std::count(S.BudgetCallees.begin(), S.BudgetCallees.end(), Key)) {
      auto It = std::find_if(BudgetAt.begin(), BudgetAt.end(),
                             [&](auto &P) { return P.first == Key; });
      if (It == BudgetAt.end())
        BudgetAt.push_back({Key, At});
      else
        It->second = std::min(It->second, At);
    }
    if (AsyncFunction *C = S.lookup(Callee)) {
      unsigned I = C - S.Functions.data();
      FrameAt[I] = std::min(FrameAt[I], At);
      ProtoAt[I] = std::min(ProtoAt[I], At);
    }
  };
  auto StartUse = [&](const StartSite &St, unsigned At) {
    Use(St.Callee, At);
    const FunctionDecl *Key = St.Callee->getCanonicalDecl();
    auto It = std::find_if(ThunksAt.begin(), ThunksAt.end(),
                           [&](auto &P) { return P.first == Key; });
    if (It == ThunksAt.end())
      ThunksAt.push_back({Key, At});
    else
      It->second = std::min(It->second, At);
  };
  for (unsigned I = 0; I != NF; ++I) {
    AsyncFunction &F = S.Functions[I];
    unsigned Def = Sp.topLevelBegin(F.Decl);
    FrameAt[I] = std::min(FrameAt[I], Def);
    for (const FunctionDecl *R : F.Decl->redecls())
      if (Sp.inMainFile(R->getLocation()))
        ProtoAt[I] = std::min(ProtoAt[I], Sp.topLevelBegin(R));
    for (const AwaitSite &A : F.Awaits)
      for (const FunctionDecl *Callee : A.callees())
        Use(Callee, Def);
    for (const StartSite &St : F.Spawns)
      StartUse(St, Def);
    // f__sync is called, not embedded: only its prototype is needed.
    for (const FunctionDecl *Callee : F.SyncCallees)
      if (AsyncFunction *C = S.lookup(Callee)) {
        unsigned J = C - S.Functions.data();
        ProtoAt[J] = std::min(ProtoAt[J], Def);
      }
  }
  for (const StartSite &St : S.Starts)
    StartUse(St, St.Enclosing ? Sp.topLevelBegin(St.Enclosing)
                              : Sp.offset(St.Marker->getBeginLoc()));
  // A pool's storage needs the frame and the task thunks of its function.
  std::vector<std::pair<unsigned, unsigned>> PoolRange;
  for (const TaskPool &P : S.Pools) {
    CharSourceRange R = SM.getExpansionRange(P.Var->getSourceRange());
    unsigned Begin = SM.getFileOffset(R.getBegin());
    unsigned End = Sp.endOffset(R.getEnd());
    if (!Sp.inMainFile(R.getBegin())) {
      Diags.error(P.Var->getLocation(),
                  "CA_TASK_POOL must be written in the .c file itself");
      continue;
    }
    PoolRange.push_back({Begin, End});
    StartSite St;
    St.Callee = P.Function;
    StartUse(St, Begin);
  }
  // A frame embeds its callees' frames: they must be complete first.
  for (auto It = Topo.rbegin(); It != Topo.rend(); ++It)
    for (const AwaitSite &A : S.Functions[*It].Awaits)
      for (const FunctionDecl *Callee : A.callees())
        if (AsyncFunction *C = S.lookup(Callee)) {
          unsigned J = C - S.Functions.data();
          FrameAt[J] = std::min(FrameAt[J], FrameAt[*It]);
          ProtoAt[J] = std::min(ProtoAt[J], FrameAt[*It]);
        }
  // So does a budget frame, inside the frame of each function awaiting it,
  // which may now come before that function's definition.
  for (unsigned I = 0; I != NF; ++I)
    for (const AwaitSite &A : S.Functions[I].Awaits)
      for (const FunctionDecl *Callee : A.callees())
        Use(Callee, FrameAt[I]);

  // A frame placed before its function must not need types defined later.
  for (unsigned I = 0; I != NF; ++I) {
    const AsyncFunction &F = S.Functions[I];
    for (const SavedVar &SV : F.Saved) {
      std::vector<const NamedDecl *> Needs;
      declarationsNeeded(frameFieldType(SV, Ctx), Needs);
      for (const NamedDecl *ND : Needs)
        if (!Hoisted.isHoisted(ND) && Sp.inMainFile(ND->getLocation()) &&
            Sp.offset(ND->getLocation()) > FrameAt[I])
          Diags.error(SV.location(),
                      "the frame of '" + F.Name + "' is needed at line " +
                          llvm::Twine(SM.getLineNumber(SM.getMainFileID(),
                                                       FrameAt[I])) +
                          ", before '" + ND->getName() + "' (the type of '" +
                          SV.name() + "') is defined; move that definition up");
    }
    // So must the local types that move to file scope with it.
    for (const Decl *U : Hoisted.Of[I])
      forEachMemberType(U, [&](const Decl *Member, QualType T) {
        std::vector<const NamedDecl *> Needs;
        declarationsNeeded(T, Needs);
        for (const NamedDecl *ND : Needs)
          if (!Hoisted.isHoisted(ND) && Sp.inMainFile(ND->getLocation()) &&
              Sp.offset(ND->getLocation()) > FrameAt[I])
            Diags.error(Member->getLocation(),
                        "the frame of '" + F.Name + "' is needed at line " +
                            llvm::Twine(SM.getLineNumber(SM.getMainFileID(),
                                                         FrameAt[I])) +
                            ", with the types declared inside '" + F.Name +
                            "' that it keeps, before '" + ND->getName() +
                            "' is defined; move that definition up");
      });
  }
  if (Diags.hasErrors())
    return Result;
  // From here on, the hoisted types carry their file-scope names.
  std::optional<HoistedNames> Names;
  Names.emplace(Hoisted, Ctx);

  enum : unsigned {
    RankProto = 0,
    RankFrame = 1,
    RankThunk = 1u << 30,
    RankDefinition = RankThunk + 1
  };
  for (unsigned I = 0; I != NF; ++I)
    Sp.add(ProtoAt[I], ProtoAt[I], RankProto,
           E.prototypes(S.Functions[I],
                        SM.getComposedLoc(SM.getMainFileID(), ProtoAt[I])));
  for (unsigned N = 0; N != Topo.size(); ++N) {
    unsigned I = Topo[N];
    Sp.add(FrameAt[I], FrameAt[I], RankFrame + N,
           hoistedDefinitions(Hoisted, I, E.policy(), SM) +
               E.frameStruct(S.Functions[I]));
  }
  for (auto &[Callee, At] : BudgetAt)
    Sp.add(At, At, RankProto,
           E.budgetFrame(Callee, SM.getComposedLoc(SM.getMainFileID(), At)));
  for (auto &[Callee, At] : ThunksAt)
    Sp.add(At, At, RankThunk, E.thunks(Callee));
  for (AsyncFunction &F : S.Functions) {
    const FunctionDecl *FD = F.Decl;
    unsigned Begin = Sp.declBegin(FD);
    unsigned End = Sp.endOffset(FD->getBody()->getEndLoc());
    Sp.add(Begin, End, RankDefinition,
           withFrameSizeExport(E.definition(F), E.frameSizeExport(F)) +
               Sp.macroDirectives(Begin, End));
  }
  // A static async function's own prototypes name a function the lowered
  // file no longer calls: -Wunused-function would flag them.
  for (AsyncFunction &F : S.Functions)
    for (const FunctionDecl *R : F.Decl->redecls())
      if (R != F.Decl && !R->isThisDeclarationADefinition() &&
          !R->isExternallyVisible() && Sp.inMainFile(R->getBeginLoc()) &&
          R->getLexicalDeclContext()->isTranslationUnit()) {
        unsigned At = Sp.declBegin(R);
        Sp.add(At, At, RankDefinition + 1, "__attribute__((unused)) ");
      }
  for (unsigned I = 0; I != PoolRange.size(); ++I)
    Sp.add(PoolRange[I].first, PoolRange[I].second, RankDefinition,
           E.pool(S.Pools[I]));
  for (const StartSite &St : S.Starts) {
    if (St.Nested)
      continue;
    SourceLocation B = St.Marker->getBeginLoc();
    CharSourceRange R = SM.getImmediateExpansionRange(B);
    if (R.getBegin().isMacroID() || R.getEnd().isMacroID() ||
        !Sp.inMainFile(B)) {
      Diags.error(B, "ca_block_on and ca_spawn outside async functions must "
                     "be written in the .c file itself, not inside another "
                     "macro");
      continue;
    }
    unsigned Begin = SM.getFileOffset(R.getBegin());
    unsigned End = Sp.endOffset(R.getEnd());
    Sp.add(Begin, End, RankDefinition, E.startExpr(St, nullptr));
  }
  Names.reset();
  if (Diags.hasErrors())
    return Result;

  Result.Changed = true;
  Result.Text = Sp.apply();
  for (const AsyncFunction &F : S.Functions) {
    FrameSummary FS;
    FS.Name = F.Name;
    FS.Size = F.FrameSize;
    FS.Align = F.FrameAlign;
    FS.NameOffset = Sp.offset(F.Decl->getLocation());
    for (unsigned V = 0; V != F.Saved.size(); ++V) {
      const SavedVar &SV = F.Saved[V];
      unsigned HeldAt = 0, HeldOffset = 0;
      for (unsigned A = 0; A != F.Awaits.size() && !HeldAt; ++A)
        if (std::count(F.HeldAcross[A].begin(), F.HeldAcross[A].end(), V)) {
          HeldAt = A + 1;
          HeldOffset = Sp.offset(F.Awaits[A].Marker->getBeginLoc());
        }
      FS.Vars.push_back({SV.name(), SV.Size, SV.Offset, HeldAt, HeldOffset,
                         SV.AddressEscapes});
    }
    FS.LowerBound = F.LowerBound;
    FS.NoOverlapSize =
        F.FrameSize > F.NoOverlapSize ? F.FrameSize : F.NoOverlapSize;
    PresumedLoc P = SM.getPresumedLoc(F.Decl->getLocation());
    FS.File = P.getFilename();
    FS.Line = P.getLine();
    FS.Column = P.getColumn();
    auto SlotsOf = [&](const std::vector<unsigned> &Held) {
      std::vector<FrameSummary::Held> Out;
      for (unsigned V : Held)
        Out.push_back({"'" + F.Saved[V].name() + "'", F.Saved[V].Offset,
                       F.Saved[V].Size});
      return Out;
    };
    FS.Points.push_back({0, FS.NameOffset, SlotsOf(F.HeldAtStart)});
    for (unsigned A = 0; A != F.Awaits.size(); ++A) {
      FrameSummary::SuspendPoint SP{
          A + 1, Sp.offset(F.Awaits[A].Marker->getBeginLoc()),
          SlotsOf(F.HeldAcross[A])};
      const AwaitSite &Site = F.Awaits[A];
      if (Site.Indirect)
        SP.Slots.push_back({(Site.Boxed ? "boxed frame called through '"
                                        : "frame budget of '") +
                                pointerName(Site.Call) + "'",
                            F.SubFrameOffset[A], F.SubFrameSize[A]});
      else if (Site.Comb == Combinator::None)
        SP.Slots.push_back({"frame of '" + Site.Callee->getNameAsString() + "'",
                            F.SubFrameOffset[A], F.SubFrameSize[A]});
      else
        // The combinator's storage, then each branch's frame inside it.
        SP.Slots.push_back(
            {std::string(Site.Comb == Combinator::Join ? "ca_join"
                                                       : "ca_select") +
                 " of " + std::to_string(Site.Branches.size()) + " branches",
             F.SubFrameOffset[A], F.SubFrameSize[A]});
      for (unsigned B = 0; B != Site.Branches.size(); ++B) {
        const FunctionDecl *Callee = Site.Branches[B].Callee;
        SP.Slots.push_back({"branch " + std::to_string(B) + ": frame of '" +
                                Callee->getNameAsString() + "'",
                            F.SubFrameOffset[A] + F.BranchFrameOffset[A][B],
                            calleeFrameSize(S, Callee, Ctx).first});
      }
      FS.Points.push_back(std::move(SP));
    }
    Result.Frames.push_back(std::move(FS));
  }
  return Result;
}

} // namespace cawait
