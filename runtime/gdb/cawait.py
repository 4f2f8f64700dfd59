# cawait.py - gdb commands for async C built with cawait (docs/user-guide.md,
# "Debugging").
#
# Takes the stopped process's memory (a live process or a core file): the
# executor's state (runtime/src/executor.c's thread-local `ca__exec`), the
# task headers and the static frame descriptions the plugin emits
# (cawait/abi.h, docs/design.md "Async backtraces"). Gives:
#   cawait tasks  the listing of ca_dump_tasks (runtime/src/dump.c), line for
#                 line, for the selected thread's executor;
#   cawait bt     the ordinary backtrace, then the chain of awaits of the task
#                 being polled (or of the ca_block_on future);
#   cawait next   steps over a suspending await: continues to the next line
#                 of the same async function in the same frame;
#   a pretty-printer for `struct f__frame`: the state, its await, and the
#                 source-named slots that the live await does not overlap.
# Nothing here calls into the inferior. Loaded by gdb from the binary's
# .debug_gdb_scripts section (runtime/src/executor.c) or by `source`.
#
# lldb's commands (runtime/lldb/cawait.py) run this same walk: they load this
# file under a stand-in `gdb` module and replace the functions marked
# "primitive" below, the only ones that read the debugger.
#
# Run as a plain script (python3 cawait.py --constants), it prints the
# CA__AWAIT_* and CA__WAIT_* values it assumes (test/debug/constants.test
# compares them with the C header's).

import time

# cawait/abi.h's anonymous enums (DWARF may not have them): kept equal by
# test/debug/constants.test.
AWAIT = {
    "CALL": 0,
    "IN_PLACE": 1,
    "BOXED": 2,
    "JOIN": 3,
    "SELECT": 4,
    "YIELD": 5,
}
WAIT = {
    "NONE": 0,
    "TIMER": 1,
    "READ": 2,
    "WRITE": 3,
    "READ_FD": 4,
    "WRITE_FD": 5,
    "SIGNAL": 6,
    "CHAN": 7,
    "ONESHOT": 8,
    "NOTIFY": 9,
    "SEM": 10,
    "CANCEL": 11,
    "EVENT": 12,
    "GROUP": 13,
    "TASK": 14,
    "BLOCKING": 15,
    "REMOTE_CHAN": 16,
}
# executor.c: the flags in a task's prev_flags; internal.h: handles.
TASK_FLAGS = 7
HANDLE_SEG0 = 64

ARROW = " \u2192 "

try:
    import gdb
except ImportError:  # a plain script: python3 cawait.py --constants
    import sys

    if sys.argv[1:] == ["--constants"]:
        for k, v in AWAIT.items():
            print("CA__AWAIT_%s=%d" % (k, v))
        for k, v in WAIT.items():
            print("CA__WAIT_%s=%d" % (k, v))
    sys.exit(0)


def _type(name):
    """Primitive: the type called `name` (sizeof, alignof)."""
    return gdb.lookup_type(name)


def _ptr(v):
    """Primitive: a pointer value as an integer."""
    return int(v.cast(_type("unsigned long")))


def _at(addr, typename):
    """Primitive: the object of type `typename` at address addr."""
    return gdb.Value(addr).cast(_type(typename).pointer()).dereference()


def _str(v):
    return v.string() if _ptr(v) else None


def _read_state(frame, desc):
    size = int(desc["state_size"])
    data = _read_bytes(frame + int(desc["state_offset"]), size)
    return int.from_bytes(data, "little" if _little_endian() else "big")


def _read_bytes(addr, size):
    """Primitive: size bytes of the process's memory at addr."""
    return bytes(gdb.selected_inferior().read_memory(addr, size))


def _little_endian():
    """Primitive: whether the process is little-endian."""
    return "little" in gdb.execute("show endian", to_string=True)


def _read_word(addr):
    return _ptr(_at(addr, "unsigned long"))


def _max_align():
    try:
        return _type("max_align_t").alignof
    except gdb.error:
        return 16


def _now_ms():
    """ca_now_ms() as the process would read it, or None (a core file)."""
    if not _live():
        return None
    return int(time.clock_gettime(time.CLOCK_MONOTONIC) * 1000)


def _live():
    """Primitive: a running process (not a core file)."""
    inferior = gdb.selected_inferior()
    # A core file's inferior has the dumped process's pid; gdb 12 and later
    # name its connection "core".
    connection = getattr(inferior, "connection", None)
    if connection is not None and connection.type == "core":
        return False
    return bool(inferior.pid)


def _task_name(handle):
    """ca__task_name: the name of the task of a live handle, or None."""
    if not handle:
        return None
    bits = _type("unsigned long").sizeof * 4
    index = (handle & ((1 << bits) - 1)) - 1
    if index < 0 or index >= HANDLE_SEG0:
        return None  # a later segment: not read here
    table = _handle_table()
    slot = table["seg0"][index]
    if int(slot["gen"]) != handle >> bits or not _ptr(slot["task"]):
        return None
    return _str(_vtable(_ptr(slot["task"]))["name"])


def _handle_table():
    """Primitive: runtime/src/handle.c's ca__handle_table (thread-local)."""
    return gdb.parse_and_eval("ca__handle_table")


def _vtable(task):
    return _at(_read_word(task + 2 * _type("unsigned long").sizeof), "ca__task_vtable")


def _wait(frame, desc):
    """What a leaf future waits on, as dump.c's ca__dump_wait prints it."""
    w = int(desc["wait"])
    at = frame + int(desc["wait_offset"])
    if w == WAIT["TIMER"]:
        timer = _at(at, "ca_timer")
        if not _ptr(timer["link"]["next"]):
            return " (timer not armed)"
        deadline = int(timer["deadline_ms"])
        now = _now_ms()
        if now is None:
            return " (deadline at %d ms)" % deadline
        return " (deadline in %d ms)" % (deadline - now)
    if w in (WAIT["READ_FD"], WAIT["WRITE_FD"]):
        return " (fd %d, %s)" % (
            int(_at(at, "int")),
            "readable" if w == WAIT["READ_FD"] else "writable",
        )
    if w == WAIT["SIGNAL"]:
        return " (signal %d)" % int(_at(at, "int"))
    if w == WAIT["NONE"]:
        return ""
    p = _read_word(at)
    if w in (WAIT["READ"], WAIT["WRITE"]):
        if not p:
            return ""
        return " (fd %d, %s)" % (
            int(_at(p, "int")),
            "readable" if w == WAIT["READ"] else "writable",
        )
    if w == WAIT["CHAN"]:
        if not p:
            return ""
        priv = _at(p, "ca_chan")["ca__private"]
        return " (channel 0x%x, %d of %d)" % (
            p,
            int(priv["len"]),
            int(priv["capacity"]),
        )
    if w == WAIT["TASK"]:
        return " (task %s)" % (_task_name(p) or "?")
    what = {
        WAIT["ONESHOT"]: "oneshot",
        WAIT["NOTIFY"]: "notify",
        WAIT["SEM"]: "semaphore",
        WAIT["CANCEL"]: "cancel token",
        WAIT["EVENT"]: "event",
        WAIT["GROUP"]: "task group",
        WAIT["REMOTE_CHAN"]: "remote channel",
    }
    if w in what:
        return " (%s %s)" % (what[w], "0x%x" % p if p else "(nil)")
    if w == WAIT["BLOCKING"]:
        return " (function %s, a blocking job)" % ("0x%x" % p if p else "(nil)")
    return ""


def _chain(frame, desc, name, depth):
    """The lines of the chain from `frame` down to its leaf (dump.c's
    ca__dump_chain): the first continues the caller's line."""
    text = ""
    while True:
        if desc is None:
            return [text + (name or "?")]
        if not int(desc["state_size"]):
            return [text + desc["name"].string() + _wait(frame, desc)]
        s = _read_state(frame, desc)
        if s == 0 or s > int(desc["nawaits"]):
            return [
                text
                + "%s (%s)" % (desc["name"].string(), "finished" if s else "not started")
            ]
        a = desc["awaits"][s - 1]
        text += "%s at %s:%d" % (desc["name"].string(), a["file"].string(), int(a["line"]))
        kind = int(a["kind"])
        if kind in (AWAIT["CALL"], AWAIT["IN_PLACE"], AWAIT["BOXED"]):
            text += ARROW
            frame, desc, name = _callee_of(frame, a)
            continue
        if kind in (AWAIT["JOIN"], AWAIT["SELECT"]):
            # ca__combinator: {ca_waker parent; uint32_t woken, pending;}
            pending = int(
                _at(
                    frame + int(a["offset"]) + _type("unsigned long").sizeof + 4,
                    "unsigned int",
                )
            )
            return _branches(text, kind, a, frame, pending, depth)
        return [text]


def _callee_of(frame, a):
    """What await (or branch) a of frame waits in: the callee's frame, its
    description and name; through an async function pointer, the ops it
    keeps say."""
    kind = int(a["kind"])
    if kind not in (AWAIT["IN_PLACE"], AWAIT["BOXED"]):
        return frame + int(a["offset"]), _desc(a["callee"]), _str(a["callee_name"])
    ops = _read_word(frame + int(a["ops_offset"]))
    at = _read_word(frame + int(a["offset"])) if kind == AWAIT["BOXED"] else frame + int(a["offset"])
    ops = _at(ops, "ca__frame_ops") if ops else None
    if ops is None:
        return at, None, None
    return at, _desc(ops["desc"]), _str(ops["name"])


def _branches(text, kind, a, frame, pending, depth):
    out = [text + ARROW + ("ca_join" if kind == AWAIT["JOIN"] else "ca_select")]
    for i in range(int(a["nbranches"])):
        if not pending & (1 << i):
            continue
        at, desc, name = _callee_of(frame, a["branches"][i])
        sub = _chain(at, desc, name, depth + 1)
        out.append("  " * (depth + 1) + "[%d] " % i + sub[0])
        out += sub[1:]
    return out


def _desc(p):
    return p.dereference() if _ptr(p) else None


STATUS = ("running", "runnable", "waiting")


def _executor():
    """Primitive: the selected thread's executor, ca__exec."""
    sym = gdb.lookup_static_symbol("ca__exec")
    if sym is None:
        raise gdb.GdbError("cawait: no executor in this program (ca__exec)")
    return sym.value()


def _stack_has(addresses, names):
    """Primitive: whether a function of the selected thread's stack starts at
    one of `addresses` or is called one of `names`."""
    f = gdb.newest_frame()
    while f is not None:
        fn = f.function()
        if fn is not None and (fn.name in names or (fn.value().address is not None and _ptr(fn.value().address) in addresses)):
            return True
        f = f.older()
    return False


def _entries():
    """(task address or None, name, frame, desc, status), in ca__tasks_visit's
    order: the ca_block_on future, then the round, the run queue and the
    waiting list."""
    ex = _executor()
    current = _ptr(ex["current"])
    out = []
    if int(ex["in_block_on"]):
        desc = _desc(ex["main_desc"])
        name = desc["name"].string() if desc is not None else None
        # dump.c is called from a poll; gdb stops anywhere: the future runs
        # when no task is being polled and its poll is on the stack.
        polling = not current and _stack_has(
            {_ptr(ex["main_poll"])}, {name + "__poll"} if name else set()
        )
        if polling or (not current and not _stack_has(set(), _EXECUTOR_LOOP)):
            status = 0
        elif int(ex["main_woken"]) or _ptr(ex["main"]["prev_flags"]) & 1:
            status = 1
        else:
            status = 2
        out.append((None, name, _ptr(ex["main_frame"]), desc, status))
    main = _ptr(ex["main"].address)
    align = _max_align()
    for lst in ("round", "runq", "waiting"):
        sentinel = _ptr(ex[lst].address)
        t = _ptr(ex[lst]["next"])
        while t and t != sentinel:
            if t != main:
                vt = _vtable(t)
                desc = _desc(vt["desc"])
                a = max(int(desc["align"]) if desc is not None else 0, align)
                area = t + _type("ca__task").sizeof
                frame = (area + a - 1) & ~(a - 1)
                status = 0 if t == current else 2 if lst == "waiting" else 1
                out.append((t, _str(vt["name"]), frame, desc, status))
            t = _read_word(t)
    return out


# The executor's own frames when it is between polls (parked or firing
# timers): the future is not running then.
_EXECUTOR_LOOP = {
    "ca__executor_park",
    "ca__platform_park",
    "ca__timer_fire_due",
    "ca__platform_poll",
    "ca__executor_poll_io",
}


def _entry_lines(entry, ntask, walk_running=False):
    task, name, frame, desc, status = entry
    if task:
        head = "task %d %s, %s" % (ntask, name, STATUS[status])
    else:
        head = "ca_block_on%s, %s" % (" " + name if name else "", STATUS[status])
    if status == 0 and not walk_running:
        return [head]
    if desc is None:
        return [head, "  (no description)"]
    return [head] + ["  " + l if i == 0 else l for i, l in enumerate(_chain(frame, desc, name, 1))]


def _tasks_text():
    """What `cawait tasks` prints."""
    lines = ["cawait tasks:"]
    n = 0
    entries = _entries()
    for e in entries:
        if e[0]:
            n += 1
        lines += _entry_lines(e, n)
    if not entries:
        lines.append("none")
    return "\n".join(lines) + "\n"


def _async_bt_text():
    """What `cawait bt` prints after the ordinary backtrace."""
    n = 0
    for e in _entries():
        if e[0]:
            n += 1
        if e[4] == 0:
            lines = _entry_lines(e, n, walk_running=True)
            return "Async backtrace of %s:\n%s\n" % (lines[0], "\n".join(lines[1:]))
    return "Async backtrace: no task is being polled\n"


class CawaitPrefix(gdb.Command):
    """Async C built with cawait: cawait tasks, cawait bt, cawait next."""

    def __init__(self):
        super().__init__("cawait", gdb.COMMAND_STACK, prefix=True)


class CawaitTasks(gdb.Command):
    """List every task of the selected thread's executor and the ca_block_on
future, each with the chain of awaits it is suspended in (what
ca_dump_tasks prints, read from memory: nothing runs in the program)."""

    def __init__(self):
        super().__init__("cawait tasks", gdb.COMMAND_STACK)

    def invoke(self, arg, from_tty):
        gdb.write(_tasks_text())


class CawaitBt(gdb.Command):
    """The ordinary backtrace, then the async backtrace of the task being
polled (or of the ca_block_on future): the chain of awaits from its
function down to the leaf, as of the await it last suspended in."""

    def __init__(self):
        super().__init__("cawait bt", gdb.COMMAND_STACK)

    def invoke(self, arg, from_tty):
        gdb.execute("backtrace " + arg, from_tty)
        gdb.write(_async_bt_text())


class CawaitNext(gdb.Command):
    """Step over the current line, also when it suspends in an await: stops at
the next line of the same async function when this frame is resumed (a
temporary breakpoint on the lines that follow, conditioned on the frame)."""

    def __init__(self):
        super().__init__("cawait next", gdb.COMMAND_RUNNING)

    def invoke(self, arg, from_tty):
        frame = gdb.selected_frame()
        fn = frame.function()
        if fn is None or not fn.name.endswith("__poll"):
            gdb.execute("next " + arg, from_tty)
            return
        try:
            self_ptr = _ptr(frame.read_var("ca__f"))
        except ValueError:
            gdb.execute("next " + arg, from_tty)
            return
        sal = frame.find_sal()
        start, end = _function_range(frame)
        entries = [(e.line, e.pc) for e in sal.symtab.linetable() if start <= e.pc < end]
        bps = []
        for pc in _next_stops(entries, sal.line):
            bp = gdb.Breakpoint("*0x%x" % pc, internal=True, temporary=False)
            bp.condition = "ca__f == (void *)0x%x" % self_ptr
            bps.append(bp)
        try:
            gdb.execute("continue", from_tty)
        finally:
            for bp in bps:
                bp.delete()


def _next_stops(entries, line):
    """Where `cawait next` stops: from the (line, pc) entries of an async
    function's line table (in its order), the first address of every line
    after `line` (and of the same line in a later statement: a loop), but
    the function's last line, the closing brace, which a suspend returns
    through. Breakpoints there, conditioned on the frame, stop only when
    this frame resumes."""
    lines = [l for l, _ in entries if l]
    last = max(lines, default=0)
    out, seen = [], set()
    for l, pc in entries:
        if line < l < last and l not in seen:
            seen.add(l)
            out.append(pc)
    return out


def _function_range(frame):
    b = frame.block()
    while b.function is None and b.superblock is not None:
        b = b.superblock
    return b.start, b.end


class FramePrinter:
    """struct f__frame: its state and await, then its source-named slots
    except those the live await's storage overlaps (dead there)."""

    def __init__(self, val, desc):
        self.val = val
        self.desc = desc

    def to_string(self):
        frame = _ptr(self.val.address)
        d = self.desc
        s = _read_state(frame, d)
        if s == 0:
            return "%s, not started" % d["name"].string()
        if s > int(d["nawaits"]):
            return "%s, finished" % d["name"].string()
        a = d["awaits"][s - 1]
        return "%s, state %d at %s:%d" % (
            d["name"].string(),
            s,
            a["file"].string(),
            int(a["line"]),
        )

    def children(self):
        frame = _ptr(self.val.address)
        d = self.desc
        s = _read_state(frame, d)
        live = None
        if 0 < s <= int(d["nawaits"]):
            a = d["awaits"][s - 1]
            live = int(a["offset"])
        members = _members(self.val)
        busy = None
        want = _str(a["callee_name"]) if live is not None else None
        for name, off, v in members:
            tag = _tag(v)
            if live is not None and off == live and name.startswith("ca__aw"):
                if want is None or tag == want + "__frame":
                    busy = (off, off + _sizeof(v), name)
                    break
        for name, off, v in members:
            if name.startswith("ca__"):
                if busy and name == busy[2]:
                    yield ("await", v)
                continue
            if busy and off < busy[1] and off + _sizeof(v) > busy[0]:
                continue
            if s > int(d["nawaits"]) or s == 0 and name.startswith("ca__"):
                continue
            yield (name, v)


def _members(val, base=0, out=None):
    """Primitive: (name, offset, value) of each named member of a struct,
    those of anonymous structs and unions included, in order."""
    out = [] if out is None else out
    for f in val.type.strip_typedefs().fields():
        off = base + f.bitpos // 8
        if f.name is None or f.name == "":
            _members(val[f], off, out)
        else:
            out.append((f.name, off, val[f.name]))
    return out


def _sizeof(v):
    """Primitive: a value's size in bytes."""
    return v.type.sizeof


def _tag(v):
    """Primitive: the struct tag of a value's type, or None."""
    return v.type.strip_typedefs().tag


def _lookup(val):
    t = val.type.strip_typedefs()
    if t.code != gdb.TYPE_CODE_STRUCT or not t.tag or not t.tag.endswith("__frame"):
        return None
    fn = t.tag[: -len("__frame")]
    sym = gdb.lookup_global_symbol(fn + "__ca__desc") or gdb.lookup_static_symbol(
        fn + "__ca__desc"
    )
    if sym is None or val.address is None:
        return None
    return FramePrinter(val, sym.value())


CawaitPrefix()
CawaitTasks()
CawaitBt()
CawaitNext()
gdb.pretty_printers.append(_lookup)
