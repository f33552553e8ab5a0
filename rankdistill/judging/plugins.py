"""User judges: a factory named by a ``module:attr`` path or a ``rankdistill.judges`` entry point.

The factory is called with ``judge.options`` as keyword arguments and returns a Judge (anything with a
``name`` and ``rank(CandidateSet) -> Ranking``); an object that already has ``rank`` is used as it is. Any
``judge.kind`` that is no registered judge kind is one of these. (A judge with settings of its own is a judge
kind instead: see kinds.py.)
"""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from typing import Any, Literal

from pydantic import Field

from ..errors import UserError
from .base import JudgeKind, StoppableSettings

ENTRY_POINT_GROUP = "rankdistill.judges"


class PluginError(UserError, ValueError):
    """A user judge that cannot be found, loaded or used."""


def installed_names() -> list[str]:
    return sorted(ep.name for ep in entry_points(group=ENTRY_POINT_GROUP))


class UserJudgeSettings(StoppableSettings):
    kind: str = Field(
        description="A `rankdistill.judges` entry point name, or a 'module:attr' path to a user judge factory."
    )
    options: dict[str, Any] = Field(
        default_factory=dict, description="Keyword arguments passed to the judge's factory."
    )
    model: str | None = Field(None, description="A model name, for the judge's own use.")
    template: str = Field("listwise", description="A judge template name or file, for the judge's own use.")
    mode: Literal["listwise", "pairwise", "pointwise"] | None = Field(
        None, description="A judging mode, for the judge's own use."
    )

    @classmethod
    def _check_kind(cls, kind: Any) -> None:
        if not isinstance(kind, str) or ":" in kind:
            return
        names = installed_names()
        if kind not in names:
            from .kinds import JUDGE_KINDS

            raise ValueError(
                f"judge.kind: unknown judge {kind!r} (judge kinds: {', '.join(JUDGE_KINDS.names())}; "
                f"installed plugins: {', '.join(names) or 'none'}; or 'module:attr')"
            )


def load_factory(kind: str) -> Any:
    """The factory (or judge object) a user judge kind names; importing it is cheap enough to check early."""
    if ":" in kind:
        module, _, attr = kind.partition(":")
        try:
            factory = getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as e:
            raise PluginError(f"judge.kind {kind!r}: cannot load it ({e})") from None
    else:
        eps = [ep for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name == kind]
        if not eps:
            raise PluginError(f"judge.kind {kind!r}: no such judge in the {ENTRY_POINT_GROUP!r} entry points")
        try:
            factory = eps[0].load()
        except (ImportError, AttributeError) as e:
            raise PluginError(f"judge.kind {kind!r}: cannot load its entry point ({e})") from None
    return factory


def load_user_judge(settings: Any) -> Any:
    kind = settings.kind
    factory = load_factory(kind)
    judge = (
        factory if hasattr(factory, "rank") and not isinstance(factory, type) else factory(**settings.options)
    )
    if not callable(getattr(judge, "rank", None)):
        raise PluginError(
            f"judge.kind {kind!r}: the factory returned {judge!r}, which has no rank(item) method"
        )
    if not getattr(judge, "name", None):
        judge.name = kind
    return judge


# Not in the registry (whose names are kinds): the fallback for every kind that is none of them.
USER_JUDGE = JudgeKind(
    name="module:attr",
    summary="your own judge factory (or a rankdistill.judges entry point's name), given judge.options",
    settings=UserJudgeSettings,
    make=lambda settings, ledger, seed: load_user_judge(settings),
    check=lambda settings: load_factory(settings.kind),
)
