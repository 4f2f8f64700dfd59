#!/usr/bin/env python3
"""csmith.py: the Csmith campaign, cawait on C nobody here wrote.

For every seed, Csmith writes a random program (free of undefined and
unspecified behaviour, printing a checksum of its globals).  The program is
made async by a source-to-source rewrite located with clang's own AST
(`clang -Xclang -ast-dump=json`, exact offsets of FunctionDecls and
CallExprs, no regexes): every function Csmith generated (`func_N`) becomes
`async`, every call of one becomes `await(call)`, and `main` (which stays
synchronous) calls the top function through `ca_block_on(...)`.  Csmith's
helpers from csmith.h (safe_math, crc32_gentab, transparent_crc, ...) stay
synchronous.

The async program is built as plain synchronous C (clang-19, -I runtime/
include, await(e) is e: the reference) and with the plugin (cawait-cc), at
each --opt level; both run under a timeout and must print the same and exit
alike.  Results (one per seed, level and opt):

  ok               same output
  skip-timeout     the plain program timed out, or ends only because clang
                   assumes loops without side effects end (C11 6.8.5p6:
                   built with -fno-finite-loops it times out): not a failure
  build-error      the plugin build failed with errors in the lowered code
  rejected         cawait refused the program with its own located error
  plugin-crash     clang crashed (stack dump / signal) or hung building it
  mismatch         outputs or exit codes differ (and the plain program also
                   ends when built with -fno-finite-loops)
  slow             the lowered program exceeded the timeout, but run again
                   with --slow-timeout it printed the same and exited alike:
                   not wrong code but a speed finding (the loop the optimizer
                   folds in the plain build holds a value in the frame in the
                   lowered one); listed and saved, counted apart from the
                   failures
  timeout          the plain program finished but the lowered one timed out,
                   also with --slow-timeout
  gen-error        the plain build of the rewritten program failed (a
                   rewriter or Csmith problem; also a failure)
  warning-diff     (--warnings) the two builds' -Wall -Wextra warning lists
                   differ (a warning is 'LINE: TEXT [-Wflag]'; counted apart
                   from the failures: see --warnings-fail)

Failures are saved under --out as LEVEL-seed-N-O<opt>.c (the rewritten async
program with the error in a leading comment) and .lowered.c (the plugin's
emitted text).  Each result is appended to OUT/results.jsonl.

  python3 test/fuzz/csmith.py --level scalars --seeds 0:200 -j 2
  python3 test/fuzz/csmith.py --level all --seeds 0:1000 -j 2 --opt 0,2
  python3 test/fuzz/csmith.py --level all --seeds 0:100 --warnings

Levels (Csmith options):
  scalars   no pointers, structs, unions, arrays, bitfields, volatiles
  pointers  pointers, structs and arrays (no unions, bitfields, volatiles,
            packed structs)
  all       Csmith's defaults: also unions, bitfields, volatiles and packed
            structs

Exit status: 0 when every seed passed (or was skipped), 1 otherwise.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from run import parse_seeds, run  # noqa: E402  (test/fuzz/run.py)

LEVELS = {
    "scalars": ["--no-pointers", "--no-structs", "--no-unions", "--no-arrays",
                "--no-bitfields", "--no-volatiles", "--no-volatile-pointers",
                "--no-const-pointers", "--no-packed-struct"],
    "pointers": ["--no-unions", "--no-bitfields", "--no-volatiles",
                 "--no-volatile-pointers", "--no-packed-struct"],
    "all": [],
}

FAILURES = ("build-error", "rejected", "plugin-crash", "mismatch", "timeout",
            "gen-error")


class RewriteError(Exception):
    pass


def top_level_decls(text):
    """Yields the top-level declarations of clang's JSON AST dump one at a
    time (the dump of a Csmith program is ~50 MB, most of it csmith.h's
    safe_math functions: decoding it element by element keeps only the
    wanted ones in memory)."""
    dec = json.JSONDecoder()
    i = text.index('"inner": [')
    i += len('"inner": [')
    n = len(text)
    while True:
        while i < n and text[i] in " \t\r\n,":
            i += 1
        if i >= n or text[i] == "]":
            return
        node, i = dec.raw_decode(text, i)
        yield node


def bare(loc, what):
    """The file offset of a location that is not inside a macro."""
    if not loc or "offset" not in loc:
        raise RewriteError("%s: location inside a macro: %r" % (what, loc))
    return loc["offset"]


GENERATED = re.compile(r"func_\d+$")


def callee_name(call):
    """The name of a CallExpr's directly called function, or None."""
    inner = call.get("inner") or []
    if not inner:
        return None
    e = inner[0]
    while e.get("kind") in ("ImplicitCastExpr", "ParenExpr") and \
            e.get("inner"):
        e = e["inner"][0]
    if e.get("kind") != "DeclRefExpr":
        return None
    d = e.get("referencedDecl") or {}
    return d.get("name") if d.get("kind") == "FunctionDecl" else None


def walk(node, fn):
    fn(node)
    for c in node.get("inner") or []:
        if isinstance(c, dict):
            walk(c, fn)


def make_async(src, ast_text, yields=False):
    """The async version of a Csmith program: returns the new text.
    `ast_text` is clang's JSON AST dump of `src`.  With `yields`, each
    generated function's body begins with `await(ca_yield());`: every
    function then really suspends, so each await of a call is a suspend
    point holding what the caller keeps across it."""
    edits = []  # (offset, order, text): applied from the end
    asyncs = set()
    decls = []
    for d in top_level_decls(ast_text):
        if d.get("kind") != "FunctionDecl":
            continue
        name = d.get("name", "")
        if GENERATED.match(name) or name == "main":
            decls.append(d)
            if name != "main":
                asyncs.add(name)
    if "func_1" not in asyncs:
        raise RewriteError("no func_1 in the program")
    for d in decls:
        name = d["name"]
        begin = bare(d["range"]["begin"], name)
        at = bare(d["loc"], name)
        if src[at:at + len(name)] != name:
            raise RewriteError("%s not at offset %d" % (name, at))
        if name != "main":
            edits.append((begin, 0, "async "))
        if "inner" not in d:
            continue
        body = d["inner"][-1]
        if yields and name != "main" and body.get("kind") == "CompoundStmt":
            b = bare(body["range"]["begin"], name)
            if src[b] != "{":
                raise RewriteError("body of %s not at %d" % (name, b))
            edits.append((b + 1, 0, " await(ca_yield());"))
        wrap = "ca_block_on(" if name == "main" else "await("

        def visit(e):
            if e.get("kind") != "CallExpr":
                return
            callee = callee_name(e)
            if callee not in asyncs:
                return
            b = bare(e["range"]["begin"], callee)
            end = e["range"]["end"]
            en = bare(end, callee) + end["tokLen"]
            if not src.startswith(callee, b) or src[en - 1] != ")":
                raise RewriteError("call of %s not at %d..%d" % (callee, b,
                                                                 en))
            # an outer call starts before and ends after an inner one:
            # openings at one offset go outer first, closings inner first
            edits.append((b, 1, wrap))
            edits.append((en, 2, ")"))
        walk(d, visit)
    out = src
    for off, _, text in sorted(edits, key=lambda e: (e[0], e[1]),
                               reverse=True):
        out = out[:off] + text + out[off:]
    return '#include "cawait.h"\n' + out


def rewrite(orig_path, async_path, a):
    rc, out, err = run([a.clang, "-fsyntax-only", "-w", "-std=gnu11",
                        "-isystem", a.csmith_include, "-Xclang",
                        "-ast-dump=json", orig_path], a.build_timeout)
    if rc != 0:
        raise RewriteError("clang -ast-dump=json failed (%s): %s" %
                           (rc, err[-2000:]))
    with open(orig_path) as f:
        src = f.read()
    text = make_async(src, out, a.yields)
    with open(async_path, "w") as f:
        f.write(text)
    return text


# 'prog.c:12:5: warning: message [-Wflag]' (the column is left out: another
# branch is making the plugin build report the user's own columns)
WARNING = re.compile(r"^[^:\n]*prog\.c:(\d+):\d+: warning: (.*)$", re.M)


def warning_list(err):
    return collections.Counter("%s: %s" % m for m in WARNING.findall(err))


CRASH = ("PLEASE submit a bug report", "Stack dump", "LLVM ERROR",
         "error in backend")


def first_error(err):
    for line in err.splitlines():
        if ": error: " in line or "fatal error: " in line:
            return line
    for line in err.splitlines():
        if any(c in line for c in CRASH):
            return line
    lines = [x for x in err.splitlines() if x.strip()]
    return lines[0] if lines else ""


def signature(status, detail):
    """Groups failures: the first error line without file, numbers and
    Csmith's generated names."""
    line = first_error(detail) if status in (
        "build-error", "rejected", "plugin-crash", "gen-error") else ""
    line = re.sub(r"^\S*?:\d+:\d+: ", "", line)
    line = re.sub(r"\b(func|g|l|p|S|U)_\d+\b", r"\1_N", line)
    line = re.sub(r"'f\d+'", "'fN'", line)
    line = re.sub(r"\b\d+\b", "N", line)
    line = re.sub(r"'[^']*'", "'...'", line) if status == "build-error" \
        and "cannot" not in line else line
    return line[:160]


def check_opt(tmp, prog, opt, a):
    """Builds and runs one async program at one -O level.  Returns
    (status, detail, lowered, extra) where extra holds warning figures."""
    common = ["-std=gnu11", "-O%s" % opt, "-isystem", a.csmith_include] + \
        (["-Wall", "-Wextra"] if a.warnings else ["-w"]) + a.cflags
    sync = os.path.join(tmp, "sync-O%s" % opt)
    rc, _, serr = run([a.clang] + common + ["-I", a.include, prog, a.lib,
                                            "-o", sync], a.build_timeout)
    if rc != 0:
        return "gen-error", "plain build failed (%s):\n%s" % (rc, serr), \
            None, {}
    lowered_path = os.path.join(tmp, "lowered-O%s.c" % opt)
    asy = os.path.join(tmp, "async-O%s" % opt)
    t0 = time.time()
    rc, _, err = run([a.cawait_cc] + common + [
        "-fplugin-arg-cawait-emit=" + lowered_path, prog, "-o", asy],
        a.build_timeout)
    extra = {"build_s": round(time.time() - t0, 2)}
    lowered = None
    if os.path.exists(lowered_path):
        with open(lowered_path) as f:
            lowered = f.read()
    if rc != 0:
        if rc == "timeout" or (isinstance(rc, int) and rc < 0) or \
                any(c in err for c in CRASH):
            kind = "plugin-crash"
        elif "cawait:" in err or "cannot be lowered" in err or \
                "not supported" in err:
            kind = "rejected"
        else:
            kind = "build-error"
        # the error lines first: with --warnings they drown in warnings
        errors = [x for x in err.splitlines() if ": error: " in x or
                  any(c in x for c in CRASH)]
        return kind, "plugin build failed (%s):\n%s\n...\n%s" % (
            rc, "\n".join(errors[:40]), err[-6000:]), lowered, extra
    if a.warnings:
        pw, lw = warning_list(serr), warning_list(err)
        extra["warnings_plain"] = sum(pw.values())
        extra["warnings_extra"] = sorted((lw - pw).elements())
        extra["warnings_lost"] = sorted((pw - lw).elements())
    t0 = time.time()
    rs = run([sync], a.timeout)
    plain_s = time.time() - t0
    if rs[0] == "timeout":
        return "skip-timeout", "plain program timed out", lowered, extra
    ra = run([asy], max(a.timeout, a.slowdown * plain_s))
    if ra[0] == "timeout" or ra[:2] != rs[:2]:
        # A Csmith loop without side effects may never end: clang -O2 may
        # assume it does (C11 6.8.5p6) and then drops it or, when nothing
        # follows, runs into other code (seen: exit 48 without output), in
        # one build and not the same way in the other.  Such a program only
        # ends by that assumption: skip it.
        nofl = sync + "-no-finite-loops"
        rc, _, _ = run([a.clang] + common + ["-fno-finite-loops", "-I",
                                             a.include, prog, a.lib, "-o",
                                             nofl], a.build_timeout)
        if rc == 0 and run([nofl], a.timeout)[0] == "timeout":
            return "skip-timeout", "the plain program ends only by C11's " \
                "forward-progress assumption (-fno-finite-loops: timeout)", \
                lowered, extra
    if ra[0] == "timeout":
        t0 = time.time()
        rl = run([asy], a.slow_timeout)
        lowered_s = time.time() - t0
        if rl[0] != "timeout" and rl[:2] == rs[:2]:
            extra["plain_s"], extra["lowered_s"] = round(plain_s, 2), \
                round(lowered_s, 1)
            return "slow", "same output; plain program %.2fs, lowered %.1fs" \
                % (plain_s, lowered_s), lowered, extra
        if rl[0] != "timeout":
            ra = rl
        else:
            return "timeout", "plain program took %.2fs, lowered timed out " \
                "after %.0fs" % (plain_s, a.slow_timeout), lowered, extra
    if ra[:2] != rs[:2]:
        return "mismatch", "plain: exit %s, %s\nlowered: exit %s, %s\n" \
            "lowered stderr: %s" % (rs[0], rs[1][-500:], ra[0], ra[1][-500:],
                                    ra[2][-2000:]), lowered, extra
    if a.warnings and (extra["warnings_extra"] or extra["warnings_lost"]):
        return "warning-diff", "extra:\n  %s\nlost:\n  %s" % (
            "\n  ".join(extra["warnings_extra"][:30]),
            "\n  ".join(extra["warnings_lost"][:30])), lowered, extra
    return "ok", "", lowered, extra


def check_seed(level, seed, a):
    """Returns [(name, status, detail, source, lowered, extra)], one per
    -O level (one entry when the program could not be generated)."""
    name = "%s-seed-%d" % (level, seed)
    tmp = tempfile.mkdtemp(prefix="cawait-csmith-%s-" % name, dir=a.tmpdir)
    try:
        orig = os.path.join(tmp, "orig.c")
        # (csmith writes platform.info into its working directory)
        p = subprocess.run([a.csmith, "--seed", str(seed), "-o", orig] +
                           LEVELS[level] + a.csmith_flags, cwd=tmp,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        rc, err = p.returncode, p.stdout.decode("utf-8", "replace")
        if rc != 0:
            return [(name, "gen-error", "csmith failed: " + err, "", None,
                     {})]
        prog = os.path.join(tmp, "prog.c")
        try:
            src = rewrite(orig, prog, a)
        except RewriteError as e:
            with open(orig) as f:
                return [(name, "gen-error", "rewrite: %s" % e, f.read(),
                         None, {})]
        out = []
        for opt in a.opt:
            st, detail, lowered, extra = check_opt(tmp, prog, opt, a)
            out.append(("%s-O%s" % (name, opt), st, detail, src, lowered,
                        extra))
        return out
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)


def save(a, name, status, detail, src, lowered):
    path = os.path.join(a.out, "%s.c" % name)
    with open(path, "w") as f:
        f.write("/* cawait csmith failure: %s\n" % status)
        f.write(detail.replace("*/", "* /"))
        f.write("\n*/\n")
        f.write(src)
    if lowered is not None:
        with open(os.path.join(a.out, "%s.lowered.c" % name), "w") as f:
            f.write(lowered)
    return path


def standalone(src_path, out_path, a):
    """Writes a self-contained copy of a saved failure for cvise: without the
    leading failure comment, and with csmith.h preprocessed in place (so
    the reduction can cut it down and a lit test needs no Csmith).  What
    cawait.h (kept as an #include) already brings in is left out."""
    with open(src_path) as f:
        src = f.read()
    if src.startswith("/* cawait csmith failure"):
        src = src[src.index("\n*/\n") + 4:]
    tmp = tempfile.mkdtemp(prefix="cawait-csmith-h-", dir=a.tmpdir)
    try:
        h = os.path.join(tmp, "h.c")
        with open(h, "w") as f:
            f.write('#include "cawait.h"\n#include "csmith.h"\n')
        rc, out, err = run([a.clang, "-E", "-std=gnu11", "-I", a.include,
                            "-isystem", a.csmith_include, h],
                           a.build_timeout)
        if rc != 0:
            sys.exit("preprocessing csmith.h failed: " + err)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    # keep the lines not emitted from inside cawait.h's include, without
    # the line markers
    marker = re.compile(r'^# \d+ "([^"]*)"((?: \d)*)$')
    stack, keep = [], []
    for line in out.splitlines():
        m = marker.match(line)
        if m:
            flags = m.group(2).split()
            if "1" in flags:
                stack.append(m.group(1))
            elif "2" in flags:
                while stack and stack[-1] != m.group(1):
                    stack.pop()
            elif not stack:
                stack.append(m.group(1))
            continue
        if line.strip() and not any(x.endswith("/cawait.h") for x in stack):
            keep.append(line)
    src = src.replace('#include "csmith.h"\n', "\n".join(keep) + "\n", 1)
    with open(out_path, "w") as f:
        f.write(src)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--seeds", default="0:100",
                    help="A:B (half open), or a comma list of seeds/ranges")
    ap.add_argument("--level", default="all",
                    help="comma list of: " + ", ".join(LEVELS))
    ap.add_argument("--opt", default="2",
                    help="comma list of -O levels (default 2)")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--yield", dest="yields", action="store_true",
                    help="begin every generated function with "
                    "await(ca_yield()): each really suspends")
    ap.add_argument("--warnings", action="store_true",
                    help="build both with -Wall -Wextra and compare the "
                    "warning lists (warning-diff)")
    ap.add_argument("--warnings-fail", action="store_true",
                    help="with --warnings: a warning-diff is a failure")
    ap.add_argument("--timeout", type=float, default=5,
                    help="seconds for the plain program (default 5); the "
                    "lowered one gets max(this, SLOWDOWN * plain time)")
    ap.add_argument("--slowdown", type=float, default=5)
    ap.add_argument("--slow-timeout", type=float, default=60,
                    help="a lowered program over --timeout runs again with "
                    "this limit: same output is 'slow', not a failure")
    ap.add_argument("--build-timeout", type=float, default=300)
    ap.add_argument("--csmith", default="csmith")
    ap.add_argument("--csmith-include", default="/usr/include/csmith")
    ap.add_argument("--csmith-flags", default="",
                    help="extra Csmith options (space separated)")
    ap.add_argument("--cawait-cc",
                    default=os.path.join(ROOT, "build", "bin", "cawait-cc"))
    ap.add_argument("--clang", default="clang-19")
    ap.add_argument("--include",
                    default=os.path.join(ROOT, "runtime", "include"))
    ap.add_argument("--lib",
                    default=os.path.join(ROOT, "build", "lib", "libcawait.a"))
    ap.add_argument("--cflags", default="",
                    help="extra flags for both builds (space separated)")
    ap.add_argument("--out", default=os.path.join(HERE, "csmith-failures"),
                    help="where failing programs and results.jsonl go")
    ap.add_argument("--tmpdir", default=None)
    ap.add_argument("--keep", action="store_true", help="keep temp dirs")
    ap.add_argument("--quiet", action="store_true",
                    help="print failures and progress only")
    ap.add_argument("--progress", type=int, default=0, metavar="N",
                    help="print a progress line every N seeds")
    ap.add_argument("--standalone", nargs=2, metavar=("FAIL.c", "OUT.c"),
                    help="write a self-contained copy of a saved failure "
                    "(csmith.h preprocessed in) for cvise, and exit")
    a = ap.parse_args()
    if a.standalone:
        standalone(a.standalone[0], a.standalone[1], a)
        return 0
    a.cflags = a.cflags.split()
    a.csmith_flags = a.csmith_flags.split()
    a.opt = [x for x in a.opt.split(",") if x]
    levels = [x for x in a.level.split(",") if x]
    for lv in levels:
        if lv not in LEVELS:
            ap.error("unknown level %s" % lv)
    if not shutil.which(a.csmith):
        ap.error("csmith not found (apt-get install csmith libcsmith-dev)")
    os.makedirs(a.out, exist_ok=True)
    jobs = [(lv, s) for s in parse_seeds(a.seeds) for lv in levels]
    counts = collections.Counter()
    classes = collections.defaultdict(list)
    wextra = wlost = wplain = 0
    failed = []
    lock = threading.Lock()
    t0 = time.time()
    done = 0
    results = open(os.path.join(a.out, "results.jsonl"), "a")
    with concurrent.futures.ThreadPoolExecutor(max(1, a.jobs)) as ex:
        for (lv, seed), res in zip(jobs, ex.map(
                lambda j: check_seed(j[0], j[1], a), jobs)):
            for name, st, detail, src, lowered, extra in res:
                counts[(lv, st)] += 1
                wplain += extra.get("warnings_plain", 0)
                wextra += len(extra.get("warnings_extra", []))
                wlost += len(extra.get("warnings_lost", []))
                sig = signature(st, detail)
                results.write(json.dumps({
                    "level": lv, "seed": seed, "name": name, "status": st,
                    "signature": sig, **extra}) + "\n")
                results.flush()
                if st in ("ok", "skip-timeout"):
                    if not a.quiet:
                        print("%s: %s" % (name, st), flush=True)
                    continue
                with lock:
                    path = save(a, name, st, detail, src, lowered)
                classes[(st, sig)].append(name)
                if st in FAILURES or a.warnings_fail:
                    failed.append(name)
                print("%s: %s (%s)\n  %s" % (
                    name, st, path, "\n  ".join(
                        (first_error(detail) if st != "mismatch" and
                         st != "warning-diff" else detail).splitlines()[:6])),
                      flush=True)
            done += 1
            if a.progress and done % a.progress == 0:
                print("progress: %d/%d seeds, %.0fs, %d failing" % (
                    done, len(jobs), time.time() - t0, len(failed)),
                    flush=True)
    results.close()
    print("\n%d seed(s) x %d opt level(s) in %.0fs" % (
        len(jobs), len(a.opt), time.time() - t0))
    for lv in levels:
        row = {st: n for (l2, st), n in counts.items() if l2 == lv}
        print("  %-9s %s" % (lv, ", ".join(
            "%s %d" % kv for kv in sorted(row.items()))))
    if a.warnings:
        print("warnings: plain %d, extra in the plugin build %d, lost %d"
              % (wplain, wextra, wlost))
    if classes:
        print("classes (failures, and findings: slow, warning-diff):")
        for (st, sig), names in sorted(classes.items(),
                                       key=lambda kv: -len(kv[1])):
            print("  %4d %s: %s\n       e.g. %s" % (
                len(names), st, sig, ", ".join(names[:4])))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
