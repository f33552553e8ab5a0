"""Judge prompt templates: YAML files with Jinja2 system + user text, validated when a recipe loads.

Every piece of text that comes from the data (prompt, candidates, reference) reaches the template already
wrapped in its own tags, with anything that looks like one of our tags inside it neutralised, so a candidate
cannot close its slot early and speak to the judge as if it were the instructions.

Templates are shared like recipes, so they are data, not code: they render in Jinja2's immutable sandbox with
no loader (no ``__class__``-style escapes, no include / import / extends of files), and each is rendered once
on a sample request when it loads, so a template that fails does so before any paid call. A render is bounded:
``RENDER_SECONDS`` of work (checked at every loop step and every piece of output), at most ``MAX_SIZE`` characters
beyond four times its inputs, and no call or filter given a number above ``MAX_SIZE`` (``lipsum(10**6)``,
``center(10**9)``): a template that would run for hours or fill the memory is refused, in one line, at load.
"""

from __future__ import annotations

import functools
import hashlib
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import UserError

# A judge's modes rank candidates; a "label" template asks a teacher for its rationale and answer in one call
# (`rankdistill label --rationales`), and is no judge's.
JUDGE_MODES = ("listwise", "pairwise", "pointwise")
MODES = (*JUDGE_MODES, "label")
# Placeholders each mode can fill, and those a template of that mode must use.
KNOWN = {
    "listwise": {"prompt", "candidates", "k", "reference"},
    "pairwise": {"prompt", "candidate_a", "candidate_b", "reference"},
    "pointwise": {"prompt", "candidate", "reference", "scale_min", "scale_max"},
    "label": {"prompt", "examples"},
}
REQUIRED = {
    "listwise": {"candidates"},
    "pairwise": {"candidate_a", "candidate_b"},
    "pointwise": {"candidate"},
    "label": {"prompt"},
}
_FIELDS = {"name", "description", "mode", "output", "placeholders", "scale", "system", "user"}
_TAG = re.compile(r"<(/?)\s*(prompt|candidate|reference|example)\b", re.IGNORECASE)
_FILE_TAGS = {"Include": "include", "Import": "import", "FromImport": "from ... import", "Extends": "extends"}
MAX_SIZE = 100_000  # '*' and '**' in a template may not build a longer string or list, or a bigger exponent
RENDER_SECONDS = 2.0  # one render's work at most (a judge template renders in microseconds)
MAX_PARAGRAPHS = 100  # lipsum's n at most
_RENDER = threading.local()  # the deadline of the render running in this thread


class TemplateError(UserError, ValueError):
    """A judge template that cannot be used; the message names the file and the problem."""


def judges_dir() -> Path:
    """The templates shipped with the project (package resources in a wheel; judges/ in a checkout)."""
    from ..resources import shipped_dir

    return shipped_dir("judges")


def resolve_template_path(name_or_path: str) -> Path:
    """A path as given, or the name of a shipped template (with or without .yaml)."""
    p = Path(name_or_path).expanduser()
    if p.suffix in (".yaml", ".yml") and p.exists():
        return p.resolve()
    shipped = judges_dir() / (p.name if p.suffix in (".yaml", ".yml") else f"{p.name}.yaml")
    if shipped.exists():
        return shipped
    raise TemplateError(f"{name_or_path}: no such judge template file (nor a shipped one in {judges_dir()})")


def neutralise(text: str) -> str:
    """Text that cannot open or close one of our slots: '<candidate' -> '&lt;candidate' (same for the others)."""
    return _TAG.sub(lambda m: f"&lt;{m.group(1)}{m.group(2)}", text)


def slot(tag: str, text: str, label: str | None = None) -> str:
    attr = f' id="{label}"' if label is not None else ""
    return f"<{tag}{attr}>\n{neutralise(text)}\n</{tag}>"


@dataclass(frozen=True)
class JudgeTemplate:
    name: str
    path: str
    mode: str
    placeholders: tuple[str, ...]
    system: str
    user: str
    output: str = "json"
    scale: tuple[int, int] = (1, 10)
    description: str = ""

    @property
    def digest(self) -> str:
        """Changes whenever the text does: part of every ledger key, so an edited template is asked anew."""
        text = f"{self.mode}\0{self.system}\0{self.user}\0{self.scale}"
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def render(self, **values: Any) -> list[dict[str, str]]:
        """Chat messages for one judge call; text values must already be slotted (see ``render_*``).
        TemplateError (naming the file) when the template fails or the sandbox refuses what it does."""
        msgs = []
        limit = MAX_SIZE + 4 * sum(len(str(v)) for v in values.values())
        try:
            if self.system.strip():
                msgs.append({"role": "system", "content": _render(self.system, values, limit).strip()})
            msgs.append({"role": "user", "content": _render(self.user, values, limit).strip()})
        except Exception as e:  # a template is user code: whatever it raises is the template's error
            raise TemplateError(f"{self.path}: does not render: {_why(e)}") from None
        return msgs

    def values(self, prompt: str, reference: str | None, **extra: Any) -> dict[str, Any]:
        out = {
            "prompt": slot("prompt", prompt),
            "reference": slot("reference", reference) if reference else "",
        }
        out.update(scale_min=self.scale[0], scale_max=self.scale[1])
        out.update(extra)
        return out

    def render_listwise(self, prompt: str, texts: list[str], labels: list[str], reference: str | None = None):
        block = "\n\n".join(slot("candidate", t, lab) for t, lab in zip(texts, labels, strict=True))
        return self.render(**self.values(prompt, reference, candidates=block, k=len(texts)))

    def render_pairwise(self, prompt: str, a: str, b: str, reference: str | None = None):
        return self.render(
            **self.values(
                prompt,
                reference,
                candidate_a=slot("candidate", a, "A"),
                candidate_b=slot("candidate", b, "B"),
            )
        )

    def render_pointwise(self, prompt: str, text: str, reference: str | None = None):
        return self.render(**self.values(prompt, reference, candidate=slot("candidate", text)))

    def render_label(self, prompt: str, examples: list[tuple[str, str, str]] = ()):
        """A label request: the task ``prompt``, after worked ``examples`` (task, rationale, answer), each shown
        as its task and the JSON reply it needs."""
        import json

        block = "\n\n".join(
            f"<example>\n{slot('prompt', task)}\n"
            f"{neutralise(json.dumps({'rationale': why, 'answer': answer}, ensure_ascii=False))}\n</example>"
            for task, why, answer in examples
        )
        return self.render(prompt=slot("prompt", prompt), examples=block)


@functools.cache
def _env() -> Any:
    """The sandbox every template renders in (built once: the class needs jinja2, imported only when used)."""
    import jinja2
    from jinja2 import nodes
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class JudgeSandbox(ImmutableSandboxedEnvironment):
        # not folded at compile time and bounded at render time: '{{ "x" * 10**10 }}' is refused, not run
        intercepted_binops = frozenset(["*", "**"])

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and isinstance(right, int | float) and abs(right) > 64:
                raise SecurityError(f"exponent {right} is too large (64 at most)")
            if operator == "*":
                n, seq = (left, right) if isinstance(left, int) else (right, left)
                if isinstance(n, int) and isinstance(seq, str | list | tuple) and n * len(seq) > MAX_SIZE:
                    raise SecurityError(f"a repeated string or list of more than {MAX_SIZE} items")
            return super().call_binop(context, operator, left, right)

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
            _bounded_arguments(args, kwargs)
            return super().call(__context, __obj, *args, **kwargs)

        def _parse(self, source: str, name: str | None, filename: str | None) -> Any:
            """Every for loop steps through ``environment.bounded``, which checks the render's deadline."""
            tree = super()._parse(source, name, filename)
            for loop in tree.find_all(nodes.For):
                loop.iter = nodes.Call(nodes.EnvironmentAttribute("bounded"), [loop.iter], [], None, None)
            return tree

        @staticmethod
        def bounded(items: Any) -> Any:
            for n, item in enumerate(items):
                if n % 64 == 0:
                    _check_deadline()
                yield item

    env = JudgeSandbox(undefined=jinja2.StrictUndefined, keep_trailing_newline=False, autoescape=False)
    for name, function in list(env.filters.items()):  # filters are called directly, not through env.call
        env.filters[name] = _bounded_filter(function)
    lipsum = env.globals["lipsum"]

    def bounded_lipsum(n: int = 5, *args: Any, **kwargs: Any) -> Any:
        if isinstance(n, int) and n > MAX_PARAGRAPHS:
            raise SecurityError(f"lipsum of {n} paragraphs ({MAX_PARAGRAPHS} at most)")
        return lipsum(n, *args, **kwargs)

    env.globals["lipsum"] = bounded_lipsum
    return env


def _bounded_arguments(args: Any, kwargs: Any) -> None:
    """Refuse a number above MAX_SIZE given to a call or filter: a width, a count, a length to build."""
    from jinja2.exceptions import SecurityError

    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_SIZE:
            raise SecurityError(f"the number {value} is too large for a call or filter ({MAX_SIZE} at most)")


def _bounded_filter(function: Any) -> Any:
    @functools.wraps(function)  # keeps jinja's pass_context / pass_environment marks
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _bounded_arguments(args, kwargs)
        return function(*args, **kwargs)

    return bounded


def _check_deadline() -> None:
    from jinja2.exceptions import SecurityError

    deadline = getattr(_RENDER, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        raise SecurityError(f"rendering takes more than {RENDER_SECONDS:g} s")


def _render(text: str, values: dict[str, Any], limit: int) -> str:
    """The template ``text`` rendered with ``values``, within RENDER_SECONDS and ``limit`` characters."""
    from jinja2.exceptions import SecurityError

    _RENDER.deadline = time.monotonic() + RENDER_SECONDS
    out, size = [], 0
    try:
        for piece in _compiled(text).generate(**values):
            size += len(piece)
            if size > limit:
                raise SecurityError(f"it writes more than {limit} characters")
            _check_deadline()
            out.append(piece)
    finally:
        _RENDER.deadline = None
    return "".join(out)


@functools.lru_cache(maxsize=64)
def _compiled(text: str) -> Any:
    return _env().from_string(text)


def _why(e: Exception) -> str:
    """One line saying why a template failed to render."""
    from jinja2.exceptions import SecurityError

    what = "refused by the sandbox" if isinstance(e, SecurityError) else type(e).__name__
    return " ".join(f"{what}: {e}".split())


def _refuse_files_and_private_names(where: str, part: str, tree: Any) -> None:
    """What the sandbox would refuse anyway, refused at load in every branch: a template cannot read files
    (include, import, extends) or reach an attribute starting with '_' (the way out of the sandbox)."""
    from jinja2 import nodes

    for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        tag = _FILE_TAGS[type(node).__name__]
        raise TemplateError(
            f"{where}: {part}: {{% {tag} %}} is refused (judge templates are sandboxed and cannot read files)"
        )
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        name = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
        if isinstance(name, str) and name.startswith("_"):
            raise TemplateError(
                f"{where}: {part}: attribute {name!r} is refused (judge templates are sandboxed: "
                "no names starting with '_')"
            )


def _render_sample(t: JudgeTemplate) -> None:
    """Render a sample request of the template's mode, with and without a reference: a template that fails
    ('{{ 1 // 0 }}', a missing attribute, something the sandbox refuses) fails at load, before any call."""
    for reference in (None, "A sample reference."):
        if t.mode == "listwise":
            t.render_listwise(
                "A sample prompt.", ["A first answer.", "A second answer."], ["1", "2"], reference
            )
        elif t.mode == "pairwise":
            t.render_pairwise("A sample prompt.", "A first answer.", "A second answer.", reference)
        elif t.mode == "label":
            t.render_label("A sample prompt.", [("A sample task.", "A rationale.", "An answer.")] if reference else [])
        else:
            t.render_pointwise("A sample prompt.", "An answer.", reference)


def load_template(name_or_path: str) -> JudgeTemplate:
    """Load and validate a template; TemplateError names the file and the bad field or placeholder."""
    import jinja2
    from jinja2 import meta

    path = resolve_template_path(name_or_path)
    where = str(path)
    try:
        tree = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise TemplateError(f"{where}: not valid YAML: {e}") from None
    if not isinstance(tree, dict):
        raise TemplateError(f"{where}: a judge template is a mapping of keys")
    unknown = sorted(set(tree) - _FIELDS)
    if unknown:
        raise TemplateError(
            f"{where}: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(_FIELDS))}"
        )
    mode = tree.get("mode")
    if mode not in MODES:
        raise TemplateError(f"{where}: mode must be one of {', '.join(MODES)} (got {mode!r})")
    if tree.get("output", "json") != "json":
        raise TemplateError(f"{where}: output must be 'json' (got {tree.get('output')!r})")
    if not isinstance(tree.get("user"), str) or not tree["user"].strip():
        raise TemplateError(f"{where}: 'user' (the Jinja2 text of the user message) is required")
    declared = tree.get("placeholders")
    if not isinstance(declared, list) or not all(isinstance(p, str) for p in declared):
        raise TemplateError(f"{where}: 'placeholders' must list the names the template uses")
    bad = sorted(set(declared) - KNOWN[mode])
    if bad:
        raise TemplateError(
            f"{where}: unknown placeholder(s) {', '.join(bad)} for mode {mode} "
            f"(known: {', '.join(sorted(KNOWN[mode]))})"
        )
    used: set[str] = set()
    for part in ("system", "user"):
        if not isinstance(tree.get(part) or "", str):
            raise TemplateError(f"{where}: '{part}' must be text (Jinja2)")
        try:
            ast = _env().parse(tree.get(part) or "")
        except jinja2.TemplateSyntaxError as e:
            raise TemplateError(
                f"{where}: {part}: Jinja2 syntax error line {e.lineno}: {e.message}"
            ) from None
        _refuse_files_and_private_names(where, part, ast)
        used |= meta.find_undeclared_variables(ast)
    undeclared = sorted(used - set(declared))
    if undeclared:
        kind = "unknown" if set(undeclared) - KNOWN[mode] else "undeclared"
        raise TemplateError(f"{where}: {kind} placeholder(s) {', '.join(undeclared)} used in the text")
    unused = sorted(set(declared) - used)
    if unused:
        raise TemplateError(f"{where}: placeholder(s) {', '.join(unused)} declared but not used in the text")
    missing = sorted(REQUIRED[mode] - used)
    if missing:
        raise TemplateError(
            f"{where}: missing placeholder(s) {', '.join(missing)} (a {mode} template needs them)"
        )
    scale = tree.get("scale", [1, 10])
    if not (
        isinstance(scale, list)
        and len(scale) == 2
        and all(isinstance(s, int) for s in scale)
        and scale[0] < scale[1]
    ):
        raise TemplateError(f"{where}: scale must be [low, high] integers with low < high (got {scale!r})")
    template = JudgeTemplate(
        name=str(tree.get("name") or path.stem),
        path=where,
        mode=mode,
        placeholders=tuple(declared),
        system=tree.get("system") or "",
        user=tree["user"],
        output="json",
        scale=(scale[0], scale[1]),
        description=str(tree.get("description", "")),
    )
    _render_sample(template)
    return template


def template_setting(template: str, mode: str | None) -> JudgeTemplate:
    """judge.template loaded and checked against judge.mode, for a judge kind's settings validator (ValueError
    naming the key)."""
    try:
        tpl = load_template(template)
    except TemplateError as e:
        raise ValueError(f"judge.template: {e}") from None
    if tpl.mode not in JUDGE_MODES:
        raise ValueError(
            f"judge.template: {tpl.path} is a {tpl.mode} template (for `rankdistill label --rationales`), not a "
            f"judge's ({', '.join(JUDGE_MODES)})"
        )
    if mode is not None and mode != tpl.mode:
        raise ValueError(f"judge.mode {mode} disagrees with template {tpl.path} (mode {tpl.mode})")
    return tpl


def absolute_template(template: str) -> str:
    """A user's template file by absolute path (shipped templates stay by name)."""
    if Path(template).suffix in (".yaml", ".yml"):
        return str(resolve_template_path(template))
    return template
