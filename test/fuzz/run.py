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

Exit status: 0 when every seed passed, 1 otherwise.  Seeds whose plain build
fails are generator bugs: reported as "gen-error" (also a failure).
"""
import argparse
import concurrent.futures
import os
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


def check_seed(seed, a):
    """Returns (seed, status, detail, source, lowered)."""
    src = gen.generate(seed, a.avoid)
    tmp = tempfile.mkdtemp(prefix="cawait-fuzz-%d-" % seed, dir=a.tmpdir)
    try:
        c = os.path.join(tmp, "prog.c")
        with open(c, "w") as f:
            f.write(src)
        lowered_path = os.path.join(tmp, "lowered.c")
        common = ["-std=gnu11", "-O%s" % a.opt, "-g"] + \
            (SAN if a.sanitize else []) + a.cflags
        sync = os.path.join(tmp, "sync")
        lib = a.san_lib if a.sanitize else a.lib
        rc, out, err = run([a.clang] + common + ["-I", a.include, c, lib,
                                                 "-o", sync], a.timeout)
        if rc != 0:
            return seed, "gen-error", "plain build failed:\n" + err, src, None
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
            elif "not supported yet" in err:
                kind = "rejected"
            else:
                kind = "compile-error"
            return seed, kind, "plugin build failed (%s):\n%s" % (rc, err), \
                src, lowered
        env = dict(os.environ)
        env.setdefault("ASAN_OPTIONS", "detect_leaks=1")
        env.setdefault("UBSAN_OPTIONS", "halt_on_error=1:print_stacktrace=1")
        rs = run([sync], a.timeout, env)
        if rs[0] == "timeout":
            return seed, "gen-timeout", "plain program timed out", src, lowered
        if a.sanitize and ("runtime error:" in rs[2] or
                           "AddressSanitizer" in rs[2]):
            return seed, "gen-error", "sanitizer in the plain build:\n" + \
                rs[2], src, lowered
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
            return seed, "mismatch", "; ".join(problems) + "\n" + diff + \
                "\nlowered stderr:\n" + ra[2][-3000:], src, lowered
        return seed, "ok", "", src, lowered
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)


def save(a, seed, status, detail, src, lowered):
    os.makedirs(a.out, exist_ok=True)
    path = os.path.join(a.out, "seed-%d.c" % seed)
    with open(path, "w") as f:
        f.write("/* cawait fuzz failure: %s\n" % status)
        f.write(detail.replace("*/", "* /"))
        f.write("\n*/\n")
        f.write(src)
    if lowered is not None:
        with open(os.path.join(a.out, "seed-%d.lowered.c" % seed), "w") as f:
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
    ap.add_argument("--cflags", default="",
                    help="extra flags for both builds (space separated)")
    a = ap.parse_args()
    a.cflags = a.cflags.split()
    a.avoid = [x for x in a.avoid.split(",") if x]
    seeds = parse_seeds(a.seeds)
    t0 = time.time()
    counts = {}
    failed = []
    with concurrent.futures.ThreadPoolExecutor(max(1, a.jobs)) as ex:
        for seed, status, detail, src, lowered in ex.map(
                lambda s: check_seed(s, a), seeds):
            counts[status] = counts.get(status, 0) + 1
            if status != "ok":
                path = save(a, seed, status, detail, src, lowered)
                failed.append(seed)
                print("seed %d: %s (%s)\n  %s" % (
                    seed, status, path,
                    "\n  ".join(detail.splitlines()[:6])), flush=True)
            elif not a.quiet:
                print("seed %d: ok" % seed, flush=True)
    print("%d seeds in %.0fs: %s" % (
        len(seeds), time.time() - t0,
        ", ".join("%s %d" % kv for kv in sorted(counts.items()))))
    if failed:
        print("failing seeds: %s" % ",".join(map(str, failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
