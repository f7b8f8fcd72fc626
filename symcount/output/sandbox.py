"""The Jinja sandbox every template renders in, bounded in memory and time as well as in what it may
touch. jinja2's ImmutableSandboxedEnvironment already refuses unsafe attributes and the mutation of
lists and dicts, and caps range(); here everything that makes a value grow is capped too:

- sizes: no string, list or number a template makes may exceed MAX_TEMPLATE_SIZE (characters, items,
  or about that many digits). Checked before the work for `*`, `**`, `+`, `%`, `~`, list and dict
  literals, the size-taking filters (center, indent, wordwrap, format, replace, join, batch, slice,
  tojson, ...) and methods (str.center, ljust, rjust, zfill, expandtabs, replace, join, format,
  format_map); and after it for every filter and call. A value's size counts what printing it would
  write (a list of one long string, repeated, is as large as its text), so that doubling a list
  literal ({% set x = [x, x] %}) is refused as soon as it would be too large to print.
- time: every loop iteration and every call (a macro, a method, the recursive loop) is a step, and a
  filter or a call over a long value one more step per character or item of it; a render
  may take MAX_TEMPLATE_STEPS of them, and TEMPLATE_SECONDS of CPU time (checked at every such long
  step, and every 1,024 steps).
- compilation: a template's text is at most MAX_TEMPLATE_SOURCE characters, its syntax tree at most
  MAX_TEMPLATE_NODES nodes, of which at most MAX_TEMPLATE_SCOPES compile to functions (macros,
  blocks, loops), before Python compiles it (which grows faster than linearly with them).
- output: a render writes at most MAX_OUTPUT characters.

Each refusal is a jinja2 SecurityError, which render.py reports as an error in the template (exit 2).
"""
from __future__ import annotations

from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
import time
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedFormatter, safe_range
from jinja2.runtime import Macro
from jinja2.utils import Namespace

from ..limits import MAX_OUTPUT, MAX_TEMPLATE_SIZE

MAX_TEMPLATE_STEPS = 10**7   # loop iterations and calls in one render
MAX_TEMPLATE_SOURCE = 1 << 18   # characters of a template's text (256 Ki)
MAX_TEMPLATE_NODES = 50_000     # nodes of a template's syntax tree
MAX_TEMPLATE_SCOPES = 1_000     # macros, call blocks, blocks and loops: each a function compiled
STEP_CHARS = 1                  # a filter or a call over a value of n characters or items costs n steps more
_SCOPES = (nodes.Macro, nodes.CallBlock, nodes.Block, nodes.For, nodes.FilterBlock)
TEMPLATE_SECONDS = 3.0       # CPU time of one render

_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]")
_FORMAT_SPEC = re.compile(r"^(?:.?[<>=^])?[-+ ]?z?#?0?(\d*)[,_]?(?:\.(\d+))?[a-zA-Z%]?$")


def too_large(what: str) -> SecurityError:
    return SecurityError(f"{what} would be larger than {MAX_TEMPLATE_SIZE:,} characters, too large for a template")


class _Sizes:
    """How much printing a value would write, counted without printing it, each object once per
    question (a list that holds one list twice counts it twice, as printing does), and no further
    than `limit`."""

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def of(self, value: Any) -> int:
        total, todo = 0, [value]
        while todo:
            x = todo.pop()
            if isinstance(x, (str, bytes, bytearray)):
                total += len(x)
            elif isinstance(x, bool) or x is None:
                total += 5
            elif isinstance(x, int):
                total += x.bit_length() // 3 + 1
            elif isinstance(x, (list, tuple, set, frozenset)):
                total += 2 * len(x) + 2
                todo.extend(x)
            elif isinstance(x, dict):
                total += 4 * len(x) + 2
                todo.extend(x.keys())
                todo.extend(x.values())
            elif isinstance(x, Namespace):
                attrs = getattr(x, "_Namespace__attrs", {})
                total += 16 + 4 * len(attrs)
                todo.extend(attrs.values())
            else:
                total += 16
            if total > self.limit:
                return total
        return total


SIZE = _Sizes(MAX_TEMPLATE_SIZE)
SIZE_OF_OUTPUT = _Sizes(MAX_OUTPUT)


def check(value: Any, what: str = "a value") -> Any:
    if SIZE.of(value) > MAX_TEMPLATE_SIZE:
        raise too_large(what)
    return value


def _int(x: Any, default: int = 0) -> int:
    return x if isinstance(x, int) and not isinstance(x, bool) else default


def _check_percent(fmt: str, args: Any) -> None:
    """`fmt % args`: no width or precision (written, or given by `*`) beyond the limit."""
    values = list(args) if isinstance(args, tuple) else [args]
    for m in _PERCENT_SPEC.finditer(fmt):
        for part in (m.group(1), m.group(2)):
            if part == "*":
                width = _int(values.pop(0) if values else 0)
            else:
                width = int(part) if part and len(part) < 12 else (10**12 if part else 0)
            if abs(width) > MAX_TEMPLATE_SIZE:
                raise too_large(f"a field of width {width:,}")


def _check_format_spec(spec: str) -> None:
    m = _FORMAT_SPEC.match(spec)
    for part in (m.groups() if m else ()):
        if part and (len(part) > 12 or int(part) > MAX_TEMPLATE_SIZE):
            raise too_large("a formatted field")


class _BoundedFormatter(SandboxedFormatter):
    """str.format in the sandbox: no field wider or more precise than the limit."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        _check_format_spec(format_spec)
        return check(super().format_field(value, format_spec), "a formatted field")


# the size-taking filters and methods, each checked before it runs: (value, args, kwargs) -> None
def _pre_pad(value, args, kwargs, name="width"):
    width = _int(args[0] if args else kwargs.get(name, 0))
    if width > MAX_TEMPLATE_SIZE:
        raise too_large(f"a string padded to {width:,}")


def _pre_expandtabs(value, args, kwargs):
    size = _int(args[0] if args else kwargs.get("tabsize", 8))
    if isinstance(value, (str, bytes)) and size * max(1, value.count("\t" if isinstance(value, str) else b"\t")) \
            + len(value) > MAX_TEMPLATE_SIZE:
        raise too_large("a string with its tabs expanded")


def _pre_replace(value, args, kwargs):
    new = args[1] if len(args) > 1 else kwargs.get("new", "")
    old = args[0] if args else kwargs.get("old", "")
    count = args[2] if len(args) > 2 else kwargs.get("count", -1)
    if not isinstance(value, (str, bytes)):
        return
    n = (value.count(old) if old else len(value) + 1) if isinstance(old, type(value)) else 0
    if _int(count, -1) >= 0:
        n = min(n, _int(count))
    if len(value) + n * SIZE.of(new) > MAX_TEMPLATE_SIZE:
        raise too_large("a string with replacements")


def _pre_join(sep, seq):
    items = list(seq)
    if SIZE.of(items) + SIZE.of(sep) * max(len(items) - 1, 0) > MAX_TEMPLATE_SIZE:
        raise too_large("a joined string")
    return items


def _pre_indent(value, args, kwargs):
    width = args[0] if args else kwargs.get("width", 4)
    unit = SIZE.of(width) if isinstance(width, str) else _int(width)
    lines = str(value).count("\n") + 1 if isinstance(value, str) else 1
    if len(str(value)) + unit * lines > MAX_TEMPLATE_SIZE:
        raise too_large("an indented string")


def _pre_wordwrap(value, args, kwargs):
    sep = args[2] if len(args) > 2 else kwargs.get("wrapstring") or "\n"
    width = max(1, _int(args[0] if args else kwargs.get("width", 79), 79))
    if isinstance(value, str) and len(value) + (len(value) // width + 1) * SIZE.of(sep) > MAX_TEMPLATE_SIZE:
        raise too_large("a wrapped string")


def _pre_count(name: str, index: int = 0):
    def pre(value, args, kwargs):
        n = _int(args[index] if len(args) > index else kwargs.get(name, 0))
        if n > MAX_TEMPLATE_SIZE:
            raise too_large(f"{name} of {n:,}")
    return pre


def _pre_format(value, args, kwargs):
    if isinstance(value, str):
        _check_percent(value, kwargs or tuple(args))


def _pre_tojson(value, args, kwargs):
    indent = args[0] if args else kwargs.get("indent")
    if (_int(indent) if not isinstance(indent, str) else len(indent)) > 64:
        raise too_large("JSON indented that deep")


FILTER_CHECKS = {
    "center": _pre_pad, "indent": _pre_indent, "wordwrap": _pre_wordwrap, "format": _pre_format,
    "replace": _pre_replace, "batch": _pre_count("linecount"), "slice": _pre_count("slices"),
    "tojson": _pre_tojson,
}
METHOD_CHECKS = {
    "center": _pre_pad, "ljust": _pre_pad, "rjust": _pre_pad, "zfill": _pre_pad,
    "expandtabs": _pre_expandtabs, "replace": _pre_replace,
}


class _Generator(CodeGenerator):
    """The compiled template routes its loops, `~` and literal lists and dicts through the
    environment's bounded versions."""

    def visit_For(self, node, frame):  # the loop's iterable, counted item by item
        if not getattr(node, "bounded", False):
            node.iter = nodes.Call(nodes.EnvironmentAttribute("bounded_iter"), [node.iter], [], None, None,
                                   lineno=node.lineno)
            node.bounded = True
        super().visit_For(node, frame)

    def visit_Concat(self, node, frame):
        self.write("environment.bounded_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")

    def visit_List(self, node, frame):
        self.write("environment.bounded_value(")
        super().visit_List(node, frame)
        self.write(")")

    def visit_Dict(self, node, frame):
        self.write("environment.bounded_value(")
        super().visit_Dict(node, frame)
        self.write(")")

    def visit_Tuple(self, node, frame):
        if node.ctx == "store":
            return super().visit_Tuple(node, frame)
        self.write("environment.bounded_value(")
        super().visit_Tuple(node, frame)
        self.write(")")


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """ImmutableSandboxedEnvironment bounded in size, steps, CPU time and output (see the module)."""

    code_generator_class = _Generator
    intercepted_binops = frozenset(["*", "**", "+", "%"])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("finalize", self._finalize)
        super().__init__(*args, **kwargs)
        self.steps = 0
        self.deadline = time.process_time() + TEMPLATE_SECONDS
        self.globals["range"] = self._range
        self.globals.pop("lipsum", None)
        for name, f in list(self.filters.items()):
            self.filters[name] = self._filter(name, f)

    # -- compilation --
    def _parse(self, source: str, name: Any, filename: Any):
        if len(source) > MAX_TEMPLATE_SOURCE:
            raise SecurityError(f"the template has {len(source):,} characters; symcount reads templates of at "
                                f"most {MAX_TEMPLATE_SOURCE:,}")
        tree = super()._parse(source, name, filename)
        count = scopes = 0
        for node in tree.find_all(nodes.Node):
            count += 1
            scopes += isinstance(node, _SCOPES)
            if count > MAX_TEMPLATE_NODES or scopes > MAX_TEMPLATE_SCOPES:
                what = (f"more than {MAX_TEMPLATE_NODES:,} parts" if count > MAX_TEMPLATE_NODES else
                        f"more than {MAX_TEMPLATE_SCOPES:,} macros, blocks and loops")
                raise SecurityError(f"the template has {what}, more than symcount compiles")
        return tree

    # -- time --
    def step(self, n: int = 1) -> None:
        self.steps += n
        if self.steps > MAX_TEMPLATE_STEPS:
            raise SecurityError(f"the template takes more than {MAX_TEMPLATE_STEPS:,} steps (loop iterations and calls)")
        if (n > 1 or self.steps & 0x3FF == 0) and time.process_time() > self.deadline:
            raise SecurityError(f"the template runs longer than {TEMPLATE_SECONDS:g} s")

    def step_over(self, values: Any) -> None:
        """A step for a call, and more for the long values it goes over (see STEP_CHARS)."""
        size = 0
        for v in values:
            if isinstance(v, (str, list, tuple, dict)):
                size += len(v)
        self.step(1 + size // STEP_CHARS)

    def bounded_iter(self, iterable: Any):
        for x in iterable:
            self.step()
            yield x

    def _range(self, *args: int) -> range:
        return safe_range(*args)

    # -- sizes --
    def bounded_value(self, value: Any) -> Any:
        return check(value, "a list or dict")

    def bounded_concat(self, parts: tuple) -> str:
        total = 0
        for p in parts:
            total += SIZE.of(p)
            if total > MAX_TEMPLATE_SIZE:
                raise too_large("a string joined with ~")
        return "".join(str(p) for p in parts)

    def _finalize(self, value: Any) -> Any:
        """A value written out: a string was checked when it was made (or is the context's); a list or
        a dict is as large as its text."""
        if not isinstance(value, str) and SIZE_OF_OUTPUT.of(value) > MAX_OUTPUT:
            raise SecurityError(f"a value written out would be larger than {MAX_OUTPUT:,} characters")
        return value

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        self.step()
        if operator == "**":
            if isinstance(left, (int, float)) and isinstance(right, int) and not isinstance(left, bool):
                if right > 0 and abs(int(left)).bit_length() * right > MAX_TEMPLATE_SIZE:
                    raise SecurityError(f"{left} ** {right} is too large for a template")
            return left ** right
        if operator == "*":
            for seq, k in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(k, int) and SIZE.of(seq) * max(k, 0) > MAX_TEMPLATE_SIZE:
                    raise SecurityError("a repeated string or list that long is too large for a template")
            if isinstance(left, int) and isinstance(right, int) and \
                    left.bit_length() + right.bit_length() > MAX_TEMPLATE_SIZE:
                raise SecurityError("a product that large is too large for a template")
            return check(left * right, "a product")
        if operator == "%" and isinstance(left, str):
            _check_percent(left, right)
            return check(left % right, "a formatted string")
        if operator == "+" and not (isinstance(left, (int, float)) and isinstance(right, (int, float))):
            if SIZE.of(left) + SIZE.of(right) > MAX_TEMPLATE_SIZE:
                raise too_large("a sum of strings or lists")
        return check(self.binop_table[operator](left, right), "a result")

    def wrap_str_format(self, value: Any):
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        f_self = value.__self__
        is_map = value.__name__ == "format_map"
        formatter = _BoundedFormatter(self)

        def bounded(*args: Any, **kwargs: Any) -> str:
            self.step()
            if is_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                args, kwargs = (), args[0]
            return check(str(formatter.vformat(f_self, args, kwargs)), "a formatted string")
        return bounded

    def call(__self, __context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (as jinja2's)
        __self.step_over((getattr(__obj, "__self__", None), *args, *kwargs.values()))
        owner = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if isinstance(owner, (str, bytes)):
            if name in METHOD_CHECKS:
                METHOD_CHECKS[name](owner, args, kwargs)
            elif name == "join" and args:
                args = (_pre_join(owner, args[0]),) + args[1:]
        result = super().call(__context, __obj, *args, **kwargs)
        if isinstance(__obj, Macro):  # what a macro writes is output: MAX_OUTPUT bounds it
            return result
        return check(result, "a call's result")

    def _filter(self, name: str, f):
        pre = FILTER_CHECKS.get(name)

        def bounded(*args: Any, **kwargs: Any) -> Any:
            self.step_over((*args, *kwargs.values()))
            # filters that take the context or the environment first get it first; the value follows
            i = next((k for k, a in enumerate(args) if not _is_internal(a)), len(args))
            value, rest = (args[i], args[i + 1:]) if i < len(args) else (None, ())
            if pre is not None:
                pre(value, rest, kwargs)
            if name == "join":
                sep = rest[0] if rest else kwargs.get("d", "")
                attribute = rest[1] if len(rest) > 1 else kwargs.get("attribute")
                if attribute is None and value is not None:
                    items = _pre_join(sep, value)
                    args = args[:i] + (items,) + args[i + 1:]
            return check(f(*args, **kwargs), f"the result of the filter {name}")
        for attr in ("jinja_pass_arg",):  # keep how jinja passes the context or environment
            if hasattr(f, attr):
                setattr(bounded, attr, getattr(f, attr))
        bounded.__name__ = getattr(f, "__name__", name)
        return bounded

    # -- output --
    def render(self, template, *args: Any, **kwargs: Any) -> str:
        """A template rendered through its chunks, at most MAX_OUTPUT characters in all."""
        out, size = [], 0
        for chunk in template.generate(*args, **kwargs):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise SecurityError(f"the template writes more than {MAX_OUTPUT:,} characters")
            self.step()
            out.append(chunk)
        return "".join(out)


def _is_internal(x: Any) -> bool:
    from jinja2.environment import Environment
    from jinja2.nodes import EvalContext
    from jinja2.runtime import Context
    return isinstance(x, (Context, Environment, EvalContext))
