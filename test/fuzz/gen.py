#!/usr/bin/env python3
"""gen.py SEED [--avoid a,b]: prints a random, deterministic async C program
for the cawait differential fuzzer (run.py).

The program stays inside what the lowering supports: await(f(...)) only as
an expression statement, `(void)await(...)`, a declaration initializer (also
in multi-declarator declarations and for-init clauses), the whole right side
of `=` / a compound assignment, and `return await(...)`; awaits anywhere in
blocks, if/else (braced or not), loops, switch cases, after labels, inside
blocks entered by goto.

Everything is free of undefined behaviour:
  * every non-void scalar async function returns a value in [0, 2^20);
  * arithmetic that mixes values is done in unsigned int;
  * compound assignments with an await on the right use only operators that
    cannot overflow for the left side's type (TYPES);
  * floating values stay small (|d| < 2^40), so converting them to long is
    defined; a double result is only converted to types that hold it;
  * loops are bounded by read-only counters, array indices are in bounds,
    gotos never skip an initialisation whose variable is read later,
    pointers are never reassigned and never outlive their target.

The output depends on every value: a running checksum `ck` (mixed at the
end of every block with all of its variables, at returns and elsewhere), a
few traced intermediate values, main's ca_block_on results and the leaf
futures' pending counts.  The exit code is ck & 63.

--avoid NAME,...: stop generating constructs that trigger a known bug, so a
campaign finds the next one.  Names: param-addr (taking the address of a
parameter).
"""
import random
import sys

# type: (operators allowed in `x op= await(...)` with an integer result in
#        [0, 2^20), can hold a double result in [0, 2^20), is floating)
TYPES = {
    "int": ("^|&", True, False),
    "long": ("+-^|&", True, False),
    "long long": ("+-^|&", True, False),
    "short": ("+-^|&", False, False),
    "unsigned short": ("+-^|&", False, False),
    "unsigned": ("+-*^|&", True, False),
    "unsigned long": ("+-*^|&", True, False),
    "unsigned long long": ("+-*^|&", True, False),
    "u32_t": ("+-*^|&", True, False),
    "char": ("+-*^|&", False, False),
    "signed char": ("+-*^|&", False, False),
    "unsigned char": ("+-*^|&", False, False),
    "_Bool": ("+-*^|&", True, False),
    "double": ("+-", True, True),
    "float": ("+-", True, True),
    "long double": ("+-", True, True),
    "enum E": ("^|&", False, False),
}
COMMON = ["int", "long", "unsigned", "unsigned long", "char",
          "unsigned char", "double"]
RARE = [t for t in TYPES if t not in COMMON]
RET_TYPES = ["int", "unsigned", "long", "unsigned long", "double", "void",
             "void", "unsigned", "float", "u32_t", "short"]
MASKS = ["0x7u", "0x3u", "0xffu", "0xfffu", "0xfffffu"]
FLOAT_LITS = ["0.5", "0.1", "1e-3", "0x1.8p-3", "(3.0 / 7.0)", "2.5e0",
              "1.0f", ".25", "0.3L", "1.1f", "3.25", "1e1"]
NAMES = ["a", "b", "x", "y", "v", "w", "t", "n"]


def ops(t):
    return TYPES[t][0]


def is_float(t):
    return TYPES[t][2]


class Var:
    def __init__(self, name, kind, ctype=None, length=0, length2=0,
                 struct=None, readonly=False, param=False):
        self.name = name
        self.kind = kind    # scalar array arr2 struct sarr ptr pptr sptr
        #                     parr fptr
        self.ctype = ctype  # scalar (element / pointee) type
        self.length = length
        self.length2 = length2
        self.struct = struct
        self.readonly = readonly
        self.param = param
        self.vol = False


class StructDef:
    def __init__(self, name, tname, fields, inner=None):
        self.name = name
        self.tname = tname      # how the type is spelled
        self.fields = fields    # [(name, scalar type)]
        self.arr = 3            # each struct has `unsigned arr[3]`
        self.inner = inner      # nested StructDef in field `in`


class Func:
    def __init__(self, idx, ret, params):
        self.idx = idx
        self.name = "f%d" % idx
        self.ret = ret          # scalar type, "void" or a StructDef
        self.params = params
        self.callees = []


class Gen:
    def __init__(self, seed, avoid=()):
        self.seed = seed
        self.avoid = set(avoid)
        self.r = random.Random(seed)
        self.nid = 0
        self.structs = []
        self.funcs = []
        self.cur = None
        self.scopes = [[]]

    # ------------------------------------------------------------ helpers
    def fresh(self, prefix):
        self.nid += 1
        return "%s%d" % (prefix, self.nid)

    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(seq)

    def scalar_type(self):
        return self.pick(RARE) if self.chance(0.25) else self.pick(COMMON)

    # --------------------------------------------------- variable access
    def visible(self):
        """Visible variables, innermost shadowing outer ones."""
        seen = {}
        for scope in reversed(self.scopes):
            for v in reversed(scope):
                if v.name not in seen:
                    seen[v.name] = v
        return list(seen.values())

    def struct_leaves(self, sd, base, ptr=False):
        """(lvalue, type) of every scalar in a struct value `base`."""
        sep = "->" if ptr else "."
        out = [("%s%s%s" % (base, sep, f), t) for f, t in sd.fields]
        out += [("%s%sarr[%d]" % (base, sep, k), "unsigned")
                for k in range(sd.arr)]
        if sd.inner:
            out += self.struct_leaves(sd.inner, "%s%sin" % (base, sep))
        return out

    def leaves(self, v, exclude=(), all_=False, lvalue=False):
        """(text, type) scalars reachable from v (a random few unless all_)."""
        r = self.r
        if v.kind == "scalar":
            return [(v.name, v.ctype)]
        if v.kind == "array":
            if all_:
                return [("%s[%d]" % (v.name, k), v.ctype)
                        for k in range(v.length)]
            out = [("%s[%d]" % (v.name, r.randrange(v.length)), v.ctype)]
            if self.chance(0.3):
                out.append(("%s[%s]" % (v.name, self.index_expr(
                    v.length, exclude)), v.ctype))
            return out
        if v.kind == "arr2":
            if all_:
                return [("%s[%d][%d]" % (v.name, i, j), v.ctype)
                        for i in range(v.length) for j in range(v.length2)]
            return [("%s[%d][%d]" % (v.name, r.randrange(v.length),
                                     r.randrange(v.length2)), v.ctype)]
        if v.kind == "struct":
            out = self.struct_leaves(v.struct, v.name)
            return out if all_ else [self.pick(out)]
        if v.kind == "sarr":
            if all_:
                return [x for k in range(v.length) for x in
                        self.struct_leaves(v.struct, "%s[%d]" % (v.name, k))]
            return [self.pick(self.struct_leaves(
                v.struct, "%s[%d]" % (v.name, r.randrange(v.length))))]
        if v.kind == "sptr":
            return [self.pick(self.struct_leaves(v.struct, v.name, True))]
        if v.kind == "ptr":
            return [("*" + v.name, v.ctype)]
        if v.kind == "pptr":
            return [("**" + v.name, v.ctype)]
        if v.kind == "parr":
            return [("(*%s)[%d]" % (v.name, r.randrange(v.length)), v.ctype)]
        if v.kind == "fptr":
            if lvalue:
                return []
            return [("%s(%du)" % (v.name, r.randrange(100)), "unsigned")]
        return []

    def lvalues(self, exclude=()):
        """(lvalue text, scalar type, base var) assignable here."""
        out = []
        for v in self.visible():
            if v.name in exclude or v.readonly:
                continue
            for lv, t in self.leaves(v, exclude, lvalue=True):
                out.append((lv, t, v))
        return out

    def readables(self, exclude=()):
        out = []
        for v in self.visible():
            if v.name in exclude:
                continue
            out.extend(self.leaves(v, exclude))
        return out

    @staticmethod
    def as_unsigned(text, t):
        if is_float(t):
            return "(unsigned)(long)(%s)" % text
        if t == "unsigned":
            return text
        return "(unsigned)(%s)" % text

    def literal(self):
        k = self.r.randrange(12)
        n = self.r.randrange(1, 1000)
        if k == 0:
            return "0x%xu" % n
        if k == 1:
            return "0%ou" % n
        if k == 2:
            return "(unsigned)'%s'" % self.pick(["a", "\\n", "\\x7f", "\\'",
                                                "\\\\", "0", "\\t"])
        if k == 3:
            return "(unsigned)sizeof(%s)" % self.pick(
                ["int", "long double"] + [s.tname for s in self.structs])
        if k == 4:
            return "4294967295u"
        if k == 5:
            return "%dul" % n
        if k == 6:
            return "(unsigned)E%d" % self.r.randrange(3)
        return "%du" % n

    def uexpr(self, depth=0, exclude=()):
        """An unsigned expression over visible values, UB-free."""
        if depth > 2 or self.chance(0.3):
            rd = self.readables(exclude)
            if rd and self.chance(0.8):
                return self.as_unsigned(*self.pick(rd))
            return self.literal()
        a = self.uexpr(depth + 1, exclude)
        k = self.r.randrange(12)
        if k == 0:
            return "(%s >> %du)" % (a, self.r.randrange(1, 20))
        if k == 1:
            return "(%s %% %du)" % (a, self.r.randrange(1, 50))
        if k == 2:
            return "(%s * %du)" % (a, self.r.randrange(1, 100))
        if k == 3:
            return "h%d(%s)" % (self.r.randrange(3), a)
        b = self.uexpr(depth + 1, exclude)
        if k == 4:
            return "((%s & 1u) ? %s : %s)" % (a, b, self.uexpr(depth + 1,
                                                              exclude))
        if k == 5:
            return "(mix(%s), %s)" % (a, b)
        op = self.pick(["+", "-", "*", "^", "&", "|"])
        return "(%s %s %s)" % (a, op, b)

    def index_expr(self, n, exclude=()):
        return "%s %% %du" % (self.uexpr(2, exclude), n)

    def convert(self, ue, t):
        """Converts an unsigned expression to type t (defined behaviour)."""
        if is_float(t):
            return "(%s)((double)(%s %% 1000u) * %s)" % (
                t, ue, self.pick(FLOAT_LITS))
        if t == "enum E":
            return "(enum E)(%s %% 5u)" % ue
        return "(%s)(%s)" % (t, ue)

    def cond(self):
        k = self.r.randrange(4)
        if k == 0:
            return "(%s) %% %du == 0u" % (self.uexpr(1), self.r.randrange(2, 5))
        if k == 1:
            return "(%s) & 1u" % self.uexpr(1)
        if k == 2:
            return "%s < %s" % (self.uexpr(2), self.uexpr(2))
        return "(%s) %% 3u != 1u" % self.uexpr(1)

    # ------------------------------------------------------------- calls
    def call(self, want="any", allow_ptr=True, exclude=()):
        """Text of an async call and its result type.  want: "any",
        "value" (a scalar result) or a StructDef (that struct)."""
        f = self.cur
        opts = []
        for j in f.callees:
            g = self.funcs[j]
            if want == "value" and not isinstance(g.ret, str) or \
                    want == "value" and g.ret == "void":
                continue
            if isinstance(want, StructDef) and g.ret is not want:
                continue
            opts.append(g)
        k = self.r.randrange(10)
        if isinstance(want, StructDef):
            if not opts:
                return None, None
        else:
            if want == "any" and k == 0:
                return "ca_yield()", "void"
            if k == 1 or not opts:
                return "leaf(%s)" % self.uexpr(1, exclude), "unsigned"
            if want == "any" and allow_ptr and k == 2:
                lv = self.addr_target("unsigned", exclude)
                if lv:
                    return "leafp(&%s)" % lv, "void"
        g = self.pick(opts)
        args = []
        for p in g.params:
            if p.kind == "scalar":
                args.append(self.convert(self.uexpr(1, exclude), p.ctype))
            elif p.kind == "ptr":
                lv = self.addr_target(p.ctype, exclude) if allow_ptr else None
                if lv is None:
                    if isinstance(want, StructDef):
                        return None, None
                    return "leaf(%s)" % self.uexpr(1, exclude), "unsigned"
                args.append("&" + lv)
            elif p.kind == "struct":
                args.append(self.struct_value(p.struct, exclude))
        return "%s(%s)" % (g.name, ", ".join(args)), g.ret

    def struct_value(self, sd, exclude=()):
        cands = self.struct_lvalues(sd, exclude, readonly_ok=True)
        if cands and self.chance(0.7):
            return self.pick(cands)
        return self.struct_init(sd, exclude, compound=True)

    def struct_lvalues(self, sd, exclude=(), readonly_ok=False):
        out = []
        for v in self.visible():
            if v.name in exclude or (v.readonly and not readonly_ok) or \
                    v.struct is not sd:
                continue
            if v.kind == "struct":
                out.append(v.name)
            elif v.kind == "sarr":
                out.append("%s[%d]" % (v.name, self.r.randrange(v.length)))
            elif v.kind == "sptr":
                out.append("*" + v.name)
        return out

    def addr_target(self, t, exclude=()):
        c = [lv for lv, lt, v in self.lvalues(exclude)
             if lt == t and "%" not in lv and "(" not in lv
             and not (v.param and "param-addr" in self.avoid)
             and not v.vol]
        return self.pick(c) if c else None

    def struct_init(self, sd, exclude=(), compound=False):
        parts = [self.convert(self.uexpr(2, exclude), t) for _, t in sd.fields]
        parts.append("{%s}" % ", ".join("%du" % self.r.randrange(100)
                                       for _ in range(sd.arr)))
        if sd.inner:
            parts.append(self.struct_init(sd.inner, exclude))
        body = "{%s}" % ", ".join(parts)
        if compound:
            return "(%s)%s" % (sd.tname, body)
        return body

    # -------------------------------------------------------- statements
    def emit(self, line):
        self.out.append("  " * self.indent + line)

    def mix_lines(self, v):
        return ["mix(%s);" % self.as_unsigned(lv, t)
                for lv, t in self.leaves(v, all_=True)]

    def new_name(self, also=()):
        # Small pool so nested blocks shadow outer names.
        inner = {v.name for v in self.scopes[-1]}
        for _ in range(20):
            n = self.pick(NAMES) + str(self.r.randrange(4))
            if n not in inner and n not in self.reserved and n not in also:
                return n
        return self.fresh("z")

    def declare(self, v):
        self.scopes[-1].append(v)

    def scalar_init(self, t, name, exclude):
        """`= init` text for a new scalar of type t (await or not)."""
        if self.chance(0.5):
            c, rt = self.call("value", exclude=exclude)
            if (rt == "double" or rt == "float") and not TYPES[t][1]:
                return None, None
            return "await(%s)" % c, rt
        return self.convert(self.uexpr(exclude=exclude), t), t

    def stmt_decl(self):
        name = self.new_name()
        k = self.r.randrange(22)
        if k < 7:
            t = self.scalar_type()
            init, _ = self.scalar_init(t, name, (name,))
            if init is None:
                t = "double"
                init, _ = self.scalar_init(t, name, (name,))
            q = ""
            ro = False
            if self.chance(0.1):
                q, ro = "const ", True
            elif self.chance(0.08):
                q = "volatile "
            self.emit("%s%s %s = %s;" % (q, t, name, init))
            v = Var(name, "scalar", t, readonly=ro)
            v.vol = q == "volatile "
            self.declare(v)
        elif k < 8:
            # multi-declarator: T a = i1, b = i2;  or  T a = i1, *p = &a;
            n2 = self.new_name((name,))
            t = self.pick(["int", "unsigned", "long", "double"])
            i1, _ = self.scalar_init(t, name, (name, n2))
            if self.chance(0.4):
                self.emit("%s %s = %s, *%s = &%s;" % (t, name, i1, n2, name))
                self.declare(Var(name, "scalar", t))
                self.declare(Var(n2, "ptr", t))
                return
            self.declare(Var(name, "scalar", t))
            i2, _ = self.scalar_init(t, n2, (n2,))
            self.emit("%s %s = %s, %s = %s;" % (t, name, i1, n2, i2))
            self.declare(Var(n2, "scalar", t))
        elif k < 9:
            # declared without an initializer, assigned right after
            t = self.pick(["int", "unsigned", "long", "unsigned char",
                           "double"])
            self.emit("%s %s;" % (t, name))
            c, rt = self.call("value", exclude=(name,))
            if rt in ("double", "float") and not TYPES[t][1]:
                c = "leaf(%s)" % self.uexpr(1, (name,))
            if self.chance(0.5):
                self.emit("if (%s)" % self.cond())
                self.emit("  %s = await(%s);" % (name, c))
                self.emit("else")
                self.emit("  %s = %s;" % (name, self.convert(
                    self.uexpr(exclude=(name,)), t)))
            else:
                self.emit("%s = await(%s);" % (name, c))
            self.declare(Var(name, "scalar", t))
        elif k < 11:
            t = self.scalar_type()
            if t == "char" and self.chance(0.4):
                s = "".join(self.pick(["a", "\\n", "\\\"", "\\\\", "z",
                                       "\\x01", "%", "?"])
                            for _ in range(self.r.randrange(0, 6)))
                self.emit('char %s[8] = "%s";' % (name, s))
                self.declare(Var(name, "array", "char", length=8))
                return
            n = self.r.randrange(2, 6)
            init = ", ".join(self.convert(self.uexpr(2, (name,)), t)
                             for _ in range(n))
            st = "static " if self.chance(0.1) and "(" not in init and \
                "sizeof" not in init else ""
            if st:
                init = ", ".join("%d" % self.r.randrange(50)
                                 for _ in range(n))
            self.emit("%s%s %s[%d] = {%s};" % (st, t, name, n, init))
            self.declare(Var(name, "array", t, length=n))
        elif k < 12:
            t = self.scalar_type()
            n, m = self.r.randrange(1, 3), self.r.randrange(2, 4)
            rows = ", ".join("{%s}" % ", ".join(
                self.convert(self.uexpr(3, (name,)), t) for _ in range(m))
                for _ in range(n))
            self.emit("%s %s[%d][%d] = {%s};" % (t, name, n, m, rows))
            self.declare(Var(name, "arr2", t, length=n, length2=m))
        elif k < 15:
            sd = self.pick(self.structs)
            if self.chance(0.3):
                c, _ = self.call(sd, exclude=(name,))
                if c:
                    self.emit("%s %s = await(%s);" % (sd.tname, name, c))
                    self.declare(Var(name, "struct", struct=sd))
                    return
            if self.chance(0.25):
                n = self.r.randrange(1, 3)
                self.emit("%s %s[%d] = {%s};" % (
                    sd.tname, name, n, ", ".join(self.struct_init(
                        sd, (name,)) for _ in range(n))))
                self.declare(Var(name, "sarr", struct=sd, length=n))
                return
            self.emit("%s %s = %s;" % (sd.tname, name,
                                       self.struct_init(sd, (name,))))
            self.declare(Var(name, "struct", struct=sd))
        elif k < 16:
            self.emit("unsigned (*%s)(unsigned) = h%d;" % (
                name, self.r.randrange(3)))
            self.declare(Var(name, "fptr"))
        else:
            self.stmt_pointer(name)

    def stmt_pointer(self, name):
        vis = [v for v in self.visible() if v.name != name and
               not (v.param and "param-addr" in self.avoid)]
        k = self.r.randrange(4)
        if k == 0:
            ss = [v for v in vis if v.kind in ("struct", "sarr")
                  and not v.readonly]
            if ss:
                s = self.pick(ss)
                tgt = s.name if s.kind == "struct" else "%s[%d]" % (
                    s.name, self.r.randrange(s.length))
                self.emit("%s *%s = &%s;" % (s.struct.tname, name, tgt))
                self.declare(Var(name, "sptr", struct=s.struct))
                return
        if k == 1:
            arrs = [v for v in vis if v.kind == "array" and not v.readonly]
            if arrs:
                a = self.pick(arrs)
                self.emit("%s (*%s)[%d] = &%s;" % (a.ctype, name, a.length,
                                                   a.name))
                self.declare(Var(name, "parr", a.ctype, length=a.length))
                return
        if k == 2:
            ps = [v for v in vis if v.kind == "ptr"]
            if ps:
                p = self.pick(ps)
                self.emit("%s **%s = &%s;" % (p.ctype, name, p.name))
                self.declare(Var(name, "pptr", p.ctype))
                return
        c = [(lv, t) for lv, t, v in self.lvalues((name,))
             if "%" not in lv and "(" not in lv and not v.vol and
             not (v.param and "param-addr" in self.avoid)]
        if not c:
            return self.stmt_assign()
        lv, t = self.pick(c)
        self.emit("%s *%s = &%s;" % (t, name, lv))
        self.declare(Var(name, "ptr", t))

    def stmt_assign(self):
        lvs = self.lvalues()
        if self.chance(0.1):
            fps = [v for v in self.visible() if v.kind == "fptr"]
            if fps:
                self.emit("%s = h%d;" % (self.pick(fps).name,
                                         self.r.randrange(3)))
                return
        if not lvs:
            return self.stmt_mix()
        lv, t, _ = self.pick(lvs)
        self.emit("%s = %s;" % (lv, self.convert(self.uexpr(), t)))

    def stmt_mix(self):
        self.emit("mix(%s);" % self.uexpr())

    def stmt_trace(self):
        self.emit('trace("%s.%d%s", %s);' % (
            self.cur.name, self.nid, self.pick(["", "\\t|", "\\\"q\\\"",
                                                "\\\\", " %d"]),
            self.uexpr()))
        self.nid += 1

    def stmt_await(self, allow_decl=True):
        k = self.r.randrange(7)
        if k == 2 and not allow_decl:
            k = 0
        if k <= 1:
            c, _ = self.call()
            self.emit(("await(%s);" if k == 0 else "(void)await(%s);") % c)
            return
        if k == 2:
            return self.stmt_decl_await()
        if k == 3:
            sds = [sd for sd in self.structs
                   if self.struct_lvalues(sd)]
            if sds:
                sd = self.pick(sds)
                c, _ = self.call(sd, allow_ptr=False)
                if c:
                    self.emit("%s = await(%s);" % (
                        self.pick(self.struct_lvalues(sd)), c))
                    return
        # assignment / compound assignment to a scalar lvalue
        lvs = self.lvalues()
        if not lvs:
            c, _ = self.call()
            self.emit("await(%s);" % c)
            return
        lv, t, base = self.pick(lvs)
        # The callee must not be given a pointer (its write would be
        # indeterminately sequenced with the lvalue's evaluation).
        c, rt = self.call("value", allow_ptr=False)
        if rt in ("double", "float"):
            o = ops(t) if is_float(t) else ""
            plain_ok = TYPES[t][1]
        else:
            o = ops(t)
            plain_ok = True
        if o and (not plain_ok or self.chance(0.6)):
            self.emit("%s %s= await(%s);" % (lv, self.pick(o), c))
        elif plain_ok:
            self.emit("%s = await(%s);" % (lv, c))
        else:
            self.emit("(void)await(%s);" % c)

    def stmt_decl_await(self):
        name = self.new_name()
        t = self.scalar_type()
        c, rt = self.call("value", exclude=(name,))
        if rt in ("double", "float") and not TYPES[t][1]:
            t = "double"
        self.emit("%s %s = await(%s);" % (t, name, c))
        self.declare(Var(name, "scalar", t))

    def stmt_return(self):
        f = self.cur
        vis = self.visible()
        for v in self.r.sample(vis, min(2, len(vis))):
            for l in self.mix_lines(v)[:2]:
                self.emit(l)
        if f.ret == "void":
            self.emit("return;")
            return
        if self.chance(0.5):
            want = f.ret if isinstance(f.ret, StructDef) else "value"
            c, rt = self.call(want)
            if c:
                self.emit("return await(%s);" % c)
                return
        self.emit("return %s;" % self.ret_value())

    def ret_value(self):
        f = self.cur
        if isinstance(f.ret, StructDef):
            c = self.struct_lvalues(f.ret, readonly_ok=True)
            if c and self.chance(0.6):
                return self.pick(c)
            return self.struct_init(f.ret, compound=True)
        ue = "(%s) & %s" % (self.uexpr(), self.pick(MASKS))
        if f.ret == "short":
            ue = "(%s) & 0x7fffu" % ue
        if is_float(f.ret):
            return "(%s)((%s) %% 1000u) * 0.5" % (f.ret, ue)
        return "(%s)(%s)" % (f.ret, ue)

    def block(self, nstmts, pre=None):
        """Emits `{ ... }` with its own scope; pre: vars declared in it."""
        self.emit("{")
        self.indent += 1
        self.scopes.append(list(pre or []))
        self.stmts(nstmts)
        self.close_scope(len(pre or []))
        self.indent -= 1
        self.emit("}")

    def close_scope(self, skip=0):
        for v in self.scopes[-1][skip:]:
            for l in self.mix_lines(v):
                self.emit(l)
        self.scopes.pop()

    def single(self):
        """A single statement as an unbraced body (no declaration)."""
        self.indent += 1
        if self.chance(0.7):
            self.stmt_await(allow_decl=False)
        else:
            self.stmt_assign()
        self.indent -= 1

    def stmts(self, n):
        for _ in range(n):
            self.stmt()

    def stmt(self):
        self.budget -= 1
        deep = self.depth >= 3 or self.budget <= 0
        w = [
            ("decl", 5), ("assign", 3), ("await", 9), ("mix", 1),
            ("trace", 1 if self.ntrace < 6 else 0),
            ("if", 0 if deep else 3), ("loop", 0 if deep or
                                       self.loops >= 2 else 3),
            ("switch", 0 if deep else 1.5), ("block", 0 if deep else 1.5),
            ("goto", 0 if deep else 1), ("bgoto", 0 if deep or
                                         self.loops >= 1 else 0.7),
            ("jumpin", 0 if deep else 0.8),
            ("brk", 1 if self.loop_ctx else 0), ("ret", 0.5),
            ("fwd", 1 if self.fwd_labels else 0),
        ]
        tot = sum(x for _, x in w)
        p = self.r.random() * tot
        for kind, x in w:
            p -= x
            if p < 0:
                break
        getattr(self, "s_" + kind)()

    def s_decl(self):
        self.stmt_decl()

    def s_assign(self):
        self.stmt_assign()

    def s_await(self):
        self.stmt_await()

    def s_mix(self):
        self.stmt_mix()

    def s_trace(self):
        self.ntrace += 1
        self.stmt_trace()

    def nested(self, fn):
        self.depth += 1
        fn()
        self.depth -= 1

    def s_if(self):
        self.emit("if (%s)" % self.cond())
        if self.chance(0.25):
            self.single()
        else:
            self.nested(lambda: self.block(self.r.randrange(1, 4)))
        if self.chance(0.5):
            if self.chance(0.3):
                self.emit("else if (%s)" % self.cond())
                self.nested(lambda: self.block(self.r.randrange(1, 3)))
            self.emit("else")
            if self.chance(0.25):
                self.single()
            else:
                self.nested(lambda: self.block(self.r.randrange(1, 4)))

    def s_block(self):
        self.nested(lambda: self.block(self.r.randrange(1, 5)))

    def loop_body(self, counter, allow_single=False):
        self.loops += 1
        self.loop_ctx.append("loop")
        self.scopes.append(counter)
        if allow_single and self.chance(0.3):
            self.single()
        else:
            self.nested(lambda: self.block(self.r.randrange(1, 5)))
        self.scopes.pop()
        self.loop_ctx.pop()
        self.loops -= 1

    def loop_inline(self, counter):
        """Statements of a loop body already opened by the caller."""
        self.scopes.append([counter])
        self.loops += 1
        self.loop_ctx.append("loop")
        self.depth += 1
        self.stmts(self.r.randrange(1, 4))
        self.depth -= 1
        self.loop_ctx.pop()
        self.loops -= 1
        self.close_scope(1)

    def s_loop(self):
        k = self.r.randrange(5)
        n = self.r.randrange(1, 4)
        i = self.fresh("i")
        self.reserved.add(i)
        cv = Var(i, "scalar", "unsigned", readonly=True)
        if k == 0:
            # bounds and steps that read variables only there
            bound = "%du" % n if self.chance(0.5) else \
                "(%s) %% %du" % (self.uexpr(2), n + 1)
            step = "%s++" % i if self.chance(0.6) else \
                "%s += 1u + (%s) %% 2u" % (i, self.uexpr(2))
            extra = "" if self.chance(0.7) else \
                " && (%s) != %du" % (self.uexpr(2), self.r.randrange(20))
            self.emit("for (unsigned %s = 0; %s < %s%s; %s)" % (
                i, i, bound, extra, step))
            self.loop_body([cv], allow_single=True)
        elif k == 1:
            c, rt = self.call("value")
            bound = self.r.randrange(2, 6)
            self.emit("for (int %s = await(%s); %s < %d; %s++)"
                      % (i, c, i, bound, i))
            self.loop_body([Var(i, "scalar", "int", readonly=True)],
                           allow_single=True)
        elif k == 2:
            self.emit("{")
            self.indent += 1
            self.emit("unsigned %s = 0;" % i)
            extra = "" if self.chance(0.6) else \
                " && (%s) %% 7u != 3u" % self.uexpr(2)
            self.emit("while (%s < %du%s) {" % (i, n, extra))
            self.indent += 1
            self.emit("%s++;" % i)
            self.loop_inline(cv)
            self.indent -= 1
            self.emit("}")
            self.indent -= 1
            self.emit("}")
        elif k == 3:
            self.emit("{")
            self.indent += 1
            self.emit("unsigned %s = 0;" % i)
            self.emit("do")
            self.loop_body([cv])
            extra = "" if self.chance(0.6) else \
                " && (%s) %% 5u != 0u" % self.uexpr(2)
            self.emit("while (++%s < %du%s);" % (i, n, extra))
            self.indent -= 1
            self.emit("}")
        else:
            self.emit("{")
            self.indent += 1
            self.emit("unsigned %s = 0;" % i)
            self.emit("for (;;) {")
            self.indent += 1
            self.emit("if (%s++ >= %du)" % (i, n))
            self.emit("  break;")
            self.loop_inline(cv)
            self.indent -= 1
            self.emit("}")
            self.indent -= 1
            self.emit("}")

    def s_brk(self):
        kind = self.loop_ctx[-1]
        if kind == "switch" and "loop" in self.loop_ctx and self.chance(0.5):
            word = "continue"   # continues the enclosing loop
        elif kind == "switch":
            word = "break"
        else:
            word = self.pick(["break", "continue"])
        self.emit("if (%s)" % self.cond())
        self.emit("  %s;" % word)

    def s_ret(self):
        self.emit("if (%s) {" % self.cond())
        self.indent += 1
        self.stmt_return()
        self.indent -= 1
        self.emit("}")

    def s_switch(self):
        n = self.r.randrange(2, 5)
        self.emit("switch ((%s) %% %du) {" % (self.uexpr(1), n + 1))
        self.loop_ctx.append("switch")
        self.depth += 1
        cases = list(range(n))
        if self.chance(0.7):
            cases.insert(self.r.randrange(len(cases) + 1), "default")
        for c in cases:
            self.emit("case %d:" % c if c != "default" else "default:")
            self.indent += 1
            if self.chance(0.3):
                self.stmt_await(allow_decl=False)
            else:
                self.block(self.r.randrange(1, 3))
            if self.chance(0.6):
                self.emit("break;")
            self.indent -= 1
        self.depth -= 1
        self.loop_ctx.pop()
        self.emit("}")

    def s_goto(self):
        """Forward goto region: gotos from inside nested code to a label at
        its end; the region's own declarations are inside a block."""
        lab = "L%d" % self.nid
        self.nid += 1
        self.emit("if (%s)" % self.cond())
        self.emit("  goto %s;" % lab)
        self.fwd_labels.append(lab)
        self.nested(lambda: self.block(self.r.randrange(1, 4)))
        self.fwd_labels.pop()
        if self.chance(0.5):
            self.emit("%s:" % lab)
            self.indent += 1
            self.stmt_await(allow_decl=False)
            self.indent -= 1
        else:
            self.emit("%s:;" % lab)

    def s_jumpin(self):
        """A goto into a block, past declarations of scalars (kept across
        awaits) that are assigned again after the label."""
        lab = "L%d" % self.nid
        self.nid += 1
        self.emit("if (%s)" % self.cond())
        self.emit("  goto %s;" % lab)
        self.emit("{")
        self.indent += 1
        self.scopes.append([])
        self.depth += 1
        skipped = []
        for _ in range(self.r.randrange(1, 3)):
            name = self.new_name()
            t = self.pick(["int", "unsigned", "long", "double", "char"])
            init, _ = self.scalar_init(t, name, (name,))
            if init is None:
                init = self.convert(self.uexpr(exclude=(name,)), t)
            self.emit("%s %s = %s;" % (t, name, init))
            v = Var(name, "scalar", t)
            self.declare(v)
            skipped.append(v)
        if self.chance(0.6):
            self.block(self.r.randrange(1, 3))
        self.emit("%s:" % lab)
        names = tuple(v.name for v in skipped)
        for j, v in enumerate(skipped):
            if j == 0 and self.chance(0.5):
                c, rt = self.call("value", allow_ptr=False, exclude=names)
                if rt not in ("double", "float") or TYPES[v.ctype][1]:
                    self.emit("%s = await(%s);" % (v.name, c))
                    continue
            self.emit("%s = %s;" % (v.name, self.convert(
                self.uexpr(exclude=names), v.ctype)))
        self.stmts(self.r.randrange(1, 3))
        self.depth -= 1
        self.close_scope()
        self.indent -= 1
        self.emit("}")

    def s_fwd(self):
        lab = self.pick(self.fwd_labels)
        self.emit("if (%s)" % self.cond())
        self.emit("  goto %s;" % lab)

    def s_bgoto(self):
        lab = "L%d" % self.nid
        self.nid += 1
        g = self.fresh("g")
        self.reserved.add(g)
        self.emit("{")
        self.indent += 1
        self.emit("unsigned %s = 0;" % g)
        self.scopes.append([Var(g, "scalar", "unsigned", readonly=True)])
        self.emit("%s:;" % lab)
        self.loops += 1
        self.nested(lambda: self.block(self.r.randrange(1, 4)))
        self.loops -= 1
        self.emit("if (%s++ < %du)" % (g, self.r.randrange(1, 3)))
        self.emit("  goto %s;" % lab)
        self.emit("mix(%s);" % g)
        self.scopes.pop()
        self.indent -= 1
        self.emit("}")

    # --------------------------------------------------------- functions
    def tname(self, t):
        return t.tname if isinstance(t, StructDef) else t

    def signature(self, f):
        ps = []
        for p in f.params:
            q = "const " if p.readonly else ""
            if p.kind == "scalar":
                ps.append("%s%s %s" % (q, p.ctype, p.name))
            elif p.kind == "ptr":
                ps.append("%s *%s" % (p.ctype, p.name))
            else:
                ps.append("%s%s %s" % (q, p.struct.tname, p.name))
        return "%sasync %s %s(%s)" % (self.storage, self.tname(f.ret),
                                      f.name, ", ".join(ps) or "void")

    def gen_func(self, f):
        self.cur = f
        self.out = []
        self.indent = 1
        self.depth = 0
        self.loops = 0
        self.loop_ctx = []
        self.fwd_labels = []
        self.ntrace = 0
        self.reserved = set()
        self.budget = self.r.randrange(6, 22)
        self.scopes = [list(f.params), []]
        if self.chance(0.4):
            t = self.pick(["unsigned", "long", "int", "unsigned char"])
            n = "s%d" % f.idx
            self.emit("static %s %s = %du;" % (t, n, self.r.randrange(100)))
            self.declare(Var(n, "scalar", t))
        self.stmts(self.r.randrange(3, 8))
        for v in self.visible():
            for l in self.mix_lines(v):
                self.emit(l)
        if f.ret != "void":
            self.emit("return %s;" % self.ret_value())
        return [self.signature(f) + " {"] + self.out + ["}", ""]

    def generate(self):
        r = self.r
        inner = None
        for k in range(r.randrange(1, 3)):
            fields = [("m%d" % j, self.scalar_type())
                      for j in range(r.randrange(1, 4))]
            style = r.randrange(3)
            tname = ["struct S%d" % k, "S%d_t" % k, "A%d_t" % k][style]
            sd = StructDef("S%d" % k, tname, fields,
                           inner if inner and self.chance(0.5) else None)
            sd.style = style
            self.structs.append(sd)
            inner = sd
        nfun = r.randrange(3, 7)
        for i in range(nfun):
            params = []
            for j in range(r.randrange(0, 4)):
                kk = r.randrange(9)
                if kk == 0 and i > 0:
                    params.append(Var("p%d" % j, "ptr", self.pick(
                        ["unsigned", "unsigned", "int", "long", "double",
                         "char"]), param=True))
                elif kk == 1:
                    params.append(Var("p%d" % j, "struct",
                                      struct=self.pick(self.structs),
                                      param=True,
                                      readonly=self.chance(0.2)))
                else:
                    params.append(Var("p%d" % j, "scalar",
                                      self.scalar_type(), param=True,
                                      readonly=self.chance(0.15)))
            if i < nfun - 1:
                ret = self.pick(self.structs) if self.chance(0.15) else \
                    self.pick(RET_TYPES)
            else:
                ret = self.pick(["unsigned", "int", "long"])
            f = Func(i, ret, params)
            if i > 0:
                f.callees = sorted(set([i - 1] + [r.randrange(i) for _ in
                                                  range(r.randrange(0, 3))]))
            self.funcs.append(f)
        self.storage = "static " if self.chance(0.3) else ""
        protos = self.chance(0.4)

        K = r.randrange(1, 6)
        c1 = r.randrange(1, 1 << 31) | 1
        c2 = r.randrange(1 << 20)
        o = []
        o.append("/* cawait fuzz program, seed %d (test/fuzz/gen.py) */"
                 % self.seed)
        o.append("#include <cawait.h>")
        o.append("#include <stdio.h>")
        o.append("")
        o.append("typedef unsigned u32_t;")
        o.append("enum E { E0, E1, E2 = 7 };")
        for sd in self.structs:
            head = {0: "struct %s {", 1: "typedef struct %s {",
                    2: "typedef struct {"}[sd.style]
            o.append(head % sd.name if "%" in head else head)
            for fn, t in sd.fields:
                o.append("  %s %s;" % (t, fn))
            o.append("  unsigned arr[%d];" % sd.arr)
            if sd.inner:
                o.append("  %s in;" % sd.inner.tname)
            o.append("}%s;" % ("" if sd.style == 0 else " " + sd.tname))
        o.append("")
        o.append("static unsigned long ck = %du;" % r.randrange(1000))
        o.append("static void mix(unsigned long v) { ck = ck * 1000003u ^ v; }")
        o.append("static unsigned ntraces;")
        o.append("static void trace(const char *tag, unsigned long v) {")
        o.append("  if (++ntraces <= 40)")
        o.append('    printf("%s %lu ck=%lx\\n", tag, v, ck);')
        o.append("}")
        for k in range(3):
            o.append("static unsigned h%d(unsigned x) { return x * %du + %du; }"
                     % (k, r.randrange(1, 1 << 20) | 1, r.randrange(1000)))
        o.append("static unsigned rng_state = %du;" % r.randrange(1 << 30))
        o.append("static unsigned rng(void) {")
        o.append("  rng_state = rng_state * 1103515245u + 12345u;")
        o.append("  return (rng_state >> 16) & 0x7fff;")
        o.append("}")
        o.append("static unsigned long pendings;")
        o.append("")
        o.append("/* leaf: pending rng() %% %d times, then ready. */" % K)
        o.append("async unsigned leaf(unsigned x);")
        o.append("/* leafp: pending like leaf, bumping *p at every pending"
                 " poll. */")
        o.append("async void leafp(unsigned *p);")
        o.append("#ifdef CA_LOWERED")
        o.append("struct leaf__frame { unsigned x; unsigned left; };")
        o.append("static void leaf__init(struct leaf__frame *f, unsigned x) {")
        o.append("  f->x = x;")
        o.append("  f->left = rng() %% %du;" % K)
        o.append("}")
        o.append("static ca_poll leaf__poll(struct leaf__frame *f, "
                 "ca_context *cx, unsigned *out) {")
        o.append("  if (f->left) {")
        o.append("    f->left--;")
        o.append("    pendings++;")
        o.append("    ca_waker_wake(&cx->waker);")
        o.append("    return CA_PENDING;")
        o.append("  }")
        o.append("  mix(f->x);")
        o.append("  *out = (f->x * %du + %du) & 0xfffffu;" % (c1, c2))
        o.append("  return CA_READY;")
        o.append("}")
        o.append("static void leaf__drop(struct leaf__frame *f) { (void)f; }")
        o.append("struct leafp__frame { unsigned *p; unsigned left; };")
        o.append("static void leafp__init(struct leafp__frame *f, "
                 "unsigned *p) {")
        o.append("  f->p = p;")
        o.append("  f->left = rng() %% %du;" % K)
        o.append("}")
        o.append("static ca_poll leafp__poll(struct leafp__frame *f, "
                 "ca_context *cx, void *out) {")
        o.append("  (void)out;")
        o.append("  if (f->left) {")
        o.append("    f->left--;")
        o.append("    pendings++;")
        o.append("    *f->p += 1u;")
        o.append("    ca_waker_wake(&cx->waker);")
        o.append("    return CA_PENDING;")
        o.append("  }")
        o.append("  *f->p ^= 0x55u;")
        o.append("  return CA_READY;")
        o.append("}")
        o.append("static void leafp__drop(struct leafp__frame *f) "
                 "{ (void)f; }")
        o.append("#else")
        o.append("unsigned leaf(unsigned x) {")
        o.append("  pendings += rng() %% %du;" % K)
        o.append("  mix(x);")
        o.append("  return (x * %du + %du) & 0xfffffu;" % (c1, c2))
        o.append("}")
        o.append("void leafp(unsigned *p) {")
        o.append("  unsigned left = rng() %% %du;" % K)
        o.append("  pendings += left;")
        o.append("  *p += left;")
        o.append("  *p ^= 0x55u;")
        o.append("}")
        o.append("#endif")
        o.append("")
        bodies = [self.gen_func(f) for f in self.funcs]
        if protos:
            for f in self.funcs:
                o.append(self.signature(f) + ";")
            o.append("")
            order = list(range(len(self.funcs)))
            r.shuffle(order)
            for i in order:
                o.extend(bodies[i])
        else:
            for b in bodies:
                o.extend(b)
        # main
        top = self.funcs[-1]
        o.append("int main(void) {")
        self.cur = None
        self.scopes = [[]]
        cells = [p for p in top.params if p.kind == "ptr"]
        for p in cells:
            o.append("  %s cell_%s = %s;" % (p.ctype, p.name, self.convert(
                "%du" % self.r.randrange(1000), p.ctype)))
        for rep in range(self.r.randrange(1, 3)):
            args = []
            for p in top.params:
                if p.kind == "scalar":
                    args.append(self.convert("%du" % self.r.randrange(1000),
                                             p.ctype))
                elif p.kind == "struct":
                    args.append(self.struct_init(p.struct, compound=True))
                else:
                    args.append("&cell_" + p.name)
            o.append("  %s r%d = ca_block_on(%s(%s));"
                     % (top.ret, rep, top.name, ", ".join(args)))
            o.append('  printf("r%d=%%lu ck=%%lx\\n", (unsigned long)r%d, ck);'
                     % (rep, rep))
        for p in cells:
            o.append('  printf("cell=%%u\\n", %s);' % self.as_unsigned(
                "cell_" + p.name, p.ctype))
        o.append('  printf("ck=%lx pendings=%lu rng=%u\\n", ck, pendings, '
                 'rng());')
        o.append("  return (int)(ck & 63u);")
        o.append("}")
        return "\n".join(o) + "\n"


def generate(seed, avoid=()):
    return Gen(seed, avoid).generate()


if __name__ == "__main__":
    avoid = ()
    args = sys.argv[1:]
    if "--avoid" in args:
        i = args.index("--avoid")
        avoid = args[i + 1].split(",")
        del args[i:i + 2]
    sys.stdout.write(generate(int(args[0]) if args else 0, avoid))
