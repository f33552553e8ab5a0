"""Judge prompt templates: YAML files with Jinja2 system + user text, validated when a recipe loads.

Every piece of text that comes from the data (prompt, candidates, reference) reaches the template already
wrapped in its own tags, with anything that looks like one of our tags inside it neutralised, so a candidate
cannot close its slot early and speak to the judge as if it were the instructions.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import UserError

MODES = ("listwise", "pairwise", "pointwise")
# Placeholders each mode can fill, and those a template of that mode must use.
KNOWN = {
    "listwise": {"prompt", "candidates", "k", "reference"},
    "pairwise": {"prompt", "candidate_a", "candidate_b", "reference"},
    "pointwise": {"prompt", "candidate", "reference", "scale_min", "scale_max"},
}
REQUIRED = {
    "listwise": {"candidates"},
    "pairwise": {"candidate_a", "candidate_b"},
    "pointwise": {"candidate"},
}
_FIELDS = {"name", "description", "mode", "output", "placeholders", "scale", "system", "user"}
_TAG = re.compile(r"<(/?)\s*(prompt|candidate|reference)\b", re.IGNORECASE)


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
        """Chat messages for one judge call; text values must already be slotted (see ``render_*``)."""
        env = _env()
        msgs = []
        if self.system.strip():
            msgs.append({"role": "system", "content": env.from_string(self.system).render(**values).strip()})
        msgs.append({"role": "user", "content": env.from_string(self.user).render(**values).strip()})
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


def _env():
    import jinja2

    return jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=False, autoescape=False)


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
        try:
            used |= meta.find_undeclared_variables(_env().parse(tree.get(part) or ""))
        except jinja2.TemplateSyntaxError as e:
            raise TemplateError(
                f"{where}: {part}: Jinja2 syntax error line {e.lineno}: {e.message}"
            ) from None
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
    return JudgeTemplate(
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
