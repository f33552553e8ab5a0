"""The registry of judge kinds, and everything the rest of rankdistill asks of a judge section through it.

A built-in kind is one module of rankdistill/judging/ with a ``JUDGE_KIND = JudgeKind(...)`` (its settings
class beside it); a plug-in registers one through the ``rankdistill.judge_kinds`` entry-point group. A ``kind``
that no entry has is a user judge (plugins.py: a ``module:attr`` factory, or a ``rankdistill.judges`` entry
point: that group is deprecated, judge_kinds is the one for judges). The recipe's ``judge`` section is the union
of every kind's settings, chosen by ``kind``.
"""

from __future__ import annotations

import functools
import os
from typing import Annotated, Any, Union

from pydantic import BaseModel, BeforeValidator, Discriminator, Tag, TypeAdapter

from ..registry import Registry
from .base import JudgeKind, JudgeKindSettings, Limits, walk


def check_kind(entry: Any) -> None:
    """A plug-in's JUDGE_KIND is one: a JudgeKind whose settings class is a JudgeKindSettings of defaults."""
    from ..registry import settings_problem

    if not isinstance(entry, JudgeKind):
        raise TypeError(f"{type(entry).__name__} is not a rankdistill.judging.JudgeKind")
    settings_problem(entry.settings, JudgeKindSettings)


JUDGE_KINDS: Registry[JudgeKind] = Registry(
    "judge kind", group="rankdistill.judge_kinds", package="rankdistill.judging", attr="JUDGE_KIND", check=check_kind
)
DEFAULT_KIND = "reference"


def user_judges() -> JudgeKind:
    from .plugins import USER_JUDGE

    return USER_JUDGE


def kind_of(settings: Any) -> JudgeKind:
    """The entry of a judge section (its settings, or its kind's name): a registered kind, else a user judge."""
    name = settings if isinstance(settings, str) else settings.kind
    return JUDGE_KINDS.get(name) if name in JUDGE_KINDS else user_judges()


def all_kinds() -> list[JudgeKind]:
    return [*JUDGE_KINDS, user_judges()]


def foreign_defaults() -> dict[str, list[Any]]:
    """Every judge setting of every kind -> its defaults (an old recipe.yaml may hold any of them)."""
    out: dict[str, list[Any]] = {}
    for k in all_kinds():
        for name, field in k.settings.model_fields.items():
            if name != "kind" and not field.is_required():
                out.setdefault(name, []).append(field.get_default(call_default_factory=True))
    return out


# Tags of the union's choices appear in pydantic's error locations; recipe._format_errors drops them.
def tag(name: str) -> str:
    return f"<{name}>"


USER_TAG = tag("user judge")


def is_tag(part: Any) -> bool:
    return isinstance(part, str) and part.startswith("<") and part.endswith(">")


def _choose(value: Any) -> str:
    kind = (
        value.get("kind", DEFAULT_KIND) if isinstance(value, dict) else getattr(value, "kind", DEFAULT_KIND)
    )
    if not isinstance(kind, str):
        return USER_TAG  # (its own validation names the bad value)
    return tag(kind) if kind in JUDGE_KINDS else USER_TAG


def judge_section() -> Any:
    """The type of a judge section: the settings class of its ``kind`` (unregistered kinds: a user judge)."""
    choices = [Annotated[k.settings, Tag(tag(k.name))] for k in JUDGE_KINDS]
    choices.append(Annotated[user_judges().settings, Tag(USER_TAG)])
    union = Annotated[Union[tuple(choices)], Discriminator(_choose)]  # noqa: UP007 - built at run time
    return Annotated[union, BeforeValidator(_keys_of_other_kinds)]


def _keys_of_other_kinds(data: Any) -> Any:
    """A judge section before its kind's class validates it: a plug-in kind that could not be loaded is refused
    with why; a key of another kind is refused with the keys this kind has, and dropped when it holds that kind's
    default, since old run directories' recipe.yaml saved every judge field of every kind."""
    if not isinstance(data, dict):
        return data
    JUDGE_KINDS.refuse(data.get("kind"))  # a judge kind plug-in that could not be loaded: why
    chosen = _choose(data)
    settings = next((k.settings for k in JUDGE_KINDS if tag(k.name) == chosen), user_judges().settings)
    settings._check_kind(data.get("kind"), JUDGE_KINDS.names())
    own, foreign = settings.model_fields, foreign_defaults()
    out = dict(data)
    for key, value in data.items():
        if key in own or key not in foreign:
            continue  # (a key no kind has: extra="forbid" names it)
        if not any(_same(value, default) for default in foreign[key]):
            names = ", ".join(sorted(set(own) - {"kind"})) or "none"
            raise ValueError(f"judge.{key} does not apply to judge.kind {data.get('kind')!r} (its settings: {names})")
        del out[key]
    return out


def _same(value: Any, default: Any) -> bool:
    dump = lambda v: v.model_dump() if isinstance(v, BaseModel) else v  # noqa: E731
    return dump(value) == dump(default)


class JudgeSection:
    """A judge section inside another (an ensemble's members): its schema is built from the registry when first
    needed, so a settings class that holds judge sections sets ``defer_build=True``."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        return handler(judge_section())


@functools.cache
def _adapter(names: tuple[str, ...]) -> TypeAdapter:
    return TypeAdapter(judge_section())


def JudgeSettings(**settings: Any) -> JudgeKindSettings:  # noqa: N802 - reads as the class it stands for
    """A judge section from keyword arguments, validated by its kind's own class (``JudgeSettings(kind="openai",
    model="m")`` is an ``OpenAISettings``)."""
    return _adapter(tuple(JUDGE_KINDS.names())).validate_python(settings)


def make_judge(settings: Any, ledger: Any = None, seed: int = 0) -> Any:
    """The judge a recipe's ``judge`` section describes; judges that call models record their calls in ``ledger``.
    One from outside rankdistill (a user judge, a plug-in kind) has every answer checked (plugins.CheckedJudge)."""
    kind = kind_of(settings)
    judge = kind.make(settings, ledger, seed)
    if kind is user_judges():
        from .plugins import CheckedJudge

        return CheckedJudge(judge, f"judge.kind {settings.kind}")
    if JUDGE_KINDS.origin(kind.name):
        from .plugins import CheckedJudge

        return CheckedJudge(judge, f"judge kind plug-in {JUDGE_KINDS.origin(kind.name)}")
    return judge


def check_judge(settings: Any) -> None:
    """What can be checked without a model or a call, for the judge and every judge inside it (an openai judge
    has its key, a user judge imports)."""
    for s in walk(settings):
        kind_of(s).check(s)


def probe_judge(settings: Any) -> None:
    """One free call to each judge inside that calls a server: it is there and takes the key (JudgeConfigError)."""
    for s in walk(settings):
        kind_of(s).probe(s)


def uses_ledger(settings: Any) -> bool:
    """Whether the judge's calls go through the run's ledger (an ensemble: whether one of its members' do)."""
    flag = kind_of(settings).uses_ledger
    return bool(flag(settings) if callable(flag) else flag)


def reads_reference(settings: Any) -> bool:
    """Whether the judge ranks by each prompt's reference answer (which must then be there)."""
    return kind_of(settings).reads_reference


def check_row(settings: Any, row: dict[str, Any]) -> dict[str, Any] | None:
    """The judge's verdict on one prediction row (JudgeKind.check_row): ``passed`` and what else it reports;
    None when it gives none on one answer alone."""
    hook = kind_of(settings).check_row
    return None if hook is None else hook(settings, row)


def limits(settings: Any) -> Limits:
    """The judge's calls in flight, cost cap and abstention limit, as its kind declares them (JudgeKind.limits)."""
    return kind_of(settings).limits(settings)


def max_abstain_rate(settings: Any) -> float:
    return limits(settings).max_abstain_rate


def saved(settings: JudgeKindSettings) -> JudgeKindSettings:
    """The judge section as files keep it: each judge in it (an ensemble's members too) as its kind saves it,
    without credentials (JudgeKind.saved)."""
    out = kind_of(settings).saved(settings)
    inner: dict[str, Any] = {}
    for name in type(out).model_fields:
        value = getattr(out, name)
        if isinstance(value, JudgeKindSettings):
            inner[name] = saved(value)
        elif isinstance(value, list) and any(isinstance(v, JudgeKindSettings) for v in value):
            inner[name] = [saved(v) if isinstance(v, JudgeKindSettings) else v for v in value]
    return out.model_copy(update=inner) if inner else out


def child_environment(settings: JudgeKindSettings) -> dict[str, str]:
    """``os.environ`` plus what each judge in the section needs to be reached from a child process as this one
    reaches it (JudgeKind.environment): how compare's runs get credentials that no file holds."""
    env = dict(os.environ)
    for s in walk(settings):
        env.update(kind_of(s).environment(s))
    return env


def resume_identity(settings: JudgeKindSettings) -> dict[str, Any]:
    """The judge section as a dict without its operational keys (nor its members'): what must not change when a
    run resumes, since it decides what the judge answers."""

    def plain(v: Any) -> Any:
        if isinstance(v, JudgeKindSettings):
            return resume_identity(v)
        if isinstance(v, list):
            return [plain(x) for x in v]
        return v.model_dump() if hasattr(v, "model_dump") else v

    return {
        name: plain(getattr(settings, name))
        for name in type(settings).model_fields
        if name not in settings.operational
    }
