#!/usr/bin/python3
"""run.py LIB SRCDIR COMMIT OUTDIR [--only PROG...] [--cawait-cc P] [--clang P]

The real-code campaign (test/realcode/README.md). SRCDIR holds the files
of library LIB (zlib, cjson, miniz) at COMMIT, extracted from git (git
archive COMMIT | tar -x -C SRCDIR). For every test or example program of
the library (the recipes below), in OUTDIR/PROG:
  orig/   the sources as they are, built with plain clang-19;
  async/  the sources made async by asyncify.py (every eligible function
          async, every call of one awaited), built twice: with plain
          clang-19 (`sync`, the reference: await(e) is e) and with
          cawait-cc (`async`).
All three are built with -Wall -Wextra; the warnings of sync and async
must be identical (and are counted). The program's own runs (the recipe's
commands, in a fresh copy of its directory for each build) must give the
same output and exit code in all three. Prints a summary per program and
writes OUTDIR/report.json. Exit 1 on any failure."""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

ZLIB_LIB = ["adler32.c", "crc32.c", "deflate.c", "infback.c", "inffast.c",
            "inflate.c", "inftrees.c", "trees.c", "zutil.c", "compress.c",
            "uncompr.c", "gzclose.c", "gzlib.c", "gzread.c", "gzwrite.c"]
CJSON_UNITY = ["parse_examples", "parse_number", "parse_hex4",
               "parse_string", "parse_array", "parse_object", "parse_value",
               "print_string", "print_number", "print_array", "print_object",
               "print_value", "misc_tests", "parse_with_opts",
               "compare_tests", "cjson_add", "readme_examples",
               "minify_tests"]
CJSON_UTILS = ["json_patch_tests", "old_utils_tests", "misc_utils_tests"]
MINIZ_LIB = ["miniz.c", "miniz_tdef.c", "miniz_tinfl.c", "miniz_zip.c"]
MINIZ_FUZZ = ["checksum_fuzzer", "compress_fuzzer", "flush_fuzzer",
              "large_fuzzer", "small_fuzzer", "uncompress_fuzzer",
              "uncompress2_fuzzer", "zip_fuzzer", "add_in_place_fuzzer"]

LIBS = {
    "zlib": dict(
        repo="madler/zlib",
        commit="d201f04c72b0881220f5ba75ca19fd0e19fa848b",
        cflags=["-I.", "-DHAVE_UNISTD_H", "-DZ_HAVE_UNISTD_H",
                "-D_LARGEFILE64_SOURCE=1"],
        programs=[
            dict(name="example", files=ZLIB_LIB + ["test/example.c"],
                 cwd=None, runs=["{prog}", "{prog} foo.gz; od -c foo.gz"]),
            dict(name="minigzip", files=ZLIB_LIB + ["test/minigzip.c"],
                 cwd=None, data=["zlib.h", "ChangeLog"],
                 runs=["{prog} < zlib.h | od -c | tail -3",
                       "{prog} -9 < ChangeLog | {prog} -d | cmp - ChangeLog"
                       " && echo same",
                       "{prog} -1 < zlib.h > z.gz; {prog} -d < z.gz | "
                       "cmp - zlib.h && echo same; cp zlib.h x; "
                       "{prog} x && ls x.gz && {prog} -d x.gz && cmp x zlib.h"
                       " && echo same",
                       "printf 'not gzip' | {prog} -d; echo $?"]),
            dict(name="infcover", files=ZLIB_LIB + ["test/infcover.c"],
                 cwd=None, runs=["{prog}"]),
        ]),
    "cjson": dict(
        repo="DaveGamble/cJSON",
        commit="a29814f285cc531c00223743ad3c55cd38c0dc56",
        cflags=["-I.", "-Itests/unity/src", "-Itests/unity/examples"],
        flatten=(["tests/%s.c" % t for t in CJSON_UNITY + CJSON_UTILS],
                 ["common.h", "../cJSON.c"]),
        programs=[dict(name="test", files=["cJSON.c", "test.c"], cwd=None,
                       runs=["{prog}"])] +
        # The tests include ../cJSON.c through tests/common.h; cawait
        # lowers only bodies written in the .c file itself, so the tests
        # get both texts pasted in, under #line markers (flatten()).
        [dict(name=t, files=["tests/unity/src/unity.c", "tests/%s.c" % t],
              cwd="tests", runs=["{prog}"]) for t in CJSON_UNITY] +
        [dict(name=t, files=["cJSON_Utils.c", "tests/unity/src/unity.c",
                             "tests/%s.c" % t],
              cwd="tests", runs=["{prog}"]) for t in CJSON_UTILS]),
    "miniz": dict(
        repo="richgel999/miniz",
        commit="e78dfd22d0a9521d1b8019f3642357b59d1261fb",
        setup={"miniz_export.h": "#define MINIZ_EXPORT\n"},
        cflags=["-I."],
        programs=[
            dict(name="example1", files=MINIZ_LIB + ["examples/example1.c"],
                 cwd=None, runs=["{prog}"]),
            dict(name="example2", files=MINIZ_LIB + ["examples/example2.c"],
                 cwd=None, runs=["{prog}; od -c __mz_example2_test__.zip "
                                 "| md5sum"]),
            dict(name="example3", files=MINIZ_LIB + ["examples/example3.c"],
                 cwd=None, runs=["{prog} c miniz.c m.z && {prog} d m.z m.c"
                                 " && cmp m.c miniz.c && md5sum m.z",
                                 "{prog} -l 1 c readme.md r.z && md5sum r.z",
                                 "{prog} d miniz.h x; echo $?"]),
            dict(name="example4", files=MINIZ_LIB + ["examples/example4.c"],
                 cwd=None, runs=["{prog} m.z r.txt; echo $?"],
                 pre="gzip -9c miniz.c | tail -c +11 | head -c -8 > m.z"),
            dict(name="example5", files=MINIZ_LIB + ["examples/example5.c"],
                 cwd=None, runs=["{prog} c miniz.c m.z && {prog} d m.z m.c"
                                 " && cmp m.c miniz.c && md5sum m.z"]),
            dict(name="example6", files=MINIZ_LIB + ["examples/example6.c"],
                 cwd=None, runs=["{prog}; md5sum mandelbrot.png"]),
        ] + [dict(name=f, files=MINIZ_LIB + ["tests/%s.c" % f,
                                             "tests/fuzz_main.c"],
                  cwd=None,
                  # fuzz_main.c runs the fuzzer on its first argument.
                  runs=["{prog} %s; echo $?" % f
                        for f in ("m.zip", "miniz.c", "readme.md")],
                  pre="zip -q -9 m.zip miniz.c readme.md")
             for f in MINIZ_FUZZ]),
}


def sh(cmd, cwd, timeout=300, env=None):
    p = subprocess.run(cmd, cwd=cwd, shell=isinstance(cmd, str),
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=timeout, env=env)
    return p.returncode, p.stdout.decode("utf-8", "replace")


WARN = re.compile(r"^[^ :]+:\d+:\d+: warning: .*$", re.M)


class Campaign:
    def __init__(self, a):
        self.a = a
        self.lib = LIBS[a.lib]
        self.src = os.path.abspath(a.srcdir)
        self.out = os.path.abspath(a.outdir)
        self.inc = os.path.join(ROOT, "runtime", "include")
        self.report = dict(lib=a.lib, repo=self.lib["repo"], commit=a.commit,
                           avoid=a.avoid, programs=[])

    def copy_tree(self, dst):
        if os.path.exists(dst):
            shutil.rmtree(dst)
        shutil.copytree(self.src, dst, symlinks=True)
        for name, text in self.lib.get("setup", {}).items():
            with open(os.path.join(dst, name), "w") as f:
                f.write(text)
        files, names = self.lib.get("flatten", ([], []))
        for f in files:
            path = os.path.join(dst, f)
            text = flatten(path, f, names)
            with open(path, "w") as out:
                out.write(text)

    def build(self, tree, files, cc, extra, exe):
        """Compiles every file (from the tree, by relative path: __FILE__
        is the same in every build) and links; returns (ok, log,
        warnings, crashed)."""
        log, warns, crashed = [], [], False
        objs = []
        flags = ["-O1", "-g", "-Wall", "-Wextra"] + self.lib["cflags"] + \
            extra
        for f in files:
            obj = os.path.join(os.path.dirname(exe),
                               os.path.basename(exe) + "." +
                               f.replace("/", "_") + ".o")
            rc, out = sh([cc, "-c", f, "-o", obj] + flags, tree)
            log.append("$ %s -c %s\n%s" % (os.path.basename(cc), f, out))
            warns += WARN.findall(out)
            if rc != 0:
                crashed |= rc >= 70 or "PLEASE submit a bug report" in out
                return False, "".join(log), warns, crashed
            objs.append(obj)
        rc, out = sh([cc, "-o", exe] + objs + ["-lm"], tree)
        log.append("$ link\n" + out)
        return rc == 0, "".join(log), warns, crashed

    def asyncify(self, prog, tree):
        """Makes the tree async, with budgets raised until every frame
        fits, and leaving synchronous the functions whose frame cawait
        rejects by design (needed before the type of a field is defined):
        returns (summary or None, log)."""
        budgets, plain, log = {}, set(), ""
        bfile = os.path.join(self.out, prog["name"], "budgets.json")
        for attempt in range(20):
            self.copy_tree(tree)
            with open(bfile, "w") as f:
                json.dump(budgets, f)
            summ = os.path.join(self.out, prog["name"], "asyncify.json")
            rc, out = sh(["/usr/bin/python3", os.path.join(HERE,
                                                           "asyncify.py"),
                          "--budgets", bfile, "--summary", summ,
                          "--avoid", self.a.avoid,
                          "--plain", ",".join(sorted(plain)), "."] +
                         prog["files"] + ["--", "-include", "cawait.h",
                                          "-I" + self.inc] +
                         self.lib["cflags"], tree)
            log += out
            if rc != 0:
                return None, log
            summary = json.load(open(summ))
            summary["budgets"] = budgets
            summary["rejected_frames"] = sorted(plain)
            raised = False
            for f in prog["files"]:
                rc, out = sh([self.a.cawait_cc, "-fsyntax-only", "-include",
                              "cawait.h", f] + self.lib["cflags"], tree)
                for name, size in re.findall(
                        r"the frame of '(\w+)' is (\d+) bytes, more than its"
                        r" budget", out):
                    budgets[name] = max(budgets.get(name, 16), int(size))
                    raised = True
                for name in re.findall(r"error: the frame of '(\w+)' is "
                                       r"needed at line \d+, before", out):
                    log += "%s: %s stays synchronous: its frame is needed " \
                        "before a type it holds\n" % (f, name)
                    plain.add(name)
                    raised = True
            if not raised:
                return summary, log
        return None, log + "budgets do not converge\n"

    def run_prog(self, prog, tree, exe, tag):
        """Runs the recipe's commands in a fresh copy of the program's
        directory; returns the transcript."""
        work = os.path.join(self.out, prog["name"], "run-" + tag)
        if os.path.exists(work):
            shutil.rmtree(work)
        shutil.copytree(os.path.join(self.src, prog["cwd"] or ""), work,
                        symlinks=True)
        if prog.get("pre"):
            sh(prog["pre"], work)
        text = ""
        for cmd in prog["runs"]:
            try:
                rc, out = sh(cmd.format(prog=exe), work, timeout=300)
            except subprocess.TimeoutExpired:
                rc, out = "timeout", ""
            text += "$ %s\n%sexit=%s\n" % (cmd, out, rc)
        return text

    def program(self, prog):
        name = prog["name"]
        d = os.path.join(self.out, name)
        os.makedirs(d, exist_ok=True)
        r = dict(name=name, failures=[])
        orig, asy = os.path.join(d, "orig"), os.path.join(d, "async")
        self.copy_tree(orig)
        summary, log = self.asyncify(prog, asy)
        open(os.path.join(d, "asyncify.log"), "w").write(log)
        if summary is None:
            r["failures"].append(("asyncify", log[-2000:]))
            return r
        r.update(functions=summary["functions"], awaits=summary["awaits"],
                 block_ons=summary["block_ons"], plain=summary["plain"],
                 budgeted=len(summary["budgeted"]),
                 rejected_frames=summary["rejected_frames"])
        inc = ["-include", "cawait.h", "-I" + self.inc]
        builds = {}
        for tag, tree, cc, extra in (
                ("orig", orig, self.a.clang, []),
                ("sync", asy, self.a.clang, inc),
                ("async", asy, self.a.cawait_cc, ["-include", "cawait.h"])):
            exe = os.path.join(d, name + "." + tag)
            ok, blog, warns, crashed = self.build(tree, prog["files"], cc,
                                                  extra, exe)
            open(exe + ".build.log", "w").write(blog)
            builds[tag] = (ok, warns)
            if not ok:
                r["failures"].append(
                    ("plugin crash" if crashed else "build error (%s)" % tag,
                     blog[-3000:]))
        ws, wa = builds["sync"][1], builds["async"][1]
        r["warnings_sync"], r["warnings_async"] = len(ws), len(wa)
        r["warnings_orig"] = len(builds["orig"][1])
        extra_w = list(wa)
        lost = []
        for w in ws:
            if w in extra_w:
                extra_w.remove(w)
            else:
                lost.append(w)
        r["warnings_extra"], r["warnings_lost"] = extra_w, lost
        if not all(ok for ok, _ in builds.values()):
            # A build that stopped early has not given all its warnings.
            r["warnings_compared"] = False
            return r
        r["warnings_compared"] = True
        outs = {}
        for tag in ("orig", "sync", "async"):
            outs[tag] = self.run_prog(prog, None,
                                      os.path.join(d, name + "." + tag), tag)
            open(os.path.join(d, "run-%s.txt" % tag), "w").write(outs[tag])
        if outs["sync"] != outs["orig"]:
            r["failures"].append(("asyncify changed the output (orig vs "
                                  "sync)", diff(d, "orig", "sync")))
        if outs["async"] != outs["sync"]:
            r["failures"].append(("output mismatch", diff(d, "sync",
                                                          "async")))
        r["runs"] = len(prog["runs"])
        return r

    def main(self):
        os.makedirs(self.out, exist_ok=True)
        ok = True
        for prog in self.lib["programs"]:
            if self.a.only and prog["name"] not in self.a.only:
                continue
            r = self.program(prog)
            self.report["programs"].append(r)
            fails = [f[0] for f in r["failures"]]
            ok &= not fails and not r.get("warnings_extra") and \
                not r.get("warnings_lost")
            wdiff = "(+%d -%d)" % (len(r["warnings_extra"]),
                                   len(r["warnings_lost"])) \
                if r.get("warnings_compared") else "(n/a)"
            print("%-20s async %4s awaits %4s block_on %3s plain %4s "
                  "warnings sync %3s async %3s %s %s" % (
                      r["name"], r.get("functions"), r.get("awaits"),
                      r.get("block_ons"), r.get("plain"),
                      r.get("warnings_sync"), r.get("warnings_async"),
                      wdiff, "; ".join(fails) or "same output"), flush=True)
            with open(os.path.join(self.out, "report.json"), "w") as f:
                json.dump(self.report, f, indent=1)
        return 0 if ok else 1


def flatten(path, spelled, names):
    """The text of path with every `#include "N"` of a name in names
    replaced by N's text (recursively), between #line markers that keep
    __FILE__ and __LINE__ as they were (spelled: the path the compiler is
    given, which __FILE__ says)."""
    out = []
    lines = open(path).read().split("\n")
    for i, line in enumerate(lines):
        m = re.match(r'\s*#\s*include\s+"([^"]+)"\s*$', line)
        if m and m.group(1) in names:
            inc = os.path.join(os.path.dirname(path), m.group(1))
            inc_spelled = os.path.join(os.path.dirname(spelled),
                                       m.group(1))
            out.append('#line 1 "%s"' % inc_spelled)
            out.append(flatten(inc, inc_spelled, names))
            out.append('#line %d "%s"' % (i + 2, spelled))
        else:
            out.append(line)
    return "\n".join(out)


def diff(d, a, b):
    return sh(["diff", "-u", "run-%s.txt" % a, "run-%s.txt" % b], d)[1][:3000]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("lib", choices=sorted(LIBS))
    ap.add_argument("srcdir")
    ap.add_argument("commit")
    ap.add_argument("outdir")
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--avoid", default="", help="passed to asyncify.py")
    ap.add_argument("--cawait-cc",
                    default=os.path.join(ROOT, "build", "bin", "cawait-cc"))
    ap.add_argument("--clang", default="/usr/lib/llvm-19/bin/clang-19")
    a = ap.parse_args()
    expect = LIBS[a.lib]["commit"]
    if a.commit != expect:
        sys.stderr.write("run.py: the recipe of %s was written for %s, not "
                         "%s\n" % (a.lib, expect, a.commit))
    sys.exit(Campaign(a).main())


if __name__ == "__main__":
    main()
