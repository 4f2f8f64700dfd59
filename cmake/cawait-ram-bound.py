#!/usr/bin/env python3
"""cawait-ram-bound: the RAM a bare-metal cawait image can ever use, proven
at build time from the linked image, and a limit the build can enforce.

    cawait-ram-bound.py [--limit BYTES] [--frames FILE]... [--calls A=B]...
                        [--tools PREFIX] IMAGE.elf SU...

Takes: the linked ELF (Arm Thumb, e.g. Cortex-M); SU: the -fstack-usage
files of every object (or directories holding them), from gcc or clang,
of the lowered code (cawait-gcc and cawait-cc pass -fstack-usage through);
--frames: the -fplugin-arg-cawait-frame-usage= files (each async
function's frame). Reads the image with the binutils of PREFIX
(arm-none-eabi-: readelf, nm, objdump).

Gives (on stdout) a report: static RAM (.data + .bss, without the
reserved stack), every task pool (tasks x slot size, its task function and
frame), every async frame, the deepest stack of each task's poll call
chain, of main (through the executor) and of the interrupt handlers, and
the bound: static RAM + deepest main chain + deepest handler chain (with
its 32-byte exception frame). Exits 1 when the bound is over --limit, when
the stack the linker script reserves (a .stack section) is smaller than the
stack bound, or when the stack cannot be bounded (recursion, a dynamic
frame, async function pointers), saying why.

How the stack is bounded: each function's own frame is its -fstack-usage
figure (for functions without one, such as the C library's, the prologue's
push and sp adjustment in the disassembly); the call graph is the
disassembly's direct calls (bl), tail calls (b to another function) and
indirect calls (blx rN, bx rN). Indirect calls are the runtime's function
pointers, resolved by role:
  - the executor's run loop (ca__block_on, ca_run, ca__executor_round,
    ca__task_poll) calls polls (f__task_poll, f__erased_poll), drops
    (f__task_drop) and wakes;
  - aborting and dropping tasks (ca__task_cancel, ca__task_abort_as,
    ca__task_abort, ca_executor_shutdown, ca__executor_drop_scoped) calls
    drops and wakes;
  - every other indirect call is a waker's wake (ca__task_wake,
    ca__main_wake, ca__noop_wake, the combinators' f__ca__wakeK_I__fn).
A program that calls through its own function pointers names their
targets with --calls CALLER=TARGET. Interrupts are taken to share one
priority (no nesting); a tail call reuses its caller's frame.
docs/user-guide.md ("Bare metal and GCC") shows a report.
"""
import argparse
import os
import re
import subprocess
import sys

EXEC_POLL = {"ca__block_on", "ca_run", "ca__executor_round", "ca__task_poll"}
EXEC_DROP = {"ca__task_cancel", "ca__task_abort_as", "ca__task_abort",
             "ca_executor_shutdown", "ca__executor_drop_scoped"}
RUNTIME_WAKES = {"ca__task_wake", "ca__main_wake", "ca__noop_wake"}
EXCEPTION_FRAME = 32  # r0-r3, r12, lr, pc, xPSR (no FPU context)


def is_poll(name):
    return name.endswith("__task_poll") or name.endswith("__erased_poll")


def is_drop(name):
    return name.endswith("__task_drop")


def is_wake(name):
    return name in RUNTIME_WAKES or re.search(r"__ca__wake\d+_\d+__fn$", name)


def run(tool, *args):
    return subprocess.run([tool, *args], check=True, capture_output=True,
                          text=True).stdout


class Image:
    """What the report needs from the ELF: sections, symbols, memory."""

    def __init__(self, path, prefix):
        self.path, self.prefix = path, prefix
        self.sections = []  # (name, addr, size, flags)
        for line in run(prefix + "readelf", "-S", "-W", path).splitlines():
            m = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+"
                         r"[0-9a-f]+\s+([0-9a-f]+)\s+\S+\s+(\S*)", line)
            if m and m.group(1) != "NULL":
                self.sections.append((m.group(1), int(m.group(2), 16),
                                      int(m.group(3), 16), m.group(4)))
        self.symbols = []  # (name, addr, size, type letter)
        for line in run(prefix + "nm", "-S", path).splitlines():
            f = line.split()
            if len(f) == 4:
                self.symbols.append((f[3], int(f[0], 16), int(f[1], 16), f[2]))
        self.by_addr = {}
        for name, addr, _, kind in self.symbols:
            if kind in "tTwW":
                self.by_addr.setdefault(addr & ~1, name)
        self.memory = {}
        dump = run(prefix + "objdump", "-s", "-j", ".data", "-j", ".rodata",
                   "-j", ".text", path)
        for line in dump.splitlines():
            m = re.match(r" ([0-9a-f]{4,}) ((?:[0-9a-f]{1,8} ){1,4})", line)
            if m:
                addr = int(m.group(1), 16)
                data = bytes.fromhex("".join(m.group(2).split()))
                for i, b in enumerate(data):
                    self.memory[addr + i] = b

    def word(self, addr):
        return int.from_bytes(bytes(self.memory.get(addr + i, 0)
                                    for i in range(4)), "little")

    def static_ram(self):
        """.data + .bss and other writable sections, without the stack."""
        return sum(size for name, _, size, flags in self.sections
                   if "A" in flags and "W" in flags and name != ".stack")

    def reserved_stack(self):
        return next((size for name, _, size, _ in self.sections
                     if name == ".stack"), None)


def read_stack_usage(paths):
    """function name -> (bytes, qualifier); the largest when a static name
    has several."""
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                files += [os.path.join(root, n) for n in names
                          if n.endswith(".su")]
        else:
            files.append(p)
    usage = {}
    for f in files:
        for line in open(f):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3:
                continue
            name = parts[0].rsplit(":", 1)[-1]
            size, qual = int(parts[1]), parts[2]
            old = usage.get(name)
            if not old or size > old[0]:
                usage[name] = (size, qual)
    return usage


def read_frames(paths):
    frames = []
    for f in paths:
        if not os.path.exists(f):  # no async function in that file
            continue
        for line in open(f):
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3:
                frames.append((parts[0].rsplit(":", 1)[-1], int(parts[1])))
    return frames


class CallGraph:
    """Functions of the disassembly: own frame, calls, tail calls,
    indirect calls and tail calls."""

    def __init__(self, image, usage):
        self.own, self.own_from = {}, {}
        self.calls, self.tails = {}, {}
        self.indirect, self.indirect_tails = set(), set()
        text = run(image.prefix + "objdump", "-d", "--no-show-raw-insn",
                   image.path)
        fn = None
        prologue = 0
        for line in text.splitlines():
            m = re.match(r"[0-9a-f]+ <([^>]+)>:$", line)
            if m:
                fn = m.group(1)
                self.calls[fn], self.tails[fn] = set(), set()
                self.own[fn], prologue = 0, 0
                self.own_from[fn] = "disassembly"
                continue
            m = re.match(r"\s+[0-9a-f]+:\s+(\S+)\s*(.*)$", line)
            if not fn or not m:
                continue
            op, args = m.group(1), m.group(2)
            prologue += 1
            if prologue <= 4:
                # push {r4, lr} / stmdb sp!, {...} / sub sp, #N
                if op in ("push", "push.w", "stmdb", "stmdb.w") and \
                        (op.startswith("push") or args.startswith("sp!")):
                    regs = re.search(r"\{([^}]*)\}", args)
                    if regs:
                        self.own[fn] += 4 * len(_regs(regs.group(1)))
                elif op in ("sub", "sub.w", "subw") and \
                        re.match(r"sp, (sp, )?#\d+", args):
                    self.own[fn] += int(re.search(r"#(\d+)", args).group(1))
                elif op.startswith("vpush"):
                    regs = re.search(r"\{([^}]*)\}", args)
                    if regs:
                        self.own[fn] += 8 * len(_regs(regs.group(1)))
            target = re.search(r"<([^>+]+)>$", args)
            if op in ("bl", "bl.w") and target:
                self.calls[fn].add(target.group(1))
            elif op == "blx" and re.match(r"r\d+|ip|lr", args):
                self.indirect.add(fn)
            elif op in ("bx", "bx.n") and args.strip() != "lr":
                self.indirect_tails.add(fn)
            elif re.match(r"b(eq|ne|cs|cc|hs|lo|mi|pl|vs|vc|hi|ls|ge|lt|gt|le|al)?"
                          r"(\.n|\.w)?$", op) and target and \
                    target.group(1) != fn:
                self.tails[fn].add(target.group(1))
        for name, (size, qual) in usage.items():
            if name in self.own:
                self.own[name] = size
                self.own_from[name] = "su"
                if qual != "static":
                    self.own_from[name] = "dynamic"

    def indirect_targets(self, fn, extra):
        names = self.own.keys()
        if fn in EXEC_POLL:
            role = lambda n: is_poll(n) or is_drop(n) or is_wake(n)
        elif fn in EXEC_DROP:
            role = lambda n: is_drop(n) or is_wake(n)
        else:
            role = is_wake
        return {n for n in names if role(n)} | extra.get(fn, set())


def _regs(text):
    out = []
    for part in text.split(","):
        part = part.strip()
        m = re.match(r"([a-z]+)(\d+)-[a-z]+(\d+)$", part)
        if m:
            out += [m.group(1) + str(i)
                    for i in range(int(m.group(2)), int(m.group(3)) + 1)]
        elif part:
            out.append(part)
    return out


class Unbounded(Exception):
    pass


class Depth:
    """Deepest stack below each function: its frame plus its deepest call;
    a tail call's callee starts where its caller started."""

    def __init__(self, graph, extra):
        self.g, self.extra = graph, extra
        self.memo, self.path = {}, {}
        self.on_stack = []

    def edges(self, fn):
        g = self.g
        calls = set(g.calls.get(fn, ()))
        tails = set(g.tails.get(fn, ()))
        if fn in g.indirect:
            calls |= g.indirect_targets(fn, self.extra)
        if fn in g.indirect_tails:
            tails |= g.indirect_targets(fn, self.extra)
        calls |= self.extra.get(fn, set()) - calls
        return calls, tails

    def of(self, fn, tail_only=False):
        """(bytes, chain); tail_only: reached from the function on the
        stack through tail calls only, which add no depth."""
        if fn in self.memo:
            return self.memo[fn]
        if fn in self.on_stack:
            if tail_only:
                return 0, [fn + " (again)"]
            cycle = self.on_stack[self.on_stack.index(fn):] + [fn]
            raise Unbounded("recursion: " + " > ".join(cycle))
        if self.g.own_from.get(fn) == "dynamic":
            raise Unbounded(fn + " has a dynamic stack frame")
        self.on_stack.append(fn)
        own = self.g.own.get(fn, 0)
        best, chain = own, [fn]
        calls, tails = self.edges(fn)
        for c in sorted(calls):
            d, ch = self.of(c)
            if own + d > best:
                best, chain = own + d, [fn] + ch
        for t in sorted(tails):
            d, ch = self.of(t, tail_only=True)
            if d > best:
                best, chain = d, [fn + " (tail)"] + ch
        self.on_stack.pop()
        self.memo[fn] = (best, chain)
        return best, chain


def pools(image):
    """(pool, tasks, slot bytes, function) for every CA_TASK_POOL."""
    out = []
    syms = {(n, k): (a, s) for n, a, s, k in image.symbols}
    for name, addr, size, kind in image.symbols:
        if not name.endswith("__ca__slots"):
            continue
        pool = name[: -len("__ca__slots")]
        struct = next((a for (n, k), (a, s) in syms.items()
                       if n == pool and k in "dD"), None)
        vt = next((a for (n, k), (a, s) in syms.items()
                   if n == pool + "__ca__vt"), None)
        slot = image.word(struct + 4) if struct is not None else 0
        tasks = image.word(struct + 8) if struct is not None else 0
        fn = "?"
        if vt is not None:
            poll = image.by_addr.get(image.word(vt + 4) & ~1, "?")
            fn = poll[: -len("__task_poll")] if poll.endswith("__task_poll") \
                else poll
        out.append((pool, tasks, slot, size, fn))
    return sorted(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("image")
    ap.add_argument("su", nargs="+")
    ap.add_argument("--frames", action="append", default=[])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--tools", default="arm-none-eabi-")
    ap.add_argument("--calls", action="append", default=[],
                    help="CALLER=TARGET: an indirect call of the program's")
    a = ap.parse_args()
    extra = {}
    for c in a.calls:
        caller, target = c.split("=", 1)
        extra.setdefault(caller, set()).add(target)

    image = Image(a.image, a.tools)
    graph = CallGraph(image, read_stack_usage(a.su))
    frames = read_frames(a.frames)
    frame_of = dict(frames)
    errors = []
    print("cawait RAM report: " + os.path.basename(a.image))

    static = image.static_ram()
    print("\nstatic RAM (.data + .bss, the stack not counted): %d bytes"
          % static)
    print("  task pools (tasks x slot = bytes: the task function, its frame):")
    for pool, tasks, slot, size, fn in pools(image):
        print("    %-14s %2d x %4d = %5d: %s, frame %s" % (
            pool, tasks, slot, size, fn, frame_of.get(fn, "?")))
    big = sorted((s, n) for n, _, s, k in image.symbols
                 if k in "bBdD" and s >= 64 and not n.endswith("__ca__slots"))
    print("  other objects of 64 bytes or more: " +
          ", ".join("%s %d" % (n, s) for s, n in reversed(big)))

    print("\nasync frames (-fplugin-arg-cawait-frame-usage):")
    for fn, size in sorted(frames, key=lambda f: (-f[1], f[0])):
        print("    %-24s %5d" % (fn, size))

    depth = Depth(graph, extra)
    if "ca__indirect_place" in graph.own:
        errors.append("the image calls through async function pointers, "
                      "which this bound does not follow")

    def show(fn):
        try:
            d, chain = depth.of(fn)
            return d, " > ".join(chain)
        except Unbounded as e:
            errors.append(str(e))
            return None, "unbounded: " + str(e)

    print("\nstack (-fstack-usage frames; calls from the disassembly):")
    print("  deepest poll call chain of each task:")
    for pool, _, _, _, fn in pools(image):
        d, chain = show(fn + "__task_poll")
        print("    %-24s %5s  %s" % (fn, d, chain))
    entry = "Reset_Handler" if "Reset_Handler" in graph.own else "main"
    main_d, chain = show(entry)
    print("  %s: %s bytes\n    %s" % (entry, main_d, chain))
    irq_d, irq_chain = 0, "none"
    for fn in sorted(graph.own):
        if fn.endswith("_Handler") and fn != "Reset_Handler":
            d, chain = show(fn)
            if d is not None and d + EXCEPTION_FRAME > irq_d:
                irq_d, irq_chain = d + EXCEPTION_FRAME, chain
    print("  deepest interrupt handler (with its %d-byte exception frame): "
          "%d bytes\n    %s" % (EXCEPTION_FRAME, irq_d, irq_chain))

    if errors:
        for e in errors:
            print("error: " + e)
        return 1
    stack = main_d + irq_d
    bound = static + stack
    print("\nstack bound: %d + %d = %d bytes" % (main_d, irq_d, stack))
    reserved = image.reserved_stack()
    if reserved is not None:
        print("stack reserved by the linker script (.stack): %d bytes"
              % reserved)
    print("RAM bound: %d (static) + %d (stack) = %d bytes" % (static, stack,
                                                              bound))
    status = 0
    if reserved is not None and reserved < stack:
        print("error: the reserved stack (%d bytes) is smaller than the "
              "stack bound (%d bytes)" % (reserved, stack))
        status = 1
    if a.limit is not None:
        ok = bound <= a.limit
        print("limit: %d bytes: %s" % (a.limit, "ok" if ok else
                                        "EXCEEDED by %d bytes" % (bound - a.limit)))
        if not ok:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
