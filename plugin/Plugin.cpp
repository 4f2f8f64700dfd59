//===- Plugin.cpp - cawait: the two-phase driver -------------------------===//
//
// Loaded with -fplugin=cawait.so, the action runs before the main action of
// every compile (AddBeforeMainAction). In CreateASTConsumer, before the main
// parse starts, it:
//   1. parses the same translation unit once more in a nested
//      CompilerInstance (syntax only, diagnostics silenced) and runs the
//      passes on that AST (passes/Pipeline.h), and once more on the
//      normalized text when the passes ask for a reparse;
//   2. when there is something to lower and no error, overrides the main
//      file's contents with the lowered text in a fresh FileID and makes it
//      the main file, so the real compile (and -MD, which names the same
//      file entry) sees the lowered program;
//   3. reports the passes' diagnostics when the main parse is done, at the
//      user's own locations, kept in a copy of the original text.
//
// Tests: test/lowering, test/errors, test/run.
//
//===----------------------------------------------------------------------===//
#include "../passes/CEmitter.h"
#include "../passes/Contract.h"
#include "../passes/Dump.h"
#include "../passes/FrameReport.h"
#include "../passes/Pipeline.h"
#include "Diagnostics.h"
#include "GenReturns.h"
#include "Options.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclGroup.h"
#include "clang/Basic/DiagnosticAST.h"
#include "clang/Basic/DiagnosticFrontend.h"
#include "clang/CodeGen/ModuleBuilder.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

using namespace clang;

namespace cawait {
namespace {

// Every loaded plugin is instantiated for every frontend action in the
// process, the nested analysis parse included: this stops the recursion.
bool InAnalysis = false;

/// emit=<Path>: writes Text (the lowered text, or the user's when there is
/// nothing to lower) after two lines: CA_LOWERED, so that cawait.h compiled
/// by a compiler without the plugin (cawait-gcc) knows the text is lowered,
/// then a #line that gives the rest the main file's name and lines.
/// A text file cawait writes (emit=, emit-normalized=, frame-usage=), or
/// null after clang's error for a file it cannot open.
std::unique_ptr<llvm::raw_fd_ostream> openOutput(CompilerInstance &CI,
                                                 StringRef Path) {
  std::error_code EC;
  auto OS =
      std::make_unique<llvm::raw_fd_ostream>(Path, EC, llvm::sys::fs::OF_Text);
  if (!EC)
    return OS;
  CI.getDiagnostics().Report(diag::err_fe_error_opening)
      << Path << EC.message();
  return nullptr;
}

void writeEmitted(CompilerInstance &CI, StringRef Path, StringRef Text) {
  if (Path.empty())
    return;
  std::unique_ptr<llvm::raw_fd_ostream> OS = openOutput(CI, Path);
  if (!OS)
    return;
  const SourceManager &SM = CI.getSourceManager();
  PresumedLoc P =
      SM.getPresumedLoc(SM.getLocForStartOfFile(SM.getMainFileID()));
  *OS << "#define " << contract::LoweredMacro << " 1\n#line 1 "
      << quoteC(P.isValid() ? P.getFilename() : "") << "\n"
      << Text;
}

/// Diagnostics clang gives when it first lays a record out (RecordLayout
/// Builder): -Wpadded, -Wpadded-bitfield, -Wpacked, -Wunaligned-access.
/// Plain clang lays most records out in code generation, interleaved with
/// the parse; the user gets these from the analysis parse only, which
/// generates code for them (AnalysisAction::WithCodeGen) and stops
/// reporting them when cawait's passes (which lay out records in their own
/// order, frames too) begin.
const unsigned LayoutDiags[] = {
    diag::warn_padded_struct_anon_bitfield, diag::warn_padded_struct_anon_field,
    diag::warn_padded_struct_bitfield,      diag::warn_padded_struct_field,
    diag::warn_padded_struct_size,          diag::warn_unaligned_access,
    diag::warn_unnecessary_packed,          diag::warn_unpacked_field};

bool isLayoutDiag(unsigned ID) {
  return std::find(std::begin(LayoutDiags), std::end(LayoutDiags), ID) !=
         std::end(LayoutDiags);
}

/// Backend warnings that code generation asks the diagnostics engine about
/// while it emits a function, during the parse: a function gets the
/// "warn-stack-size" attribute only where -Wframe-larger-than is not
/// ignored (CodeGenFunction::StartFunction). The parse of the lowered text
/// runs under -w, which would ignore them; they are mapped to remarks there
/// instead (-w leaves remarks alone), and LoweredParseFilter gives them to
/// the user at the level the command line had set.
const unsigned CodegenQueriedWarnings[] = {
    diag::warn_fe_frame_larger_than, diag::warn_fe_backend_frame_larger_than};

class AnalysisConsumer : public ASTConsumer {
public:
  AnalysisConsumer(LoweredTU &Out, std::vector<DiagRecord> &Diags,
                   SourceText Text, bool &ParseFailed, Preprocessor &PP,
                   bool &LayoutOver, const DumpRequest &Dump)
      : Out(Out), Diags(Diags), Text(Text), ParseFailed(ParseFailed), PP(PP),
        LayoutOver(LayoutOver), Dump(Dump) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    LayoutOver = true; // code generation (before this consumer) is done
    // (An error the consumer raised itself, GenReturns.h, is counted by
    // the consumer only.)
    if (Ctx.getDiagnostics().hasErrorOccurred() ||
        Ctx.getDiagnostics().getClient()->getNumErrors()) {
      ParseFailed = true;
      return; // the main compile reports the same errors
    }
    DiagSink Sink(Ctx.getSourceManager());
    Out = runPipeline(Ctx, Sink, Text, &PP, &Dump);
    Diags = Sink.take();
  }

private:
  LoweredTU &Out;
  std::vector<DiagRecord> &Diags;
  SourceText Text;
  bool &ParseFailed;
  Preprocessor &PP;
  bool &LayoutOver;
  const DumpRequest &Dump;
};

class AnalysisAction : public ASTFrontendAction {
public:
  /// Text: what the parse reads, the user's text or the normalized one.
  explicit AnalysisAction(SourceText Text) : Text(Text) {}
  LoweredTU Lowered;
  std::vector<DiagRecord> Diags;
  bool ParseFailed = false;
  /// Generate code (IR only, then dropped) as plain clang does, so that
  /// records are laid out, and their layout warnings given, when and in
  /// the order plain clang lays them out.
  bool WithCodeGen = false;
  /// Set when the parse and its code generation are over.
  bool LayoutOver = false;
  DumpRequest Dump; ///< the passes' facts to print (-dump=)

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef InFile) override {
    auto Passes = std::make_unique<AnalysisConsumer>(
        Lowered, Diags, Text, ParseFailed, CI.getPreprocessor(), LayoutOver,
        Dump);
    if (!WithCodeGen)
      return Passes;
    LLVMCtx = std::make_unique<llvm::LLVMContext>();
    std::vector<std::unique_ptr<ASTConsumer>> Both;
    Both.emplace_back(CreateLLVMCodeGen(
        CI.getDiagnostics(), InFile, &CI.getVirtualFileSystem(),
        CI.getHeaderSearchOpts(), CI.getPreprocessorOpts(), CI.getCodeGenOpts(),
        *LLVMCtx));
    Both.push_back(std::move(Passes));
    return std::make_unique<MultiplexConsumer>(std::move(Both));
  }

private:
  SourceText Text;
  std::unique_ptr<llvm::LLVMContext> LLVMCtx;
};

/// Hands the analysis parse's diagnostics to the user's own consumer. That
/// parse reads the user's text as written (await(e) is (e) there), so its
/// warnings, notes, macro notes and fix-its are exactly plain clang's; the
/// parse of the lowered text is kept quiet instead. The user's consumer is
/// already inside the main action's source file, so the nested action's
/// begin and end are not passed on; counting here and there makes errors
/// (-Werror too) fail the compile and the "N warnings generated" line true.
/// Layout warnings (isLayoutDiag) pass only until the parse is over.
class ToUserConsumer : public DiagnosticConsumer {
public:
  ToUserConsumer(DiagnosticConsumer &User, const bool &LayoutOver)
      : User(User), LayoutOver(LayoutOver) {}
  /// Maps the return diagnostics of generators to remarks in D, this
  /// consumer's engine (GenReturns.h): the level is decided here.
  void quietGeneratorReturns(DiagnosticsEngine &D) { GenLevels.quiet(D); }
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    if (LayoutOver && Level < DiagnosticsEngine::Error &&
        isLayoutDiag(Info.getID()))
      return;
    // A generator's items are its type: `return;` ends it.
    if (std::optional<DiagnosticsEngine::Level> L = GenLevels.levelOf(Info)) {
      if (*L == DiagnosticsEngine::Ignored)
        return;
      Level = *L;
    }
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    User.HandleDiagnostic(Level, Info);
  }

private:
  DiagnosticConsumer &User;
  const bool &LayoutOver;
  GenReturnLevels GenLevels;
};

/// The main compile's client once the analysis parse has given the user's
/// warnings: layout warnings of the lowered text (the user's records again,
/// in another order, and cawait's frames) are dropped even where a
/// `#pragma clang diagnostic` of the user's text turns them back on, and the
/// backend warnings mapped to remarks for the quiet parse
/// (CodegenQueriedWarnings) are given at the level the user had set.
class LoweredParseFilter : public DiagnosticConsumer {
public:
  using Levels = std::vector<std::pair<unsigned, DiagnosticsEngine::Level>>;
  LoweredParseFilter(DiagnosticConsumer *User,
                     std::unique_ptr<DiagnosticConsumer> Owned,
                     Levels UserLevels)
      : User(User), Owned(std::move(Owned)), UserLevels(std::move(UserLevels)) {
    // The analysis parse's diagnostics, counted by the user's client: the
    // compile's "N warnings generated" and its exit status read this one.
    NumWarnings = User->getNumWarnings();
    NumErrors = User->getNumErrors();
  }
  void BeginSourceFile(const LangOptions &LO, const Preprocessor *PP) override {
    User->BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override { User->EndSourceFile(); }
  void finish() override { User->finish(); }
  void clear() override {
    DiagnosticConsumer::clear();
    User->clear();
  }
  bool IncludeInDiagnosticCounts() const override {
    return User->IncludeInDiagnosticCounts();
  }
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    if (Level < DiagnosticsEngine::Error && isLayoutDiag(Info.getID()))
      return;
    if (Level == DiagnosticsEngine::Remark)
      for (const auto &[ID, UserLevel] : UserLevels)
        if (ID == Info.getID())
          Level = UserLevel; // counted as such: -Werror fails the compile
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    User->HandleDiagnostic(Level, Info);
  }

private:
  DiagnosticConsumer *User;
  std::unique_ptr<DiagnosticConsumer> Owned;
  Levels UserLevels;
};

/// Whether the analysis parse must generate code for layout warnings: one
/// of them is on for the command line, or the main file's text names one
/// (a `#pragma clang diagnostic` may turn it on).
bool layoutWarningsWanted(DiagnosticsEngine &D, StringRef MainText) {
  for (unsigned ID : LayoutDiags)
    if (!D.isIgnored(ID, SourceLocation()))
      return true;
  for (StringRef Flag :
       {"-Wpadded", "-Wpacked", "-Wunaligned-access", "-Weverything"})
    if (MainText.contains(Flag))
      return true;
  return false;
}

/// Parses the translation unit of CI again (syntax only) and runs the
/// passes on it; with MainText, that text stands for the main file. With
/// ToUser the parse's diagnostics are the user's (see ToUserConsumer);
/// otherwise they are silenced.
void runAnalysis(CompilerInstance &CI, AnalysisAction &Analysis,
                 const std::string *MainText, bool ToUser) {
  auto Inv = std::make_shared<CompilerInvocation>(CI.getInvocation());
  Inv->getFrontendOpts().ProgramAction = frontend::ParseSyntaxOnly;
  Inv->getFrontendOpts().Plugins.clear();
  Inv->getFrontendOpts().FixItSuffix.clear();
  Inv->getDependencyOutputOpts() = DependencyOutputOptions();
  DiagnosticOptions &DO = Inv->getDiagnosticOpts();
  DO.DiagnosticSerializationFile.clear(); // the main compile writes these
  DO.DiagnosticLogFile.clear();
  DO.VerifyDiagnostics = false;
  DO.ShowCarets = false; // no "N warnings generated" of its own: the main
                         // compile counts them with its own
  if (!ToUser)
    DO.IgnoreWarnings = true; // -Werror must not stop it
  if (MainText) {
    SourceManager &SM = CI.getSourceManager();
    OptionalFileEntryRef FE = SM.getFileEntryRefForID(SM.getMainFileID());
    Inv->getPreprocessorOpts().addRemappedFile(
        FE->getName(),
        llvm::MemoryBuffer::getMemBufferCopy(*MainText, FE->getName())
            .release());
  }
  CompilerInstance Nested(CI.getPCHContainerOperations());
  Nested.setInvocation(Inv);
  Nested.setFileManager(&CI.getFileManager());
  if (ToUser) {
    auto *Consumer =
        new ToUserConsumer(CI.getDiagnosticClient(), Analysis.LayoutOver);
    Nested.createDiagnostics(Consumer, true);
    Consumer->quietGeneratorReturns(Nested.getDiagnostics());
  } else {
    Nested.createDiagnostics(new IgnoringDiagConsumer(), true);
    // The first parse gave them: a generator's `return;` is no error here.
    GenReturnLevels().quiet(Nested.getDiagnostics());
  }
  InAnalysis = true;
  forgetGenerators();
  Nested.ExecuteAction(Analysis);
  forgetGenerators(); // their AST is gone
  InAnalysis = false;
}

/// Takes main-file offsets of the normalized text back to the user's.
void toOriginalOffsets(const OffsetMap &Map, std::vector<DiagRecord> &Records,
                       LoweredTU &TU) {
  for (DiagRecord &R : Records)
    if (R.InMainFile)
      R.Offset = Map.toOriginal(R.Offset);
  toOriginalOffsets(Map, TU.Frames);
}

/// Whether the main file's text names anything of cawait: without one of
/// these identifiers it can define no async function and await or start
/// nothing, and the analysis parse is skipped (a file with no async code
/// then compiles as fast as without the plugin). Raw lexing: no
/// preprocessing, comments and strings skipped.
bool namesCawait(StringRef Text, const LangOptions &LO) {
  static const char *const Names[] = {
      "async",        "await",        "__async__",       "CA_ASYNC",
      "ca_block_on",  "ca_spawn",     "ca_spawn_in",     "CA_TASK_POOL",
      "ca_join",      "ca_select",    "ca_timeout_ms",   "ca_task_join",
      "ca_task_wait", "async_budget", "CA_ASYNC_BUDGET", "cawait",
      "gen",          "yield",        "CA_GEN",          "CA_YIELD",
      "ca_for",       "ca_for_await"};
  Lexer Raw(SourceLocation(), LO, Text.begin(), Text.begin(), Text.end());
  Raw.SetCommentRetentionState(false);
  Token Tok;
  while (!Raw.LexFromRawLexer(Tok) || Tok.isNot(tok::eof)) {
    if (!Tok.is(tok::raw_identifier))
      continue;
    StringRef Id = Tok.getRawIdentifier();
    for (const char *N : Names)
      if (Id == N)
        return true;
  }
  return false;
}

/// When the analysis parse was skipped: async code that reaches the main
/// file anyway, through macros of headers only, is an error rather than
/// compiled as plain C.
class SkippedCheck : public ASTConsumer, public PPCallbacks {
public:
  explicit SkippedCheck(CompilerInstance &CI) : CI(CI) {}

  void MacroExpands(const Token &Name, const MacroDefinition &,
                    SourceRange Range, const MacroArgs *) override {
    StringRef N = Name.getIdentifierInfo()->getName();
    if (N != "await" && N != "ca_block_on" && N != "ca_spawn" &&
        N != "ca_spawn_in" && N != "CA_TASK_POOL" && N != "ca_join" &&
        N != "ca_select" && N != "ca_timeout_ms" && N != "ca_for" &&
        N != "ca_for_await" && N != "CA_YIELD")
      return;
    SourceManager &SM = CI.getSourceManager();
    SourceLocation L = SM.getExpansionLoc(Range.getBegin());
    if (SM.isInMainFile(L))
      report(L, "'" + N.str() + "'");
  }

  bool HandleTopLevelDecl(DeclGroupRef G) override {
    for (const Decl *D : G)
      if (const auto *FD = dyn_cast<FunctionDecl>(D))
        if (FD->doesThisDeclarationHaveABody() && isAsyncFunction(FD) &&
            CI.getSourceManager().isInMainFile(
                CI.getSourceManager().getExpansionLoc(FD->getLocation())))
          report(FD->getLocation(),
                 "async function '" + FD->getNameAsString() + "'");
    return true;
  }

private:
  void report(SourceLocation L, const std::string &What) {
    DiagnosticsEngine &D = CI.getDiagnostics();
    D.Report(L, D.getCustomDiagID(
                    DiagnosticsEngine::Error,
                    "%0 reaches this file only through a header's macro; "
                    "the file names nothing of cawait, so cawait did not "
                    "lower it: include <cawait.h> in this file"))
        << What;
  }
  CompilerInstance &CI;
};

/// The preprocessor owns its callbacks; the consumer owns the check.
class ForwardingCallbacks : public PPCallbacks {
public:
  explicit ForwardingCallbacks(PPCallbacks &To) : To(To) {}
  void MacroExpands(const Token &Name, const MacroDefinition &MD,
                    SourceRange Range, const MacroArgs *Args) override {
    To.MacroExpands(Name, MD, Range, Args);
  }

private:
  PPCallbacks &To;
};

/// Reports the passes' diagnostics once the main parse is done (headers
/// are loaded by then, so their locations resolve too).
class ReportingConsumer : public ASTConsumer {
public:
  /// UserIgnoresWarnings: the -w of the command line, put back once the
  /// parse of the lowered text (kept quiet: the analysis parse gave the
  /// user's warnings) is over, for cawait's own reports and the backend's.
  ReportingConsumer(CompilerInstance &CI, std::vector<DiagRecord> Records,
                    FileID MainForDiags, bool UserIgnoresWarnings)
      : CI(CI), Records(std::move(Records)), MainForDiags(MainForDiags),
        UserIgnoresWarnings(UserIgnoresWarnings) {}

  void HandleTranslationUnit(ASTContext &) override {
    CI.getDiagnostics().setIgnoreAllWarnings(UserIgnoresWarnings);
    reportDiagnostics(CI, Records, MainForDiags);
  }

private:
  CompilerInstance &CI;
  std::vector<DiagRecord> Records;
  FileID MainForDiags;
  bool UserIgnoresWarnings;
};

/// Whether the command line leaves -Rremark-backend-plugin to
/// -fplugin-arg-cawait-frame-report (asking for the report is asking to see
/// it) rather than turning it off with -Rno-remark-backend-plugin or
/// -Rno-everything; the last of them decides, as for clang's own -R flags.
bool frameRemarksWanted(const DiagnosticOptions &DO) {
  bool Wanted = true;
  for (const std::string &R : DO.Remarks) {
    if (R == "no-remark-backend-plugin" || R == "no-everything")
      Wanted = false;
    else if (R == "remark-backend-plugin" || R == "everything")
      Wanted = true;
  }
  return Wanted;
}

/// GCC's -fstack-usage format, one line per async function.
void writeFrameUsageFile(CompilerInstance &CI, const std::string &Path,
                         const LoweredTU &TU) {
  if (std::unique_ptr<llvm::raw_fd_ostream> OS = openOutput(CI, Path))
    writeFrameUsage(*OS, TU.Frames);
}

class CawaitAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    if (InAnalysis)
      return std::make_unique<ASTConsumer>();
    SourceManager &SM = CI.getSourceManager();
    FileID OrigFID = SM.getMainFileID();

    if (!namesCawait(SM.getBufferData(OrigFID), CI.getLangOpts())) {
      writeEmitted(CI, Opts.EmitPath, SM.getBufferData(OrigFID));
      auto Check = std::make_unique<SkippedCheck>(CI);
      CI.getPreprocessor().addPPCallbacks(
          std::make_unique<ForwardingCallbacks>(*Check));
      return Check;
    }

    // -fixit rewrites the files the main parse read with the fix-its it
    // saw: that parse must read the user's text, and a syntax-only action
    // needs no lowering. The fix-its are then plain clang's.
    if (CI.getFrontendOpts().ProgramAction == frontend::FixIt)
      return std::make_unique<ASTConsumer>();

    // Phase 1: the analysis parse of the same translation unit, whose
    // diagnostics are the user's; the main parse is kept quiet from here.
    DiagnosticsEngine &UserDiags = CI.getDiagnostics();
    bool UserIgnoresWarnings = UserDiags.getIgnoreAllWarnings();
    AnalysisAction Analysis(SourceText::User);
    Analysis.Dump = {Opts.DumpStages, &llvm::errs()};
    Analysis.WithCodeGen =
        layoutWarningsWanted(UserDiags, SM.getBufferData(OrigFID));
    runAnalysis(CI, Analysis, nullptr, /*ToUser=*/true);
    if (Analysis.ParseFailed) {
      // Its errors are reported and fail the compile; the main parse of the
      // same text would only repeat them, and code generation, which runs
      // when it sees no error of its own, must not see that AST: the main
      // parse reads an empty file instead.
      UserDiags.setSuppressAllDiagnostics(true);
      SM.setMainFileID(SM.createFileID(llvm::MemoryBuffer::getMemBuffer(
          "", SM.getBufferName(SM.getLocForStartOfFile(OrigFID)))));
      return std::make_unique<ASTConsumer>();
    }
    LoweredParseFilter::Levels UserLevels;
    if (!Opts.LoweredWarnings)
      for (unsigned ID : CodegenQueriedWarnings) {
        DiagnosticsEngine::Level L =
            UserDiags.getDiagnosticLevel(ID, SourceLocation());
        if (L != DiagnosticsEngine::Warning && L != DiagnosticsEngine::Error)
          continue;
        UserLevels.emplace_back(ID, L);
        UserDiags.setSeverity(ID, diag::Severity::Remark, SourceLocation());
      }
    UserDiags.setIgnoreAllWarnings(UserIgnoresWarnings ||
                                   !Opts.LoweredWarnings);
    if (!Opts.LoweredWarnings) {
      // The parse of the lowered text is quiet until its AST is complete;
      // its code generation goes on after that (deferred definitions), and
      // must not give the layout warnings the analysis parse gave.
      bool Owns = UserDiags.ownsClient();
      DiagnosticConsumer *User = UserDiags.getClient();
      std::unique_ptr<DiagnosticConsumer> Owned =
          Owns ? UserDiags.takeClient() : nullptr;
      UserDiags.setClient(
          new LoweredParseFilter(User, std::move(Owned), std::move(UserLevels)),
          /*ShouldOwnClient=*/true);
      for (unsigned ID : LayoutDiags) // nor turn them into errors (-Werror)
        UserDiags.setSeverity(ID, diag::Severity::Ignored, SourceLocation());
    }
    std::vector<DiagRecord> Records = std::move(Analysis.Diags);
    LoweredTU TU = std::move(Analysis.Lowered);
    if (TU.NeedsReparse) {
      // Awaits inside expressions were moved into statements: lower that
      // text, with its diagnostics taken back to the user's offsets.
      NormalizedTU N = std::move(*TU.NeedsReparse);
      AnalysisAction Second(SourceText::Normalized);
      Second.Dump = {Opts.DumpStages, &llvm::errs(), &N.Map,
                     SM.getBufferData(OrigFID)};
      runAnalysis(CI, Second, &N.Text, /*ToUser=*/false);
      TU = std::move(Second.Lowered);
      std::vector<DiagRecord> More = std::move(Second.Diags);
      if (Second.ParseFailed)
        More.push_back(mainFileRecord(
            DiagRecord::Error, 0,
            "cawait's rewrite of awaits inside expressions does not "
            "compile (a cawait bug); -fplugin-arg-cawait-emit-normalized=FILE "
            "writes it"));
      toOriginalOffsets(N.Map, More, TU);
      Records.insert(Records.end(), More.begin(), More.end());
      if (!Opts.EmitNormalizedPath.empty())
        if (std::unique_ptr<llvm::raw_fd_ostream> OS =
                openOutput(CI, Opts.EmitNormalizedPath))
          *OS << N.Text;
    }
    bool Preprocessed =
        !CI.getFrontendOpts().Inputs.empty() &&
        CI.getFrontendOpts().Inputs[0].getKind().isPreprocessed();
    bool Errors = std::any_of(Records.begin(), Records.end(), [](auto &R) {
      return R.Severity == DiagRecord::Error;
    });
    if (Preprocessed && (Errors || TU.Changed)) {
      Records.insert(Records.begin(),
                     mainFileRecord(DiagRecord::Error, 0,
                                    "cawait cannot lower preprocessed input "
                                    "(a .i file, or -save-temps): await() is a "
                                    "macro and is gone after preprocessing"));
      Errors = true;
    }
    StringRef Orig = SM.getBufferData(OrigFID);
    writeEmitted(CI, Opts.EmitPath,
                 TU.Changed && !Errors ? StringRef(TU.Text) : Orig);
    if (Errors || !TU.Changed)
      return std::make_unique<ReportingConsumer>(CI, std::move(Records),
                                                 OrigFID, UserIgnoresWarnings);

    frameDiagnostics(TU.Frames, Opts.FrameLargerThan, Opts.FrameReport,
                     Records);
    if (Opts.FrameReport && frameRemarksWanted(CI.getDiagnosticOpts()))
      CI.getDiagnostics().setSeverity(diag::remark_fe_backend_plugin,
                                      diag::Severity::Remark, SourceLocation());
    if (!Opts.FrameUsagePath.empty())
      writeFrameUsageFile(CI, Opts.FrameUsagePath, TU);

    // Phase 2: the lowered text becomes the main file. It overrides the
    // file entry itself, so -MD and debug info still name the user's file;
    // the original text stays reachable in a buffer of the same name, for
    // diagnostics at the user's locations.
    OptionalFileEntryRef FE = SM.getFileEntryRefForID(OrigFID);
    if (!FE) {
      Records.push_back(mainFileRecord(
          DiagRecord::Error, 0,
          "cawait needs the source in a file, not standard input"));
      return std::make_unique<ReportingConsumer>(CI, std::move(Records),
                                                 OrigFID, UserIgnoresWarnings);
    }
    FileID DiagFID = SM.createFileID(
        llvm::MemoryBuffer::getMemBufferCopy(Orig, FE->getName()));
    SM.overrideFileContents(
        *FE, llvm::MemoryBuffer::getMemBufferCopy(TU.Text, FE->getName()));
    FileID Lowered = SM.createFileID(*FE, SourceLocation(), SrcMgr::C_User);
    SM.setMainFileID(Lowered);
    return std::make_unique<ReportingConsumer>(CI, std::move(Records), DiagFID,
                                               UserIgnoresWarnings);
  }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    std::string Error;
    if (parseOptions(Args, Opts, Error))
      return true;
    DiagnosticsEngine &D = CI.getDiagnostics();
    D.Report(D.getCustomDiagID(DiagnosticsEngine::Error, "%0")) << Error;
    return false;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }

private:
  Options Opts;
};

} // namespace
} // namespace cawait

static clang::FrontendPluginRegistry::Add<cawait::CawaitAction>
    X("cawait", "lower async functions to polled frames");
