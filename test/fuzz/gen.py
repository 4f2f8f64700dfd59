#!/usr/bin/env python3
"""gen.py SEED [--batch K] [--avoid a,b]: prints a random, deterministic
async C program for the cawait differential fuzzer (run.py).

await(...) appears wherever C allows an expression: as a statement, in
initializers (also of later declarators that read earlier ones, in
initializer lists of arrays, structs and unions, in compound literals), on
the right of `=` / compound assignments, in return values, as operands of
arithmetic, comparison and bitwise operators, as arguments of ordinary
functions and of awaited calls (nested awaits), in `&&`, `||`, `?:` (also
with struct and void arms) and `,`, in if / while / do-while / for / switch
conditions and in all three `for` clauses (with continue / break in the
bodies), in GNU statement expressions and in assignment expressions; awaits
also sit in blocks, unbraced bodies, switch cases, after labels, inside
blocks entered by goto, and across gotos.

Everything is free of undefined and unspecified behaviour:
  * every non-void scalar async function returns a value in [0, 2^20);
  * arithmetic that mixes values is done in unsigned int (or in + / - on
    raw await results, which cannot overflow);
  * compound assignments with an await on the right use only operators that
    cannot overflow for the left side's type (TYPES);
  * floating values stay small (|d| < 2^40), so converting them to long is
    defined; a double result is only converted to types that hold it;
  * loops are bounded by read-only counters, array indices are in bounds,
    gotos never skip an initialisation whose variable is read later,
    pointers are never reassigned and never outlive their target;
  * inside one full expression, operands whose order C leaves open (those
    of + < & ..., function arguments, initializer lists) never conflict:
    an effect summary (Eff) per operand keeps at most one "impure" operand
    (one touching the global checksum, rng or stdout: an impure async
    callee, leaf, leafp, mix, note) and forbids reading or writing what an
    unsequenced operand writes (pointer arguments of awaited calls, counter
    increments, assignment expressions).  Any number of "pure" awaits (of
    leafq and of the pure async functions, whose only effect is a
    commutative `pendings +=`) may be unsequenced.  `&&`, `||`, `?:` and
    `,` are sequenced and carry side effects (a counter `lz` incremented in
    their right operands, mix calls) that prove their laziness.

The output depends on every value: a running checksum `ck` (mixed at the
end of every block with all of its variables, at returns and elsewhere;
pure functions fold theirs into a local `pk` that goes into their result),
a few traced intermediate values, main's ca_block_on results and the leaf
futures' pending counts.  The exit code is ck & 63.

--batch K: K programs (seeds SEED..SEED+K-1), every global name prefixed
with s<seed>_, in one file whose main runs each and prints its result.

--avoid NAME,...: stop generating constructs that trigger a known bug, so a
campaign finds the next one.  Names: param-addr (taking the address of a
parameter), expr (every await inside an expression, i.e. roughly the old
statement-position-only generator), and the single expression forms:
nested, operand, rawop, plaincall, andor, ternary, struct-ternary,
void-ternary, comma, member, compound, initlist, designated, stmtexpr,
assignexpr, cond, loopcond, switch, multidecl, union, pure; and workarounds
for known bugs: discard-paren (expression statements `c ? a : b;` whose
residual starts with an await result are written `(void)(...);`).
"""
import random
import re
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
          "unsigned char", "double", "short"]
RARE = [t for t in TYPES if t not in COMMON]
RET_TYPES = ["int", "unsigned", "long", "unsigned long", "double", "void",
             "void", "unsigned", "float", "u32_t", "short"]
MASKS = ["0x7u", "0x3u", "0xffu", "0xfffu", "0xfffffu"]
FLOAT_LITS = ["0.5", "0.1", "1e-3", "0x1.8p-3", "(3.0 / 7.0)", "2.5e0",
              "1.0f", ".25", "0.3L", "1.1f", "3.25", "1e1"]
NAMES = ["a", "b", "x", "y", "v", "w", "t", "n"]
PTRK = ("ptr", "pptr", "sptr", "parr")
# the union type every program defines; every member covers all 4 bytes,
# so reading any member after writing any other is defined
UNION = [("u", "unsigned", 0), ("b", "unsigned char", 4),
         ("h", "unsigned short", 2)]
IDENT = re.compile(r"[A-Za-z_]\w*")
AVOIDABLE = ("param-addr expr nested operand rawop plaincall andor ternary "
             "struct-ternary void-ternary comma member compound initlist "
             "designated stmtexpr assignexpr cond loopcond switch multidecl "
             "union pure discard-paren join select pointer").split()


def ops(t):
    return TYPES[t][0]


def is_float(t):
    return TYPES[t][2]


class Eff:
    """What evaluating an expression does, for the operands C leaves
    unsequenced: imp (touches ck / rng / stdout), w (names written), pw (a
    write that a pointer may alias), r (names read), pr (reads through a
    pointer)."""
    __slots__ = ("imp", "w", "pw", "r", "pr")

    def __init__(self, imp=False, w=(), pw=False, r=(), pr=False):
        self.imp = imp
        self.w = set(w)
        self.pw = pw
        self.r = set(r)
        self.pr = pr

    def __or__(self, o):
        return Eff(self.imp or o.imp, self.w | o.w, self.pw or o.pw,
                   self.r | o.r, self.pr or o.pr)

    def ok_with(self, o):
        """True when self and o may be unsequenced."""
        if self.imp and o.imp:
            return False
        if self.w & (o.r | o.w) or o.w & (self.r | self.w):
            return False
        if (self.pw and (o.pr or o.pw)) or (o.pw and self.pr):
            return False
        return True


class Var:
    def __init__(self, name, kind, ctype=None, length=0, length2=0,
                 struct=None, readonly=False, param=False):
        self.name = name
        self.kind = kind    # scalar array arr2 struct sarr ptr pptr sptr
        #                     parr fptr union
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
    def __init__(self, idx, ret, params, pure=False):
        self.idx = idx
        self.name = "f%d" % idx
        self.ret = ret          # scalar type, "void" or a StructDef
        self.params = params
        self.callees = []
        self.pure = pure        # no effect but pendings += (commutative)


class Gen:
    def __init__(self, seed, avoid=()):
        self.seed = seed
        self.avoid = set(avoid)
        bad = self.avoid - set(AVOIDABLE)
        if bad:
            raise SystemExit("gen.py: unknown --avoid name(s): %s (known: %s)"
                             % (",".join(sorted(bad)), " ".join(AVOIDABLE)))
        self.r = random.Random(seed)
        self.nid = 0
        self.structs = []
        self.funcs = []
        self.cur = None
        self.pure = False
        self.lz = None
        self.in_index = 0
        self.scopes = [[]]

    # ------------------------------------------------------------ helpers
    def fresh(self, prefix):
        self.nid += 1
        return "%s%d" % (prefix, self.nid)

    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(seq)

    def on(self, name):
        """Whether expression form `name` may be generated."""
        if name in self.avoid:
            return False
        return name == "param-addr" or name == "union" or \
            name == "pure" or "expr" not in self.avoid

    def scalar_type(self):
        return self.pick(RARE) if self.chance(0.25) else self.pick(COMMON)

    def sink(self, text):
        """A statement folding the unsigned value `text` into the checksum."""
        if self.pure:
            return "pk = pk * 1000003u ^ (%s);" % text
        return "mix(%s);" % text

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

    def union_leaves(self, base):
        out = []
        for m, t, n in UNION:
            if n == 0:
                out.append(("%s.%s" % (base, m), t))
            else:
                out += [("%s.%s[%d]" % (base, m, k), t) for k in range(n)]
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
            if not self.in_index and self.chance(0.3):
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
        if v.kind == "union":
            out = self.union_leaves(v.name)
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
                ["int", "long double", "union U"] +
                [s.tname for s in self.structs])
        if k == 4:
            return "4294967295u"
        if k == 5:
            return "%dul" % n
        if k == 6:
            return "(unsigned)E%d" % self.r.randrange(3)
        return "%du" % n

    def uexpr(self, depth=0, exclude=(), mix=False):
        """An unsigned expression over visible values, UB-free, without
        side effects unless mix (then it may call mix())."""
        if depth > 2 or self.chance(0.3):
            rd = self.readables(exclude)
            if rd and self.chance(0.8):
                return self.as_unsigned(*self.pick(rd))
            return self.literal()
        a = self.uexpr(depth + 1, exclude, mix)
        k = self.r.randrange(12)
        if k == 0:
            return "(%s >> %du)" % (a, self.r.randrange(1, 20))
        if k == 1:
            return "(%s %% %du)" % (a, self.r.randrange(1, 50))
        if k == 2:
            return "(%s * %du)" % (a, self.r.randrange(1, 100))
        if k == 3:
            return "h%d(%s)" % (self.r.randrange(3), a)
        # the operands of + - * ^ & | are unsequenced: at most one of them
        # may call mix() (the arms of ?: and the right of , are sequenced)
        b = self.uexpr(depth + 1, exclude,
                       mix and (k in (4, 5) or "mix(" not in a))
        if k == 4:
            return "((%s & 1u) ? %s : %s)" % (a, b, self.uexpr(
                depth + 1, exclude, mix))
        if k == 5:
            if mix and not self.pure:
                return "(mix(%s), %s)" % (a, b)
            return "(h%d(%s) ^ %s)" % (self.r.randrange(3), a, b)
        op = self.pick(["+", "-", "*", "^", "&", "|"])
        return "(%s %s %s)" % (a, op, b)

    def index_expr(self, n, exclude=()):
        # (no computed index inside a computed index: readables() expands
        # every visible array, which would recurse without bound)
        self.in_index += 1
        x = self.uexpr(2, exclude)
        self.in_index -= 1
        return "%s %% %du" % (x, n)

    def convert(self, ue, t):
        """Converts an unsigned expression to type t (defined behaviour)."""
        if is_float(t):
            return "(%s)((double)(%s %% 1000u) * %s)" % (
                t, ue, self.pick(FLOAT_LITS))
        if t == "enum E":
            return "(enum E)(%s %% 5u)" % ue
        return "(%s)(%s)" % (t, ue)

    # ------------------------------------------------------ effect model
    def reads_of(self, text):
        """Eff of reading every visible variable named in text."""
        vis = {v.name: v for v in self.visible()}
        e = Eff()
        for m in IDENT.findall(text):
            v = vis.get(m)
            if v is not None:
                e.r.add(m)
                if v.kind in PTRK:
                    e.pr = True
        return e

    def excl(self, env, extra=()):
        """Names an operand unsequenced with env must not read."""
        ex = set(env.w) | set(extra)
        if env.pw:
            ex |= {v.name for v in self.visible() if v.kind in PTRK}
        return ex

    def pexpr(self, env, depth=1):
        """(text, eff): a side-effect-free unsigned expression that may be
        unsequenced with env."""
        t = self.uexpr(depth, self.excl(env))
        return t, self.reads_of(t)

    def lvalue_env(self, lv):
        """env for the right side of an assignment to lv: it must not
        write what the lvalue's evaluation reads, nor the lvalue."""
        e = self.reads_of(lv)
        return Eff(r=e.r, pr=e.pr)

    def ptr_target(self, t, env, deref_ok=False):
        """(lvalue, base name) whose address an awaited callee may write
        through while unsequenced with env, or (None, None)."""
        if env.pr or env.pw:
            return None, None
        bad = env.r | env.w
        c = [(lv, v.name) for lv, lt, v in self.lvalues(bad)
             if lt == t and "%" not in lv and "(" not in lv
             and not (v.param and "param-addr" in self.avoid)
             and not v.vol and (deref_ok or v.kind not in PTRK)]
        return self.pick(c) if c else (None, None)

    # ------------------------------------------------------------- calls
    def leaf_call(self, env, d):
        """leaf(...) (impure: rng and ck) or leafq(...) (pure)."""
        name = "leafq" if self.pure or env.imp or self.chance(0.35) \
            else "leaf"
        if d < 3 and self.on("nested") and self.chance(0.25):
            a, e = self.aexpr(env, d + 1)
        else:
            a, e = self.pexpr(env)
        return "%s(%s)" % (name, a), "unsigned", e | Eff(imp=name == "leaf")

    def acall(self, env=None, want="any", d=1, deref_ok=False):
        """(text, result type, eff) of an async call that may be evaluated
        unsequenced with env; want: "any", "value" (a scalar result) or a
        StructDef.  (None, None, None) when want is a struct nobody
        returns.  deref_ok: the call is the whole full expression, so
        pointer arguments may go through pointer variables."""
        env = env or Eff()
        f = self.cur
        opts = []
        for j in f.callees:
            g = self.funcs[j]
            if self.pure and not g.pure or env.imp and not g.pure:
                continue
            if want == "value" and (not isinstance(g.ret, str) or
                                    g.ret == "void"):
                continue
            if isinstance(want, StructDef) and g.ret is not want:
                continue
            opts.append(g)
        k = self.r.randrange(10)
        if not isinstance(want, StructDef):
            if want == "any" and k == 0:
                return "ca_yield()", "void", Eff()
            if want == "any" and k == 2 and not self.pure and not env.imp:
                lv, base = self.ptr_target("unsigned", env, deref_ok)
                if lv:
                    return "leafp(&%s)" % lv, "void", \
                        Eff(imp=True, w={base}, pw=True)
            if k == 1 or not opts:
                return self.leaf_call(env, d)
        elif not opts:
            return None, None, None
        g = self.pick(opts)
        # Through the function's async function pointer (a budget or a
        # box), sometimes boxed at the call.
        callee = g.name
        if self.on("pointer") and self.chance(0.25):
            callee = "p_" + g.name
        ce = Eff(imp=not g.pure)
        ae = Eff()
        args = []
        for p in g.params:
            ea = env | ae
            if p.kind == "scalar":
                if d < 3 and self.on("nested") and self.chance(0.3):
                    a, e = self.aexpr(ea, d + 1)
                else:
                    a, e = self.pexpr(ea)
                args.append(self.convert(a, p.ctype))
                ae = ae | e
            elif p.kind == "ptr":
                # written by the callee after all arguments: compatible
                # with env only
                lv, base = self.ptr_target(p.ctype, env, deref_ok)
                if lv is None:
                    if isinstance(want, StructDef):
                        return None, None, None
                    return self.leaf_call(env, d)
                args.append("&" + lv)
                ce = ce | Eff(w={base}, pw=True)
            elif p.kind == "struct":
                a, e = self.sexpr(p.struct, ea, d + 1)
                args.append(a)
                ae = ae | e
        text = "%s(%s)" % (callee, ", ".join(args))
        if callee != g.name and self.chance(0.3):
            text = "ca_boxed(%s)" % text
        return text, g.ret, ce | ae

    def call(self, want="any", allow_ptr=True, exclude=(), env=None,
             deref_ok=False):
        """(text, type) of an async call; exclude: names not to touch;
        allow_ptr=False: no pointer arguments."""
        env = (env or Eff()) | Eff(w=exclude, pr=not allow_ptr)
        c, rt, _ = self.acall(env, want, 1, deref_ok and allow_ptr)
        return c, rt

    def struct_value(self, sd, exclude=()):
        return self.sexpr(sd, Eff(w=exclude), 1)[0]

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
        return self.struct_init_e(sd, Eff(w=exclude), 2, compound)[0]

    def elem(self, env, t, d):
        """(text, eff): one initializer / operand converted to t."""
        if d < 3 and self.on("initlist") and self.chance(0.35):
            a, e = self.aexpr(env, d + 1)
        else:
            a, e = self.pexpr(env, 2)
        return self.convert(a, t), e

    def struct_init_e(self, sd, env, d, compound=False):
        """(text, eff): `{...}` (or a compound literal) for sd whose
        elements may await."""
        acc = Eff()
        parts = []
        desig = self.on("designated") and self.chance(0.2)
        for fn, t in sd.fields:
            if desig and self.chance(0.3):
                continue        # zero-initialized
            a, e = self.elem(env | acc, t, d)
            acc = acc | e
            parts.append(".%s = %s" % (fn, a) if desig else a)
        arr = []
        for _ in range(sd.arr):
            if self.chance(0.2):
                a, e = self.elem(env | acc, "unsigned", d + 1)
                acc = acc | e
                arr.append(a)
            else:
                arr.append("%du" % self.r.randrange(100))
        if desig and self.chance(0.5):
            k = self.r.randrange(sd.arr)
            parts.append(".arr = {[%d] = %s}" % (k, arr[k]))
        else:
            parts.append((".arr = {%s}" if desig else "{%s}") %
                         ", ".join(arr))
        if sd.inner:
            a, e = self.struct_init_e(sd.inner, env | acc, d + 1)
            acc = acc | e
            parts.append(".in = " + a if desig else a)
        body = "{%s}" % ", ".join(parts)
        if compound:
            return "(%s)%s" % (sd.tname, body), acc
        return body, acc

    # ------------------------------------------------ await expressions
    def aexpr(self, env=None, d=0):
        """(text, eff): an unsigned expression, usually holding awaits in
        any operand position, that may be unsequenced with env."""
        env = env or Eff()
        if "expr" in self.avoid or self.cur is None:
            return self.pexpr(env, 1)
        if d >= 3 or self.chance(0.2 + 0.2 * d):
            return self.aatom(env, d)
        w = [("op", 5 if self.on("operand") else 0),
             ("cmp", 2 if self.on("operand") else 0),
             ("un", 2),
             ("rawop", 1.5 if self.on("rawop") else 0),
             ("plain", 2 if self.on("plaincall") else 0),
             ("andor", 2 if self.on("andor") else 0),
             ("tern", 2 if self.on("ternary") else 0),
             ("comma", 2 if self.on("comma") else 0),
             ("member", 1.5 if self.on("member") else 0),
             ("clarr", 1 if self.on("compound") else 0),
             ("stmtexpr", 1 if self.on("stmtexpr") else 0),
             ("assign", 0.8 if self.on("assignexpr") else 0)]
        tot = sum(x for _, x in w)
        p = self.r.random() * tot
        for kind, x in w:
            p -= x
            if p < 0:
                break
        return getattr(self, "x_" + kind)(env, d)

    def aatom(self, env, d):
        if self.chance(0.55):
            c, rt, e = self.acall(env, "value", d + 1)
            return self.as_unsigned("await(%s)" % c, rt), e
        return self.pexpr(env, 2)

    def x_op(self, env, d):
        a, ea = self.aexpr(env, d + 1)
        b, eb = self.aexpr(env | ea, d + 1)
        op = self.pick(["+", "-", "*", "^", "&", "|"])
        return "(%s %s %s)" % (a, op, b), ea | eb

    def x_cmp(self, env, d):
        a, ea = self.aexpr(env, d + 1)
        b, eb = self.aexpr(env | ea, d + 1)
        op = self.pick(["<", "<=", ">", ">=", "==", "!="])
        return "(unsigned)(%s %s %s)" % (a, op, b), ea | eb

    def x_un(self, env, d):
        a, e = self.aexpr(env, d + 1)
        k = self.r.randrange(6)
        if k == 0:
            return "(%s >> %du)" % (a, self.r.randrange(1, 20)), e
        if k == 1:
            return "(%s %% %du)" % (a, self.r.randrange(1, 50)), e
        if k == 2:
            return "(%s * %du)" % (a, self.r.randrange(1, 100)), e
        if k == 3:
            return "(~%s)" % a, e
        if k == 4:
            return "(unsigned)!(%s)" % a, e
        return "(-%s)" % a, e

    def x_rawop(self, env, d):
        """Raw await results of mixed types under + or - (cannot overflow:
        all are below 2^20) or a comparison."""
        c1, t1, e1 = self.acall(env, "value", d + 1)
        c2, t2, e2 = self.acall(env | e1, "value", d + 1)
        op = self.pick(["+", "-", "+", "<", "!="])
        return "(unsigned)(long)(await(%s) %s await(%s))" % (c1, op, c2), \
            e1 | e2

    def x_plain(self, env, d):
        k = self.r.randrange(5)
        if k == 0 and not env.imp and not self.pure:
            a, e = self.aexpr(env, d + 1)
            return "note(%s)" % a, e | Eff(imp=True)
        if k == 1:
            a, e1 = self.aexpr(env, d + 1)
            b, e2 = self.aexpr(env | e1, d + 1)
            c, e3 = self.aexpr(env | e1 | e2, d + 1)
            return "mul3(%s, %s, %s)" % (a, b, c), e1 | e2 | e3
        if k == 2:
            fps = [v for v in self.visible()
                   if v.kind == "fptr" and v.name not in self.excl(env)]
            if fps:
                fp = self.pick(fps).name
                a, e = self.aexpr(env, d + 1)
                return "%s(%s)" % (fp, a), e | Eff(r={fp})
        a, e = self.aexpr(env, d + 1)
        return "h%d(%s)" % (self.r.randrange(3), a), e

    def probe(self, env):
        """(text, eff) of a side effect for the lazy operand of && || ?: ,
        or (None, None)."""
        if self.lz and self.lz not in env.r | env.w and self.chance(0.7):
            return self.pick(["%s++", "%s += 2u", "++%s"]) % self.lz, \
                Eff(w={self.lz}, r={self.lz})
        if not env.imp and not self.pure:
            return "mix(%du)" % self.r.randrange(100), Eff(imp=True)
        return None, None

    def acond(self, env=None, d=1):
        """(text, eff): an int condition, possibly with awaits."""
        env = env or Eff()
        k = self.r.randrange(7)
        if k == 0 and d < 3 and self.on("andor"):
            c1, e1 = self.acond(env, d + 1)
            c2, e2 = self.acond(env, d + 1)
            pr, pe = self.probe(env)
            if pr and self.chance(0.7):
                c2 = "(%s, %s)" % (pr, c2)
                e2 = e2 | pe
            return "(%s %s %s)" % (c1, self.pick(["&&", "||"]), c2), e1 | e2
        a, e = self.aexpr(env, d + 1)
        if k == 1:
            return "(%s) & 1u" % a, e
        if k == 2 and self.on("operand"):
            b, eb = self.aexpr(env | e, d + 1)
            return "%s < %s" % (a, b), e | eb
        if k == 3:
            return "!(%s)" % a, e
        if k == 4:
            return "(%s) %% %du == 0u" % (a, self.r.randrange(2, 5)), e
        return "(%s) %% 3u != 1u" % a, e

    def x_andor(self, env, d):
        c1, e1 = self.acond(env, d + 1)
        c2, e2 = self.acond(env, d + 1)
        pr, pe = self.probe(env)
        if pr:
            c2 = "(%s, %s)" % (pr, c2)
            e2 = e2 | pe
        return "(unsigned)(%s %s %s)" % (c1, self.pick(["&&", "||"]), c2), \
            e1 | e2

    def x_tern(self, env, d):
        c, ec = self.acond(env, d + 1)
        if self.chance(0.3):
            # arms of different arithmetic types
            a, ta, ea = self.acall(env, "value", d + 1)
            b, tb, eb = self.acall(env, "value", d + 1)
            return "(unsigned)(long)((%s) ? await(%s) : await(%s))" % (
                c, a, b), ec | ea | eb
        a, ea = self.aexpr(env, d + 1)
        b, eb = self.aexpr(env, d + 1)
        pr, pe = self.probe(env)
        if pr and self.chance(0.4):
            a = "(%s, %s)" % (pr, a)
            ea = ea | pe
        return "((%s) ? %s : %s)" % (c, a, b), ec | ea | eb

    def x_comma(self, env, d):
        k = self.r.randrange(4)
        left, el = None, None
        if k == 0:
            left, el = self.probe(env)
        elif k == 1:
            left, el = self.vexpr(env, d + 1)
        if left is None:
            a, el = self.aexpr(env, d + 1)
            left = "(void)(%s)" % a
        # the right operand runs after the left: it may read what the left
        # wrote (a pointer argument of an awaited call, a counter)
        b, eb = self.aexpr(env, d + 1)
        return "(%s, %s)" % (left, b), el | eb

    def x_member(self, env, d):
        sd = self.pick(self.structs)
        s, e = self.sexpr(sd, env, d + 1)
        lv, t = self.pick(self.struct_leaves(sd, "(%s)" % s))
        return self.as_unsigned(lv, t), e

    def x_clarr(self, env, d):
        n = self.r.randrange(2, 4)
        acc = Eff()
        xs = []
        for _ in range(n):
            a, e = self.aexpr(env | acc, d + 1)
            acc = acc | e
            xs.append(a)
        if self.chance(0.5):
            idx = "%d" % self.r.randrange(n)
        else:
            i, e = self.pexpr(env | acc, 2)
            acc = acc | e
            idx = "(%s) %% %du" % (i, n)
        return "((unsigned[%d]){%s})[%s]" % (n, ", ".join(xs), idx), acc

    def x_assign(self, env, d):
        c = [v for v in self.visible() if v.kind == "scalar" and
             not v.readonly and not v.vol and v.name not in env.r | env.w]
        if not c or env.pr or env.pw:
            return self.aatom(env, d)
        v = self.pick(c)
        a, e = self.aexpr(env | Eff(r={v.name}), d + 1)
        return self.as_unsigned("(%s = %s)" % (v.name, self.convert(
            a, v.ctype)), v.ctype), e | Eff(w={v.name}, pw=True)

    def x_stmtexpr(self, env, d):
        """({ unsigned q = A; <statement with awaits>; q ^ B; })"""
        q = self.fresh("q")
        a, acc = self.aexpr(env, d + 1)
        qv = Var(q, "scalar", "unsigned")
        self.scopes.append([qv])
        parts = ["unsigned %s = %s;" % (q, a)]
        k = self.r.randrange(5)
        if k == 0:
            c, e1 = self.acond(env, d + 1)
            b, e2 = self.aexpr(env | Eff(r={q}), d + 1)
            parts.append("if (%s) %s += %s;" % (c, q, b))
            acc = acc | e1 | e2
        elif k == 1 and self.on("loopcond"):
            j = self.fresh("j")
            self.scopes.append([Var(j, "scalar", "unsigned", readonly=True)])
            c, e1 = self.acond(env, d + 2)
            b, e2 = self.aexpr(env | Eff(r={q}), d + 1)
            self.scopes.pop()
            body = "%s = %s * 3u + %s;" % (q, q, b)
            if self.chance(0.5):
                body = "if (%s) %s; %s" % (c, self.pick(
                    ["continue", "break"]), body)
                acc = acc | e1
            parts.append("for (unsigned %s = 0; %s < %du; %s++) { %s }" % (
                j, j, self.r.randrange(1, 4), j, body))
            acc = acc | e2
        elif k == 2:
            b, e2 = self.aexpr(env | Eff(r={q}), d + 1)
            parts.append("%s ^= %s;" % (q, b))
            acc = acc | e2
        elif k == 3:
            v, e2 = self.vexpr(env, d + 1)
            parts.append("%s;" % v)
            acc = acc | e2
        # (the result reads q: B must not write it through a pointer)
        b, e3 = self.aexpr(env | Eff(r={q}), d + 1)
        self.scopes.pop()
        parts.append("%s ^ %s;" % (q, b))
        return "({ %s })" % " ".join(parts), acc | e3

    def vexpr(self, env=None, d=1):
        """(text, eff): a void expression with awaits."""
        env = env or Eff()
        k = self.r.randrange(6)
        if k == 0 and d < 3 and self.on("void-ternary"):
            c, ec = self.acond(env, d + 1)
            a, ea = self.vexpr(env, d + 1)
            b, eb = self.vexpr(env, d + 1)
            if self.chance(0.3):
                b = "(void)0"
                eb = Eff()
            return "((%s) ? %s : %s)" % (c, a, b), ec | ea | eb
        if k == 1:
            if self.pure:
                if "pk" not in env.r | env.w:
                    a, e = self.aexpr(env | Eff(r={"pk"}), d + 1)
                    return "(void)(pk = pk * 1000003u ^ (%s))" % a, \
                        e | Eff(w={"pk"}, r={"pk"})
            elif not env.imp:
                a, e = self.aexpr(env, d + 1)
                return "mix(%s)" % a, e | Eff(imp=True)
        if k == 2:
            a, e = self.aexpr(env, d + 1)
            return "(void)(%s)" % a, e
        if k == 3 and not self.pure and not env.imp:
            # a pointer to a local written while the caller is suspended
            lv, base = self.ptr_target("unsigned", env)
            if lv:
                return "await(leafp(&%s))" % lv, \
                    Eff(imp=True, w={base}, pw=True)
        c, rt, e = self.acall(env, "any", d + 1)
        if c is None:
            return "(void)0", Eff()
        return ("await(%s)" if rt == "void" else "(void)await(%s)") % c, e

    def sexpr(self, sd, env=None, d=1):
        """(text, eff): an expression of struct type sd."""
        env = env or Eff()
        k = self.r.randrange(8)
        if k <= 1 and d < 3 and self.on("struct-ternary"):
            c, ec = self.acond(env, d + 1)
            a, ea = self.sexpr(sd, env, d + 1)
            b, eb = self.sexpr(sd, env, d + 1)
            return "((%s) ? %s : %s)" % (c, a, b), ec | ea | eb
        if k == 2 and "nested" not in self.avoid:
            c, rt, e = self.acall(env, sd, d + 1)
            if c:
                return "await(%s)" % c, e
        if k == 3 and d < 3 and self.on("stmtexpr"):
            q = self.fresh("q")
            a, e1 = self.sexpr(sd, env, d + 1)
            self.scopes.append([Var(q, "struct", struct=sd)])
            lv, t = self.pick(self.struct_leaves(sd, q))
            b, e2 = self.aexpr(env | Eff(r={q}), d + 1)
            self.scopes.pop()
            return "({ %s %s = %s; %s = %s; %s; })" % (
                sd.tname, q, a, lv, self.convert(b, t), q), e1 | e2
        if k <= 5 or "expr" in self.avoid:
            cands = self.struct_lvalues(sd, self.excl(env), readonly_ok=True)
            if cands:
                s = self.pick(cands)
                return s, self.reads_of(s)
        if self.on("compound"):
            return self.struct_init_e(sd, env, d, compound=True)
        return self.struct_init_e(sd, env, 3, compound=True)

    # -------------------------------------------------------- statements
    def emit(self, line):
        self.out.append("  " * self.indent + line)

    def mix_lines(self, v):
        return [self.sink(self.as_unsigned(lv, t))
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

    def xexpr(self, env=None, p=0.5):
        """An unsigned expression: with probability p one with awaits
        anywhere (aexpr), otherwise a plain one."""
        env = env or Eff()
        if self.chance(p):
            return self.aexpr(env)[0]
        return self.pexpr(env, 0)[0]

    def scalar_init(self, t, name, exclude):
        """`= init` text for a new scalar of type t (await or not)."""
        if self.chance(0.45):
            c, rt = self.call("value", exclude=exclude, deref_ok=True)
            if (rt == "double" or rt == "float") and not TYPES[t][1]:
                return None, None
            return "await(%s)" % c, rt
        return self.convert(self.xexpr(Eff(w=exclude)), t), t

    def stmt_decl(self):
        name = self.new_name()
        k = self.r.randrange(25)
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
        elif k < 9:
            self.stmt_multidecl(name)
        elif k < 10:
            # declared without an initializer, assigned right after
            t = self.pick(["int", "unsigned", "long", "unsigned char",
                           "double", "short"])
            self.emit("%s %s;" % (t, name))
            c, rt = self.call("value", exclude=(name,))
            if rt in ("double", "float") and not TYPES[t][1]:
                c = "leafq(%s)" % self.uexpr(1, (name,))
            if self.chance(0.5):
                # (name is declared already: it shadows outer names)
                self.emit("if (%s)" % self.cond((name,)))
                self.emit("  %s = await(%s);" % (name, c))
                self.emit("else")
                self.emit("  %s = %s;" % (name, self.convert(
                    self.xexpr(Eff(w={name})), t)))
            else:
                self.emit("%s = await(%s);" % (name, c))
            self.declare(Var(name, "scalar", t))
        elif k < 12:
            t = self.scalar_type()
            if t == "char" and self.chance(0.4):
                s = "".join(self.pick(["a", "\\n", "\\\"", "\\\\", "z",
                                       "\\001", "%", "?"])
                            for _ in range(self.r.randrange(0, 6)))
                self.emit('char %s[8] = "%s";' % (name, s))
                self.declare(Var(name, "array", "char", length=8))
                return
            n = self.r.randrange(2, 6)
            if self.chance(0.1) and not self.pure:
                # (static state would make a pure function impure)
                init = ", ".join("%d" % self.r.randrange(50)
                                 for _ in range(n))
                self.emit("static %s %s[%d] = {%s};" % (t, name, n, init))
            else:
                acc = Eff(w={name})
                xs = []
                for _ in range(n):
                    a, e = self.elem(acc, t, 1)
                    acc = acc | e
                    xs.append(a)
                self.emit("%s %s[%d] = {%s};" % (t, name, n, ", ".join(xs)))
            self.declare(Var(name, "array", t, length=n))
        elif k < 13:
            t = self.scalar_type()
            n, m = self.r.randrange(1, 3), self.r.randrange(2, 4)
            acc = Eff(w={name})
            rows = []
            for _ in range(n):
                xs = []
                for _ in range(m):
                    a, e = self.elem(acc, t, 2)
                    acc = acc | e
                    xs.append(a)
                rows.append("{%s}" % ", ".join(xs))
            self.emit("%s %s[%d][%d] = {%s};" % (t, name, n, m,
                                                 ", ".join(rows)))
            self.declare(Var(name, "arr2", t, length=n, length2=m))
        elif k < 16:
            sd = self.pick(self.structs)
            if self.chance(0.3):
                c, _ = self.call(sd, exclude=(name,), deref_ok=True)
                if c:
                    self.emit("%s %s = await(%s);" % (sd.tname, name, c))
                    self.declare(Var(name, "struct", struct=sd))
                    return
            if self.chance(0.25):
                n = self.r.randrange(1, 3)
                acc = Eff(w={name})
                xs = []
                for _ in range(n):
                    a, e = self.struct_init_e(sd, acc, 1)
                    acc = acc | e
                    xs.append(a)
                self.emit("%s %s[%d] = {%s};" % (sd.tname, name, n,
                                                 ", ".join(xs)))
                self.declare(Var(name, "sarr", struct=sd, length=n))
                return
            if self.chance(0.4):
                init, _ = self.sexpr(sd, Eff(w={name}), 1)
            else:
                init, _ = self.struct_init_e(sd, Eff(w={name}), 1)
            self.emit("%s %s = %s;" % (sd.tname, name, init))
            self.declare(Var(name, "struct", struct=sd))
        elif k < 17 and self.on("union"):
            env = Eff(w={name})
            j = self.r.randrange(3)
            if j == 0:
                a, _ = self.elem(env, "unsigned", 1)
                init = "{%s}" % a
            elif j == 1:
                a, e = self.elem(env, "unsigned short", 1)
                b, _ = self.elem(env | e, "unsigned short", 1)
                init = "{.h = {%s, %s}}" % (a, b)
            else:
                acc = env
                xs = []
                for _ in range(4):
                    a, e = self.elem(acc, "unsigned char", 2)
                    acc = acc | e
                    xs.append(a)
                init = "{.b = {%s}}" % ", ".join(xs)
            self.emit("union U %s = %s;" % (name, init))
            self.declare(Var(name, "union"))
        elif k < 18:
            self.emit("unsigned (*%s)(unsigned) = h%d;" % (
                name, self.r.randrange(3)))
            self.declare(Var(name, "fptr"))
        else:
            self.stmt_pointer(name)

    def stmt_multidecl(self, name):
        """T a = i1, b = i2 (reading a), ...;  or  T a = i1, *p = &a, ..."""
        n2 = self.new_name((name,))
        t = self.pick(["int", "unsigned", "long", "double", "short",
                       "unsigned char", "unsigned long"])
        i1, _ = self.scalar_init(t, name, (name, n2))
        if i1 is None:
            t = "double"
            i1, _ = self.scalar_init(t, name, (name, n2))
        parts = ["%s = %s" % (name, i1)]
        self.declare(Var(name, "scalar", t))
        if self.chance(0.4):
            parts.append("*%s = &%s" % (n2, name))
            self.declare(Var(n2, "ptr", t))
        else:
            i2, _ = self.scalar_init(t, n2, (n2,))
            if i2 is None or (self.on("multidecl") and self.chance(0.6)):
                # a later declarator awaiting with the earlier one
                i2 = self.convert(self.aexpr(Eff(w={n2}))[0], t)
            parts.append("%s = %s" % (n2, i2))
            self.declare(Var(n2, "scalar", t))
        if self.on("multidecl") and self.chance(0.5):
            n3 = self.new_name((name, n2))
            if n3 not in (name, n2):
                i3 = self.convert(self.aexpr(Eff(w={n3}))[0], t)
                parts.append("%s = %s" % (n3, i3))
                self.declare(Var(n3, "scalar", t))
        self.emit("%s %s;" % (t, ", ".join(parts)))

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
        rhs = self.xexpr(self.lvalue_env(lv), 0.6)
        if t in ("unsigned", "unsigned long", "u32_t", "unsigned char",
                 "unsigned short", "unsigned long long") and self.chance(0.4):
            # (unsigned short * unsigned short is an int multiplication)
            o = "+^|-" if t == "unsigned short" else "+^|-*"
            self.emit("%s %s= (%s)(%s);" % (lv, self.pick(o), t, rhs))
        else:
            self.emit("%s = %s;" % (lv, self.convert(rhs, t)))

    def stmt_mix(self):
        if self.pure:
            self.emit(self.sink(self.xexpr(Eff(r={"pk"}), 0.6)))
        elif self.chance(0.5):
            self.emit("mix(%s);" % self.aexpr()[0])
        else:
            self.emit("mix(%s);" % self.uexpr(mix=True))

    def stmt_trace(self):
        if self.pure:
            return self.stmt_mix()
        self.emit('trace("%s.%d%s", %s);' % (
            self.cur.name, self.nid, self.pick(["", "\\t|", "\\\"q\\\"",
                                                "\\\\", " %d"]),
            self.xexpr(p=0.5)))
        self.nid += 1

    def stmt_xexpr(self):
        """Expression statements of void type, struct assignments."""
        k = self.r.randrange(4)
        if k == 0 and self.on("void-ternary"):
            c, ec = self.acond()
            a, ea = self.vexpr(Eff(), 2)
            b, eb = self.vexpr(Eff(), 2)
            self.emit(self.discard("(%s) ? %s : %s" % (c, a, b)))
            return
        if k == 1 and self.on("comma"):
            # the right side reads what the left one wrote
            a, ea = self.vexpr(Eff(), 1)
            b, eb = self.aexpr(Eff(r={"pk"}) if self.pure else Eff(), 1)
            if self.pure:
                self.emit("%s, pk = pk * 1000003u ^ (%s);" % (a, b))
            else:
                self.emit("%s, mix(%s);" % (a, b))
            return
        if k == 2:
            sds = [sd for sd in self.structs if self.struct_lvalues(sd)]
            if sds:
                sd = self.pick(sds)
                lv = self.pick(self.struct_lvalues(sd))
                s, _ = self.sexpr(sd, self.lvalue_env(lv), 1)
                self.emit("%s = %s;" % (lv, s))
                return
        a, _ = self.vexpr(Eff(), 1)
        self.emit(self.discard(a))

    def discard(self, e):
        """The expression statement `e;`."""
        if "discard-paren" in self.avoid:
            # known bug: a residual starting with an await result gets an
            # unparenthesized (void) cast
            return "(void)(%s);" % e
        return "%s;" % e

    def stmt_await(self, allow_decl=True):
        k = self.r.randrange(8)
        if k == 2 and not allow_decl:
            k = 0
        if k <= 1:
            c, _ = self.call(deref_ok=True)
            self.emit(("await(%s);" if k == 0 else "(void)await(%s);") % c)
            return
        if k == 2:
            return self.stmt_decl_await()
        if k == 3:
            sds = [sd for sd in self.structs
                   if self.struct_lvalues(sd)]
            if sds:
                sd = self.pick(sds)
                lv = self.pick(self.struct_lvalues(sd))
                c, _ = self.call(sd, env=self.lvalue_env(lv))
                if c:
                    self.emit("%s = await(%s);" % (lv, c))
                    return
        if k == 4 and "expr" not in self.avoid:
            return self.stmt_xexpr()
        if k == 5 and self.on("join") and self.chance(0.5):
            return self.stmt_join()
        if k == 5 and self.on("select") and self.chance(0.5):
            return self.stmt_select()
        # assignment / compound assignment to a scalar lvalue
        lvs = self.lvalues()
        if not lvs:
            c, _ = self.call(deref_ok=True)
            self.emit("await(%s);" % c)
            return
        lv, t, base = self.pick(lvs)
        # The callee's pointer arguments must not reach what the lvalue's
        # evaluation reads.
        c, rt = self.call("value", env=self.lvalue_env(lv))
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

    def branches(self, n):
        """n async calls that may run in any interleaving (a join's or a
        select's branches): pairwise compatible like unsequenced operands
        (so at most one impure), without awaits in their arguments.
        Returns [(call, result type)] and their combined effect."""
        acc = Eff()
        out = []
        saved = self.avoid
        self.avoid = set(saved) | {"nested", "expr"}
        try:
            for _ in range(n):
                c, rt, e = self.acall(acc, "any", 1)
                if c is None:
                    break
                out.append((c, rt))
                acc = acc | e
        finally:
            self.avoid = saved
        return out, acc

    def branch_target(self, rt, acc, used):
        """`lv = ` or `lv op= ` for a branch of result type rt, or "": an
        lvalue no branch reads or writes, and that reads nothing they
        write (it is assigned after every branch ran, with the plugin)."""
        if rt in (None, "void") or not isinstance(rt, str) or \
                rt not in TYPES and rt != "unsigned":
            return ""
        if acc.pr or acc.pw:
            # a target may be what a pointer reaches (like x_assign)
            return ""
        bad = acc.r | acc.w | used
        cands = []
        for lv, t, v in self.lvalues(bad):
            e = self.reads_of(lv)
            # through a pointer: it may reach anything a branch reads
            if e.r & acc.w or (e.pr and acc.pw) or (v.kind in PTRK and
                                                     (acc.pw or acc.r or
                                                      acc.pr)):
                continue
            cands.append((lv, t, v))
        if not cands:
            return ""
        lv, t, v = self.pick(cands)
        used.add(v.name)
        if rt in ("double", "float"):
            o = ops(t) if is_float(t) else ""
            plain_ok = TYPES[t][1]
        else:
            o = ops(t)
            plain_ok = True
        if o and (not plain_ok or self.chance(0.4)):
            return "%s %s= " % (lv, self.pick(o))
        if plain_ok:
            return "%s = " % lv
        return ""

    def stmt_join(self):
        bs, acc = self.branches(self.r.randrange(2, 6))
        if len(bs) < 2:
            return self.stmt_mix()
        used = set()
        parts = []
        for c, rt in bs:
            tgt = self.branch_target(rt, acc, used) if self.chance(0.7) \
                else ""
            parts.append(tgt + c)
        self.emit("await(ca_join(%s));" % ", ".join(parts))

    def stmt_select(self):
        """A select whose first branch never suspends: it wins at once,
        with and without the plugin, and the others never start."""
        bs, acc = self.branches(self.r.randrange(1, 4))
        first_arg, e = self.pexpr(acc)
        acc = acc | e
        used = set()
        first = self.branch_target("unsigned", acc, used) + \
            "leafn(%s)" % first_arg
        parts = [first] + [self.branch_target(rt, acc, used) + c
                           for c, rt in bs]
        lvs = [x for x in self.lvalues(acc.r | acc.w | used)
               if x[1] in ("int", "unsigned", "long")]
        text = "await(ca_select(%s))" % ", ".join(parts)
        if lvs and self.chance(0.5):
            lv, t, v = self.pick(lvs)
            self.emit("%s += %s;" % (lv, text))
        else:
            self.emit("mix(%s);" % text if not self.pure else
                      "(void)%s;" % text)

    def stmt_decl_await(self):
        name = self.new_name()
        t = self.scalar_type()
        c, rt = self.call("value", exclude=(name,), deref_ok=True)
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
        if self.chance(0.5) and not self.pure:
            want = f.ret if isinstance(f.ret, StructDef) else "value"
            c, rt = self.call(want, deref_ok=True)
            if c:
                self.emit("return await(%s);" % c)
                return
        self.emit("return %s;" % self.ret_value())

    def ret_value(self):
        f = self.cur
        if isinstance(f.ret, StructDef):
            c = self.struct_lvalues(f.ret, readonly_ok=True)
            if c and self.chance(0.4):
                return self.pick(c)
            return self.sexpr(f.ret, Eff(), 1)[0]
        if self.pure:
            if self.chance(0.4):
                c, rt = self.call("value", env=Eff(r={"pk"}))
                x = self.as_unsigned("await(%s)" % c, rt)
            else:
                x = self.xexpr(Eff(r={"pk"}))
            # the local checksum goes into the result
            ue = "((%s) ^ (unsigned)(pk >> %d)) & %s" % (
                x, self.r.randrange(0, 12), self.pick(MASKS))
        else:
            ue = "(%s) & %s" % (self.xexpr(p=0.4), self.pick(MASKS))
        if f.ret == "short":
            ue = "(%s) & 0x7fffu" % ue
        if is_float(f.ret):
            return "(%s)((%s) %% 1000u) * 0.5" % (f.ret, ue)
        return "(%s)(%s)" % (f.ret, ue)

    def cond(self, exclude=()):
        if "expr" not in self.avoid and self.on("cond") and \
                self.chance(0.4):
            return self.acond(Eff(w=exclude))[0]
        k = self.r.randrange(4)
        if k == 0:
            return "(%s) %% %du == 0u" % (self.uexpr(1, exclude),
                                          self.r.randrange(2, 5))
        if k == 1:
            return "(%s) & 1u" % self.uexpr(1, exclude)
        if k == 2:
            return "%s < %s" % (self.uexpr(2, exclude),
                                self.uexpr(2, exclude))
        return "(%s) %% 3u != 1u" % self.uexpr(1, exclude)

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

    def loop_body(self, counter, allow_single=False, pre=None):
        """pre: a statement emitted first in the (braced) body."""
        self.loops += 1
        self.loop_ctx.append("loop")
        self.scopes.append(counter)
        if allow_single and not pre and self.chance(0.3):
            self.single()
        else:
            def body():
                self.emit("{")
                self.indent += 1
                self.scopes.append([])
                if pre:
                    pre()
                self.stmts(self.r.randrange(1, 5))
                self.close_scope()
                self.indent -= 1
                self.emit("}")
            self.nested(body)
        self.scopes.pop()
        self.loop_ctx.pop()
        self.loops -= 1

    def loop_inline(self, counter, pre=None):
        """Statements of a loop body already opened by the caller."""
        self.scopes.append([counter])
        self.loops += 1
        self.loop_ctx.append("loop")
        self.depth += 1
        if pre:
            pre()
        self.stmts(self.r.randrange(1, 4))
        self.depth -= 1
        self.loop_ctx.pop()
        self.loops -= 1
        self.close_scope(1)

    def jump_first(self):
        """An early continue / break at the top of a loop body."""
        if self.chance(0.5):
            self.emit("if (%s)" % self.cond())
            self.emit("  %s;" % self.pick(["continue", "continue",
                                           "break"]))

    def s_loop(self):
        k = self.r.randrange(9 if self.on("loopcond") else 5)
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
            c, rt = self.call("value", deref_ok=True)
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
        elif k == 4:
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
        elif k == 5:
            # awaits in all three clauses; continue / break in the body
            self.scopes.append([cv])
            init = self.aexpr(Eff(w={i}))[0] if self.chance(0.7) else "0u"
            bound = self.aexpr()[0] if self.chance(0.7) else "0u"
            step = self.aexpr()[0] if self.chance(0.7) else "0u"
            self.scopes.pop()
            self.emit("for (unsigned %s = (%s) %% 2u; %s < %du + (%s) %% 2u;"
                      " %s += 1u + (%s) %% 2u)" % (i, init, i, n, bound, i,
                                                   step))
            self.loop_body([cv], pre=self.jump_first)
        elif k == 6:
            # while (cond with awaits), the counter bumped first in the body
            self.emit("{")
            self.indent += 1
            self.emit("unsigned %s = 0;" % i)
            self.scopes.append([cv])
            c = self.acond()[0]
            self.scopes.pop()
            if self.chance(0.5):
                self.emit("while (%s < %du && (%s)) {" % (i, n, c))
                self.indent += 1
                self.emit("%s++;" % i)
                self.loop_inline(cv, pre=self.jump_first)
            else:
                # the await runs again before the bound is checked
                self.emit("while ((%s) && %s++ < %du) {" % (c, i, n))
                self.indent += 1
                self.loop_inline(cv, pre=self.jump_first)
            self.indent -= 1
            self.emit("}")
            self.indent -= 1
            self.emit("}")
        elif k == 7:
            # do { ... continue ... } while (++i < n && cond with awaits)
            self.emit("{")
            self.indent += 1
            self.emit("unsigned %s = 0;" % i)
            self.emit("do")
            self.loop_body([cv], pre=self.jump_first)
            self.scopes.append([cv])
            c = self.acond()[0]
            self.scopes.pop()
            self.emit("while (++%s < %du && (%s));" % (i, n, c))
            self.indent -= 1
            self.emit("}")
        else:
            # the counter declared outside, assigned in the for's init
            self.emit("{")
            self.indent += 1
            self.emit("unsigned %s;" % i)
            init = self.aexpr(Eff(w={i}))[0]
            self.scopes.append([cv])
            c = self.acond()[0]
            self.scopes.pop()
            self.emit("for (%s = (%s) %% 2u; %s < %du && (%s); %s++)" % (
                i, init, i, n, c, i))
            self.loop_body([cv], pre=self.jump_first)
            self.emit(self.sink(i))
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
        if self.on("switch") and self.chance(0.6):
            x = self.aexpr()[0]
        else:
            x = self.uexpr(1)
        self.emit("switch ((%s) %% %du) {" % (x, n + 1))
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
                c, rt = self.call("value", exclude=names)
                if rt not in ("double", "float") or TYPES[v.ctype][1]:
                    self.emit("%s = await(%s);" % (v.name, c))
                    continue
            self.emit("%s = %s;" % (v.name, self.convert(
                self.xexpr(Eff(w=names)), v.ctype)))
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
        self.emit(self.sink(g))
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
        self.pure = f.pure
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
        self.lz = None
        if f.pure:
            self.emit("unsigned long pk = %du;" % self.r.randrange(1000))
        elif self.chance(0.4):
            t = self.pick(["unsigned", "long", "int", "unsigned char"])
            n = "s%d" % f.idx
            self.emit("static %s %s = %du;" % (t, n, self.r.randrange(100)))
            self.declare(Var(n, "scalar", t))
        if "expr" not in self.avoid and self.chance(0.7):
            # counts the lazy operands that ran
            self.lz = "lz"
            self.emit("unsigned lz = %du;" % self.r.randrange(10))
            self.declare(Var("lz", "scalar", "unsigned", readonly=True))
        self.stmts(self.r.randrange(3, 8))
        for v in self.visible():
            for l in self.mix_lines(v):
                self.emit(l)
        if f.ret != "void":
            self.emit("return %s;" % self.ret_value())
        self.pure = False
        self.lz = None
        return [self.signature(f) + " {"] + self.out + ["}", ""]

    def leaf_defs(self):
        """The hand-written leaf futures (frame ABI when lowered, plain
        functions otherwise)."""
        r = self.r
        K = r.randrange(1, 6)
        Q = r.randrange(2, 6)
        c1 = r.randrange(1, 1 << 31) | 1
        c2 = r.randrange(1 << 20)
        c3 = r.randrange(1, 1 << 31) | 1
        c4 = r.randrange(1 << 20)
        qh = "(x * 2654435761u >> %d) %% %du" % (r.randrange(20, 29), Q)
        return """/* leaf: pending rng() %% {K} times, then ready; mixes ck. */
async unsigned leaf(unsigned x);
/* leafp: pending like leaf, bumping *p at every pending poll. */
async void leafp(unsigned *p);
/* leafq: pure (no effect but pendings +=), pending a hash of x times. */
async unsigned leafq(unsigned x);
/* leafn: pure and never pending (a select's first branch always wins). */
async unsigned leafn(unsigned x);
#ifdef CA_LOWERED
#define UNUSED __attribute__((unused))
struct leaf__frame {{ unsigned x; unsigned left; }};
static UNUSED void leaf__init(struct leaf__frame *f, unsigned x) {{
  f->x = x;
  f->left = rng() % {K}u;
}}
static UNUSED ca_poll leaf__poll(struct leaf__frame *f, ca_context *cx, unsigned *out) {{
  if (f->left) {{
    f->left--;
    pendings++;
    ca_waker_wake(&cx->waker);
    return CA_PENDING;
  }}
  mix(f->x);
  *out = (f->x * {c1}u + {c2}u) & 0xfffffu;
  return CA_READY;
}}
static UNUSED void leaf__drop(struct leaf__frame *f) {{ (void)f; }}
struct leafp__frame {{ unsigned *p; unsigned left; }};
static UNUSED void leafp__init(struct leafp__frame *f, unsigned *p) {{
  f->p = p;
  f->left = rng() % {K}u;
}}
static UNUSED ca_poll leafp__poll(struct leafp__frame *f, ca_context *cx, void *out) {{
  (void)out;
  if (f->left) {{
    f->left--;
    pendings++;
    *f->p += 1u;
    ca_waker_wake(&cx->waker);
    return CA_PENDING;
  }}
  *f->p ^= 0x55u;
  return CA_READY;
}}
static UNUSED void leafp__drop(struct leafp__frame *f) {{ (void)f; }}
struct leafq__frame {{ unsigned x; unsigned left; }};
static UNUSED void leafq__init(struct leafq__frame *f, unsigned x) {{
  f->x = x;
  f->left = {qh};
}}
static UNUSED ca_poll leafq__poll(struct leafq__frame *f, ca_context *cx, unsigned *out) {{
  if (f->left) {{
    f->left--;
    pendings++;
    ca_waker_wake(&cx->waker);
    return CA_PENDING;
  }}
  *out = (f->x * {c3}u + {c4}u) & 0xfffffu;
  return CA_READY;
}}
static UNUSED void leafq__drop(struct leafq__frame *f) {{ (void)f; }}
struct leafn__frame {{ unsigned x; }};
static UNUSED void leafn__init(struct leafn__frame *f, unsigned x) {{ f->x = x; }}
static UNUSED ca_poll leafn__poll(struct leafn__frame *f, ca_context *cx, unsigned *out) {{
  (void)cx;
  *out = (f->x * {c3}u ^ {c2}u) & 0xfffffu;
  return CA_READY;
}}
static UNUSED void leafn__drop(struct leafn__frame *f) {{ (void)f; }}
#else
unsigned leaf(unsigned x) {{
  pendings += rng() % {K}u;
  mix(x);
  return (x * {c1}u + {c2}u) & 0xfffffu;
}}
void leafp(unsigned *p) {{
  unsigned left = rng() % {K}u;
  pendings += left;
  *p += left;
  *p ^= 0x55u;
}}
unsigned leafq(unsigned x) {{
  pendings += {qh};
  return (x * {c3}u + {c4}u) & 0xfffffu;
}}
unsigned leafn(unsigned x) {{ return (x * {c3}u ^ {c2}u) & 0xfffffu; }}
#endif
""".format(K=K, c1=c1, c2=c2, c3=c3, c4=c4, qh=qh).splitlines()

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
        nfun = r.randrange(3, 8)
        for i in range(nfun):
            pure = i < nfun - 1 and self.on("pure") and self.chance(0.4)
            params = []
            for j in range(r.randrange(0, 4)):
                kk = r.randrange(9)
                if kk == 0 and i > 0 and not pure:
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
            if pure:
                ret = self.pick([t for t in RET_TYPES if t != "void"])
            elif i < nfun - 1:
                ret = self.pick(self.structs) if self.chance(0.15) else \
                    self.pick(RET_TYPES)
            else:
                ret = self.pick(["unsigned", "int", "long"])
            f = Func(i, ret, params, pure)
            if i > 0:
                f.callees = sorted(set([i - 1] + [r.randrange(i) for _ in
                                                  range(r.randrange(0, 3))]))
                if pure:
                    # several levels of pure callees
                    ps = [j for j in range(i) if self.funcs[j].pure]
                    f.callees = sorted(set(j for j in f.callees
                                           if self.funcs[j].pure) |
                                       set(ps[-1:]))
            self.funcs.append(f)
        self.storage = "static " if self.chance(0.3) else ""
        protos = self.chance(0.4)

        o = []
        o.append("/* cawait fuzz program, seed %d (test/fuzz/gen.py) */"
                 % self.seed)
        o.append("#include <cawait.h>")
        o.append("#include <stdio.h>")
        o.append("")
        o.append("typedef unsigned u32_t;")
        o.append("enum E { E0, E1, E2 = 7 };")
        o.append("union U { %s };" % " ".join(
            "%s %s%s;" % (t, m, "[%d]" % n if n else "")
            for m, t, n in UNION))
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
        o.append("static unsigned mul3(unsigned a, unsigned b, unsigned c) "
                 "{ return a * %du + (b ^ c * %du); }"
                 % (r.randrange(1, 1 << 20) | 1, r.randrange(1, 1000)))
        o.append("static unsigned note(unsigned v) { mix(v); "
                 "return v * %du + 1u; }" % r.randrange(1, 100))
        o.append("static unsigned rng_state = %du;" % r.randrange(1 << 30))
        o.append("static unsigned rng(void) {")
        o.append("  rng_state = rng_state * 1103515245u + 12345u;")
        o.append("  return (rng_state >> 16) & 0x7fff;")
        o.append("}")
        o.append("static unsigned long pendings;")
        o.append("")
        o.extend(self.leaf_defs())
        o.append("")
        bodies = [self.gen_func(f) for f in self.funcs]
        if self.on("pointer"):
            # Every function also has an async function pointer: those that
            # await no other function of the program with a budget that
            # holds any of their frames, the others boxed.
            protos = True
            for f in self.funcs:
                sig = self.signature(f)
                ret_and_params = sig[len(self.storage + "async "):]
                kind = "async_boxed" if f.callees else "async_budget(4096)"
                o.append("typedef %s %s;" % (kind, ret_and_params.replace(
                    " %s(" % f.name, " %s_t(" % f.name, 1)))
        if protos:
            for f in self.funcs:
                o.append(self.signature(f) + ";")
            if self.on("pointer"):
                for f in self.funcs:
                    o.append("static %s_t *const p_%s __attribute__((unused)) = %s;"
                             % (f.name, f.name, f.name))
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

    def global_names(self):
        """Every file-scope name of the program (for batch prefixes)."""
        names = {"ck", "mix", "ntraces", "trace", "h0", "h1", "h2", "mul3",
                 "note", "rng_state", "rng", "pendings", "leaf", "leafp",
                 "leafq", "leafn", "E", "E0", "E1", "E2", "U", "main"}
        for f in self.funcs:
            names.add(f.name)
            names.add(f.name + "_t")
            names.add("p_" + f.name)
        for sd in self.structs:
            names.add(sd.name)
            names.add(sd.tname.split()[-1])
        return names


def generate(seed, avoid=()):
    return Gen(seed, avoid).generate()


def prefixed(seed, avoid=()):
    """Program `seed` with every file-scope name prefixed by s<seed>_ and
    its main renamed (static int s<seed>_main(void))."""
    g = Gen(seed, avoid)
    src = g.generate()
    names = g.global_names()
    pre = "s%d_" % seed

    def rename(m):
        tok = m.group(0)
        if tok in names or tok.split("__")[0] in names:
            return pre + tok
        return tok
    lines = []
    for line in src.splitlines():
        if line.startswith("#include"):
            continue
        if line == "int main(void) {":
            line = "static int main(void) {"
        lines.append(IDENT.sub(rename, line) if not line.startswith("#")
                     else line)
    return "\n".join(lines) + "\n"


def generate_batch(seeds, avoid=()):
    """One file holding the programs of seeds; main runs each in turn."""
    o = ["/* cawait fuzz batch: seeds %s (test/fuzz/gen.py --batch) */"
         % ",".join(map(str, seeds)),
         "#include <cawait.h>", "#include <stdio.h>", ""]
    for s in seeds:
        o.append(prefixed(s, avoid))
    o.append("int main(void) {")
    o.append("  unsigned x = 0;")
    o.append("  int r;")
    for s in seeds:
        o.append("  r = s%d_main();" % s)
        o.append('  printf("== seed %d exit %%d\\n", r);' % s)
        o.append("  fflush(stdout);")
        o.append("  x = x * 31u + (unsigned)r;")
    o.append("  return (int)(x & 63u);")
    o.append("}")
    return "\n".join(o) + "\n"


if __name__ == "__main__":
    avoid = ()
    args = sys.argv[1:]
    if "--avoid" in args:
        i = args.index("--avoid")
        avoid = args[i + 1].split(",")
        del args[i:i + 2]
    batch = 0
    if "--batch" in args:
        i = args.index("--batch")
        batch = int(args[i + 1])
        del args[i:i + 2]
    seed = int(args[0]) if args else 0
    if batch:
        sys.stdout.write(generate_batch(range(seed, seed + batch), avoid))
    else:
        sys.stdout.write(generate(seed, avoid))
