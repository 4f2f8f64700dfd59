#!/usr/bin/env python3
"""run.py: differential fuzzing of the cawait lowering.

For every seed, gen.py writes a program; it is built with the plugin
(cawait-cc) and as plain synchronous C (clang + libcawait.a), both are run,
and their output and exit code must be equal.  With --sanitize both builds
also use -fsanitize=address,undefined (the plain build then checks that the
generator itself is free of undefined behaviour).

A seed fails when the lowered build does not compile (plugin error, clang
crash, or errors in the lowered code), when the outputs or exit codes
differ, or when a sanitizer reports an error.  Each failure is saved as
<out>/seed-N.c with a comment block holding the error, plus seed-N.lowered.c
(the plugin's lowered text, when it got that far), and the run continues.

  python3 test/fuzz/run.py --seeds 0:1000 [-j 2] [--sanitize]
  python3 test/fuzz/run.py --seeds 0:10000 -j 2 --batch 10 --quiet

--batch K puts K programs (consecutive seeds, names prefixed) in one file
(gen.py --batch): one compile and run per K programs.  A failing batch is
checked again seed by seed and each failing seed saved as seed-N.c; when no
seed fails alone the batch is saved as batch-A-B.c.  --warnings also builds
both with -Wall and fails a program when the plugin build gives more
warnings of some -W flag than the plain build ("new-warning").  --gcc also
builds the plain program with gcc, which resolves C's unspecified orders
differently: a difference from the plain clang build is a generator bug
("gen-unspecified").

Exit status: 0 when every seed passed, 1 otherwise.  Seeds whose plain build
fails are generator bugs: reported as "gen-error" (also a failure).
"""
import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gen  # noqa: E402


def parse_seeds(text):
    seeds = []
    for part in text.split(","):
        if ":" in part:
            a, b = part.split(":")
            seeds.extend(range(int(a), int(b)))
        elif part:
            seeds.append(int(part))
    return seeds


def run(cmd, timeout, env=None):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout, env=env)
        return p.returncode, p.stdout.decode("utf-8", "replace"), \
            p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        return "timeout", out, "timeout after %ss" % timeout


SAN = ["-fsanitize=address,undefined", "-fno-sanitize-recover=all"]


WARN = re.compile(r"^[^:\n]*:(\d+):\d+: warning: .*\[(-W[^\]]+)\]$", re.M)


def warnings(err):
    """{-Wflag: count} of a compiler's stderr."""
    out = {}
    for _, f in WARN.findall(err):
        out[f] = out.get(f, 0) + 1
    return out


def check_src(name, src, a):
    """Builds and runs one source.  Returns (status, detail, lowered)."""
    tmp = tempfile.mkdtemp(prefix="cawait-fuzz-%s-" % name, dir=a.tmpdir)
    try:
        c = os.path.join(tmp, "prog.c")
        with open(c, "w") as f:
            f.write(src)
        lowered_path = os.path.join(tmp, "lowered.c")
        common = ["-std=gnu11", "-O%s" % a.opt, "-g"] + \
            (SAN if a.sanitize else []) + \
            (["-Wall"] if a.warnings else []) + a.cflags
        sync = os.path.join(tmp, "sync")
        lib = a.san_lib if a.sanitize else a.lib
        rc, out, err = run([a.clang] + common + ["-I", a.include, c, lib,
                                                 "-o", sync], a.timeout)
        if rc != 0:
            return "gen-error", "plain build failed:\n" + err, None
        plain_warnings = warnings(err)
        asy = os.path.join(tmp, "async")
        rc, out, err = run([a.cawait_cc] + common + [
            "-fplugin-arg-cawait-emit=" + lowered_path, c, "-o", asy],
            a.timeout)
        lowered = None
        if os.path.exists(lowered_path):
            with open(lowered_path) as f:
                lowered = f.read()
        if rc != 0:
            if "PLEASE submit a bug report" in err or \
                    (isinstance(rc, int) and rc < 0) or rc == "timeout":
                kind = "plugin-crash"
            elif "not supported yet" in err or "cannot be lowered" in err:
                kind = "rejected"
            else:
                kind = "compile-error"
            return kind, "plugin build failed (%s):\n%s" % (rc, err), lowered
        new_warnings = sorted(f for f, n in warnings(err).items()
                              if n > plain_warnings.get(f, 0) and
                              f not in a.ignore_warnings)
        env = dict(os.environ)
        env.setdefault("ASAN_OPTIONS", "detect_leaks=1")
        env.setdefault("UBSAN_OPTIONS", "halt_on_error=1:print_stacktrace=1")
        rs = run([sync], a.timeout, env)
        if rs[0] == "timeout":
            return "gen-timeout", "plain program timed out", lowered
        if a.sanitize and ("runtime error:" in rs[2] or
                           "AddressSanitizer" in rs[2]):
            return "gen-error", "sanitizer in the plain build:\n" + rs[2], \
                lowered
        if a.gcc:
            # gcc resolves unspecified orders differently from clang: a
            # difference between the two plain builds is a generator bug
            gbin = os.path.join(tmp, "gcc")
            rc, _, gerr = run([a.gcc, "-std=gnu11", "-O1", "-w", "-I",
                               a.include, c, a.lib, "-o", gbin], a.timeout)
            if rc != 0:
                return "gen-error", "gcc build failed:\n" + gerr, lowered
            rg = run([gbin], a.timeout)
            if rg[:2] != rs[:2]:
                import difflib
                diff = "".join(difflib.unified_diff(
                    rs[1].splitlines(True), rg[1].splitlines(True),
                    "clang", "gcc", n=1))
                return "gen-unspecified", "plain clang and gcc builds " \
                    "differ (exit %s / %s):\n%s" % (rs[0], rg[0],
                                                    diff[:3000]), lowered
        ra = run([asy], a.timeout, env)
        problems = []
        if "runtime error:" in ra[2] or "AddressSanitizer" in ra[2]:
            problems.append("sanitizer report in the lowered build")
        if ra[0] != rs[0]:
            problems.append("exit code: plain %s, lowered %s" % (rs[0], ra[0]))
        if ra[1] != rs[1]:
            problems.append("output differs")
        if problems:
            import difflib
            diff = "".join(difflib.unified_diff(
                rs[1].splitlines(True), ra[1].splitlines(True),
                "plain", "lowered", n=1))
            return "mismatch", "; ".join(problems) + "\n" + diff[:6000] + \
                "\nlowered stderr:\n" + ra[2][-3000:], lowered
        if new_warnings:
            lines = [l for l in err.splitlines() if any(
                f in l for f in new_warnings)]
            return "new-warning", "warnings only in the plugin build:\n" + \
                "\n".join(lines[:20]), lowered
        return "ok", "", lowered
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)


def check_group(seeds, a):
    """Returns [(name, status, detail, source, lowered)]: one entry for a
    passing group, else one per failing seed (each re-checked alone), or
    the whole batch when no seed fails alone."""
    if len(seeds) == 1:
        src = gen.generate(seeds[0], a.avoid)
        st, detail, lowered = check_src("seed-%d" % seeds[0], src, a)
        return [("seed-%d" % seeds[0], st, detail, src, lowered)]
    name = "batch-%d-%d" % (seeds[0], seeds[-1])
    src = gen.generate_batch(seeds, a.avoid)
    st, detail, lowered = check_src(name, src, a)
    if st == "ok":
        return [(name, st, detail, src, lowered)]
    out = []
    for s in seeds:
        r = check_group([s], a)[0]
        if r[1] != "ok":
            out.append(r)
    if not out:
        out.append((name, st, "(no seed fails alone)\n" + detail, src,
                    lowered))
    return out


def save(a, name, status, detail, src, lowered):
    os.makedirs(a.out, exist_ok=True)
    path = os.path.join(a.out, "%s.c" % name)
    with open(path, "w") as f:
        f.write("/* cawait fuzz failure: %s\n" % status)
        f.write(detail.replace("*/", "* /"))
        f.write("\n*/\n")
        f.write(src)
    if lowered is not None:
        with open(os.path.join(a.out, "%s.lowered.c" % name), "w") as f:
            f.write(lowered)
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--seeds", default="0:100",
                    help="A:B (half open), or a comma list of seeds/ranges")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--sanitize", action="store_true",
                    help="build both with -fsanitize=address,undefined")
    ap.add_argument("--cawait-cc",
                    default=os.path.join(ROOT, "build", "bin", "cawait-cc"))
    ap.add_argument("--clang", default="clang-19")
    ap.add_argument("--include",
                    default=os.path.join(ROOT, "runtime", "include"))
    ap.add_argument("--lib",
                    default=os.path.join(ROOT, "build", "lib", "libcawait.a"))
    ap.add_argument("--san-lib", default=os.path.join(
        ROOT, "build", "lib", "libcawait-san.a"))
    ap.add_argument("--out", default=os.path.join(HERE, "failures"),
                    help="where failing programs are saved")
    ap.add_argument("--opt", default="1", help="optimisation level (0..3)")
    ap.add_argument("--timeout", type=float, default=20)
    ap.add_argument("--tmpdir", default=None)
    ap.add_argument("--keep", action="store_true", help="keep temp dirs")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--avoid", default="",
                    help="comma list of constructs gen.py should not "
                    "generate (known bugs; see gen.py)")
    ap.add_argument("--batch", type=int, default=1, metavar="K",
                    help="K programs per compiled file (gen.py --batch); a "
                    "failing batch is re-checked seed by seed")
    ap.add_argument("--warnings", action="store_true",
                    help="build both with -Wall; more warnings of a flag in "
                    "the plugin build than in the plain one is a failure")
    ap.add_argument("--ignore-warnings", default="", metavar="FLAGS",
                    help="with --warnings: comma list of -W flags whose new "
                    "warnings are known (not failures)")
    ap.add_argument("--gcc", nargs="?", const="gcc", default=None,
                    metavar="GCC", help="also build the plain program with "
                    "gcc; clang and gcc outputs differing is a generator "
                    "bug (gen-unspecified)")
    ap.add_argument("--progress", type=int, default=0, metavar="N",
                    help="print a progress line every N seeds")
    ap.add_argument("--cflags", default="",
                    help="extra flags for both builds (space separated)")
    a = ap.parse_args()
    a.cflags = a.cflags.split()
    a.avoid = [x for x in a.avoid.split(",") if x]
    a.ignore_warnings = {x if x.startswith("-W") else "-W" + x
                         for x in a.ignore_warnings.split(",") if x}
    seeds = parse_seeds(a.seeds)
    k = max(1, a.batch)
    groups = [seeds[i:i + k] for i in range(0, len(seeds), k)]
    t0 = time.time()
    counts = {}
    failed = []
    done = 0
    with concurrent.futures.ThreadPoolExecutor(max(1, a.jobs)) as ex:
        for group, results in zip(groups, ex.map(
                lambda g: check_group(g, a), groups)):
            bad = 0
            for name, status, detail, src, lowered in results:
                if status == "ok":
                    continue
                path = save(a, name, status, detail, src, lowered)
                failed.append(name)
                if name.startswith("batch-"):
                    status = "batch-" + status
                    n = len(group)
                else:
                    n = 1
                counts[status] = counts.get(status, 0) + n
                bad += n
                print("%s: %s (%s)\n  %s" % (
                    name, status, path,
                    "\n  ".join(detail.splitlines()[:6])), flush=True)
            counts["ok"] = counts.get("ok", 0) + len(group) - bad
            if not a.quiet and not bad:
                print("seeds %s: ok" % ",".join(map(str, group)), flush=True)
            done += len(group)
            if a.progress and done % a.progress < len(group):
                print("progress: %d seeds, %.0fs, %d failing" % (
                    done, time.time() - t0, len(failed)), flush=True)
    print("%d seeds in %.0fs: %s" % (
        len(seeds), time.time() - t0,
        ", ".join("%s %d" % kv for kv in sorted(counts.items()) if kv[1])))
    if failed:
        print("failing: %s" % ",".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
