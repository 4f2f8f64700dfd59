# cawait.py - lldb commands for async C built with cawait (docs/user-guide.md,
# "Debugging").
#
# lldb loads no script from an ELF binary, so load this one yourself:
#   (lldb) command script import /path/to/share/cawait/lldb/cawait.py
# (or put that line in ~/.lldbinit). It gives:
#   cawait tasks  the listing of ca_dump_tasks, read from the stopped process;
#   cawait bt     the thread's backtrace, then the chain of awaits of the task
#                 being polled (or of the ca_block_on future);
#   cawait next   steps over a suspending await: continues to the next line
#                 of the same async function in the same frame;
#   a summary for `struct f__frame`: `f, state 1 at srv.c:12`.
#
# The walk is gdb's (../gdb/cawait.py, which must sit beside this directory
# as it does in the source tree and in share/cawait): that file is loaded
# under a stand-in `gdb` module, and its primitives (the functions that read
# the debugger) are replaced by the lldb ones below, so both debuggers print
# the same lines from the same tables. Nothing here calls into the inferior
# (the executor's thread-local address is computed by lldb's IR interpreter,
# no code is run in the process).

import importlib.util
import os
import sys
import types

import lldb


class Error(RuntimeError):
    pass


def _load_walk():
    """gdb's cawait.py as a module, under a stand-in `gdb`."""
    stub = types.ModuleType("gdb")

    class Command:
        def __init__(self, *args, **kwargs):
            pass

    stub.Command = Command
    stub.COMMAND_STACK = stub.COMMAND_RUNNING = 0
    stub.pretty_printers = []
    stub.error = stub.GdbError = Error
    path = os.path.join(
        os.path.dirname(os.path.abspath(__file__)), os.pardir, "gdb", "cawait.py"
    )
    spec = importlib.util.spec_from_file_location("cawait_walk", path)
    walk = importlib.util.module_from_spec(spec)
    saved = sys.modules.get("gdb")
    sys.modules["gdb"] = stub
    try:
        spec.loader.exec_module(walk)
    finally:
        if saved is None:
            del sys.modules["gdb"]
        else:
            sys.modules["gdb"] = saved
    return walk


walk = _load_walk()

# The stopped process the walk reads: set by each command.
_ctx = {"target": None, "thread": None}


def _target():
    return _ctx["target"]


class Type:
    """gdb.Type's part the walk uses."""

    def __init__(self, t):
        self.t = t

    @property
    def sizeof(self):
        return self.t.GetByteSize()

    @property
    def alignof(self):
        return self.t.GetByteAlign()


_BASIC = {
    "unsigned long": lldb.eBasicTypeUnsignedLong,
    "unsigned int": lldb.eBasicTypeUnsignedInt,
    "int": lldb.eBasicTypeInt,
}


def _sbtype(name):
    if name in _BASIC:
        return _target().GetBasicType(_BASIC[name])
    t = _target().FindFirstType(name)
    if not t.IsValid():
        raise Error("cawait: no type %s in this program" % name)
    return t


class Value:
    """gdb.Value's part the walk uses: v["member"], v[i] (pointer or array),
    int(v), v.string(), v.address, v.dereference()."""

    def __init__(self, v):
        self.v = v

    def __getitem__(self, key):
        v = self.v
        if isinstance(key, str):
            c = v.GetChildMemberWithName(key)
        elif v.GetType().IsPointerType():
            t = v.GetType().GetPointeeType()
            addr = v.GetValueAsUnsigned() + key * t.GetByteSize()
            c = v.CreateValueFromAddress("[%d]" % key, addr, t)
        else:
            c = v.GetChildAtIndex(key)
        if not c.IsValid() or c.GetError().Fail():
            raise Error("cawait: cannot read %s of %s" % (key, v.GetTypeName()))
        return Value(c)

    def __int__(self):
        if self.v.GetType().GetTypeFlags() & lldb.eTypeIsSigned:
            return self.v.GetValueAsSigned()
        return self.v.GetValueAsUnsigned()

    def string(self):
        addr = self.v.GetValueAsUnsigned()
        out = b""
        while True:
            chunk = _read_bytes(addr + len(out), 64)
            if b"\0" in chunk:
                return (out + chunk[: chunk.index(b"\0")]).decode("utf-8", "replace")
            out += chunk

    @property
    def address(self):
        return Value(self.v.AddressOf())

    def dereference(self):
        return Value(self.v.Dereference())


def _at(addr, typename):
    t = _target()
    where = lldb.SBAddress(addr, t)
    return Value(t.CreateValueFromAddress("cawait", where, _sbtype(typename)))


def _read_bytes(addr, size):
    # The target's reading: a core file has no read-only sections, which it
    # takes from the binary.
    err = lldb.SBError()
    t = _target()
    data = t.ReadMemory(lldb.SBAddress(addr, t), size, err)
    if err.Fail():
        raise Error("cawait: cannot read 0x%x: %s" % (addr, err))
    return data


def _address_of(name):
    """&name in the selected thread (a thread-local's is its own), evaluated
    without running code in the process."""
    opts = lldb.SBExpressionOptions()
    opts.SetAllowJIT(False)
    opts.SetTryAllThreads(False)
    frame = _ctx["thread"].GetFrameAtIndex(0)
    v = frame.EvaluateExpression("&" + name, opts)
    if not v.IsValid() or v.GetError().Fail():
        return None
    return v.GetValueAsUnsigned()


def _executor():
    addr = _address_of("ca__exec")
    if addr is None:
        raise Error("cawait: no executor in this program (ca__exec)")
    return _at(addr, "ca__executor")


def _handle_table():
    return _at(_address_of("ca__handle_table"), "ca__handles")


def _stack_has(addresses, names):
    target = _target()
    for f in _ctx["thread"]:
        fn = f.GetFunction()
        if f.GetFunctionName() in names:
            return True
        if fn.IsValid() and fn.GetStartAddress().GetLoadAddress(target) in addresses:
            return True
    return False


def _live():
    return _target().GetProcess().GetPluginName() != "elf-core"


def _members(val):
    out = []
    _add_members(val.v, 0, out)
    return out


def _add_members(v, base, out):
    t = v.GetType().GetCanonicalType()
    for i in range(t.GetNumberOfFields()):
        f = t.GetFieldAtIndex(i)
        c = v.GetChildAtIndex(i)
        off = base + f.GetOffsetInBytes()
        if f.GetName():
            out.append((f.GetName(), off, Value(c)))
        else:
            _add_members(c, off, out)


def _tag(val):
    t = val.v.GetType().GetCanonicalType()
    if t.GetTypeClass() != lldb.eTypeClassStruct:
        return None
    return t.GetName().split()[-1]


walk._type = lambda name: Type(_sbtype(name))
walk._ptr = lambda v: v.v.GetValueAsUnsigned()
walk._at = _at
walk._read_bytes = _read_bytes
walk._little_endian = lambda: _target().GetByteOrder() == lldb.eByteOrderLittle
walk._live = _live
walk._handle_table = _handle_table
walk._executor = _executor
walk._stack_has = _stack_has
walk._members = _members
walk._sizeof = lambda val: val.v.GetByteSize()
walk._tag = _tag
# A primitive the gdb file gains must get an lldb version here.
_unreplaced = [
    n
    for n, f in vars(walk).items()
    if getattr(f, "__module__", None) == "cawait_walk"
    and (getattr(f, "__doc__", None) or "").startswith("Primitive")
]
if _unreplaced:
    raise ImportError("cawait: no lldb version of " + ", ".join(_unreplaced))


def _run(debugger, result, text):
    _ctx["target"] = debugger.GetSelectedTarget()
    _ctx["thread"] = _ctx["target"].GetProcess().GetSelectedThread()
    if not _ctx["thread"].IsValid():
        result.SetError("cawait: no process")
        return
    try:
        result.PutCString(text().rstrip("\n"))
    except Error as e:
        result.SetError(str(e))


def tasks(debugger, command, result, internal_dict):
    """List every task of the selected thread's executor and the ca_block_on
    future, each with the chain of awaits it is suspended in (what
    ca_dump_tasks prints, read from memory: nothing runs in the program)."""
    _run(debugger, result, walk._tasks_text)


def bt(debugger, command, result, internal_dict):
    """The thread's backtrace, then the async backtrace of the task being
    polled (or of the ca_block_on future)."""
    out = lldb.SBCommandReturnObject()
    debugger.GetCommandInterpreter().HandleCommand("thread backtrace " + command, out)
    result.PutCString(out.GetOutput().rstrip("\n"))
    _run(debugger, result, walk._async_bt_text)


def next_(debugger, command, result, internal_dict):
    """Step over the current line, also when it suspends in an await: stops at
    the next line of the same async function when this frame is resumed
    (breakpoints on the lines that follow, conditioned on the frame)."""
    interp = debugger.GetCommandInterpreter()
    target = debugger.GetSelectedTarget()
    frame = target.GetProcess().GetSelectedThread().GetSelectedFrame()
    fn = frame.GetFunction()
    self_ptr = frame.FindVariable("ca__f")
    polled = fn.IsValid() and fn.GetName().endswith("__poll")
    if not polled or not self_ptr.IsValid():
        interp.HandleCommand("thread step-over", result)
        return
    start = fn.GetStartAddress().GetLoadAddress(target)
    end = fn.GetEndAddress().GetLoadAddress(target)
    here = frame.GetLineEntry()
    entries = []
    for e in frame.GetCompileUnit():
        pc = e.GetStartAddress().GetLoadAddress(target)
        if start <= pc < end and e.GetFileSpec() == here.GetFileSpec():
            entries.append((e.GetLine(), pc))
    bps = []
    for pc in walk._next_stops(entries, here.GetLine()):
        bp = target.BreakpointCreateByAddress(pc)
        bp.SetCondition("ca__f == (void *)0x%x" % self_ptr.GetValueAsUnsigned())
        bps.append(bp)
    try:
        interp.HandleCommand("process continue", result)
    finally:
        for bp in bps:
            target.BreakpointDelete(bp.GetID())


def _printer(valobj):
    """gdb's FramePrinter for a struct f__frame in memory, or None."""
    _ctx["target"] = valobj.GetTarget()
    _ctx["thread"] = valobj.GetThread()
    name = _tag(Value(valobj))
    if not name or not name.endswith("__frame"):
        return None
    if valobj.GetLoadAddress() == lldb.LLDB_INVALID_ADDRESS:
        return None
    fn = name[: -len("__frame")]
    desc = _ctx["target"].FindFirstGlobalVariable(fn + "__ca__desc")
    if not desc.IsValid() or desc.GetError().Fail():
        return None
    return walk.FramePrinter(Value(valobj), Value(desc))


def frame_summary(valobj, internal_dict):
    """`f, state 1 at srv.c:12` for a struct f__frame."""
    p = _printer(valobj.GetNonSyntheticValue())
    try:
        return p.to_string() if p else ""
    except Error:
        return ""


class FrameChildren:
    """The children of a struct f__frame: gdb's, by source name, without the
    slots that the live await's storage overlaps; that await as `await`."""

    def __init__(self, valobj, internal_dict):
        self.valobj = valobj
        self.kids = []

    def update(self):
        self.kids = []
        p = _printer(self.valobj)
        if p is None:
            return False
        try:
            for name, v in p.children():
                self.kids.append(
                    self.valobj.CreateValueFromAddress(
                        name, v.v.GetLoadAddress(), v.v.GetType()
                    )
                )
        except Error:
            self.kids = []
        return False

    def num_children(self):
        return len(self.kids)

    def get_child_index(self, name):
        names = [k.GetName() for k in self.kids]
        return names.index(name) if name in names else -1

    def get_child_at_index(self, i):
        return self.kids[i] if 0 <= i < len(self.kids) else None

    def has_children(self):
        return True


def __lldb_init_module(debugger, internal_dict):
    me = __name__
    run = debugger.HandleCommand
    run("command container add -h 'Async C built with cawait' cawait")
    run("command script add -o -f %s.tasks cawait tasks" % me)
    run("command script add -o -f %s.bt cawait bt" % me)
    run("command script add -o -f %s.next_ cawait next" % me)
    run("type summary add -e -x '__frame$' -F %s.frame_summary" % me)
    run("type synthetic add -x '__frame$' -l %s.FrameChildren" % me)
