"""User judges: a factory named by a ``module:attr`` path (or, deprecated, a ``rankdistill.judges`` entry point).

The factory is called with ``judge.options`` as keyword arguments and returns a Judge (anything with a
``name`` and ``rank(CandidateSet) -> Ranking``); an object that already has ``rank`` is used as it is. Any
``judge.kind`` that is no registered judge kind is one of these. A judge shipped in a package is a judge kind, the
one plug-in group for judges (``rankdistill.judge_kinds``: see kinds.py); a ``rankdistill.judges`` entry point
still works, with a DeprecationWarning and a warning line saying so.
"""

from __future__ import annotations

import importlib
import warnings
from importlib.metadata import entry_points
from typing import Any, Literal

from pydantic import Field

from ..errors import UserError
from ..registry import one_line
from .base import JudgeKind, StoppableSettings

ENTRY_POINT_GROUP = "rankdistill.judges"  # deprecated: judge kinds register in rankdistill.judge_kinds
_warned: set[str] = set()  # the entry points whose deprecation this process has logged


class PluginError(UserError, ValueError):
    """A user judge that cannot be found, loaded or used."""


def installed_names() -> list[str]:
    return sorted(ep.name for ep in entry_points(group=ENTRY_POINT_GROUP))


class UserJudgeSettings(StoppableSettings):
    kind: str = Field(
        description="A 'module:attr' path to a user judge factory (or a deprecated `rankdistill.judges` entry "
        "point's name)."
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
    def _check_kind(cls, kind: Any, kinds: list[str]) -> None:
        if not isinstance(kind, str) or ":" in kind:
            return
        names = installed_names()
        if kind not in names:
            raise ValueError(
                f"judge.kind: unknown judge {kind!r} (judge kinds, plug-ins included: "
                f"{', '.join(kinds)}; user judges installed ({ENTRY_POINT_GROUP}, deprecated): "
                f"{', '.join(names) or 'none'}; or a 'module:attr' factory)"
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
        _deprecated(kind, eps[0].value)
    return factory


def _deprecated(kind: str, target: str) -> None:
    """A judge found through the rankdistill.judges group: used, with a DeprecationWarning and one line (once)."""
    message = (
        f"judge.kind {kind!r} is a {ENTRY_POINT_GROUP!r} entry point, a deprecated group: name its factory "
        f"(judge.kind: {target}) or register a judge kind in 'rankdistill.judge_kinds'"
    )
    warnings.warn(message, DeprecationWarning, stacklevel=3)
    if kind not in _warned:
        from .. import progress

        _warned.add(kind)
        progress.log(f"warning: {message}")


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


class CheckedJudge:
    """A judge from outside rankdistill (a user judge, a judge kind plug-in): every Ranking it gives is checked
    (the prompt's id, a score per candidate, an order of them), and what it raises is its own error, so a wrong
    answer fails the stage in one line naming it (PluginError) instead of a traceback or a silent misranking.
    Everything else (session, arank, halt, ledger) is the judge's own."""

    def __init__(self, judge: Any, where: str):
        object.__setattr__(self, "_judge", judge)
        object.__setattr__(self, "_where", where)

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._judge, name)
        if name == "arank":

            async def arank(item: Any) -> Any:
                try:
                    got = await value(item)
                except UserError:
                    raise
                except Exception as e:  # noqa: BLE001 - the judge's own bug, named
                    raise self._failed(f"raised {one_line(e)}") from e
                return self._checked(item, got)

            return arank
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._judge, name, value)  # run_judge gives it the run's ledger

    def rank(self, item: Any) -> Any:
        try:
            got = self._judge.rank(item)
        except UserError:
            raise
        except Exception as e:  # noqa: BLE001 - the judge's own bug, named
            raise self._failed(f"raised {one_line(e)}") from e
        return self._checked(item, got)

    def _failed(self, what: str) -> PluginError:
        return PluginError(f"judge {getattr(self._judge, 'name', '?')!r} ({self._where}) {what}")

    def _checked(self, item: Any, got: Any) -> Any:
        from ..records import Ranking

        k = len(item.candidates)
        if not isinstance(got, Ranking):
            raise self._failed(f"returned {got!r} for prompt {item.prompt_id!r}, not a Ranking")
        if got.prompt_id != item.prompt_id:
            raise self._failed(f"returned a ranking of prompt {got.prompt_id!r} for prompt {item.prompt_id!r}")
        scores = list(got.scores)
        if len(scores) != k or not all(isinstance(x, int | float) and not isinstance(x, bool) for x in scores):
            raise self._failed(
                f"returned {len(scores)} score(s) {scores!r} for the {k} candidates of prompt {item.prompt_id!r}"
            )
        if sorted(got.order) != list(range(k)):
            raise self._failed(f"returned the order {got.order!r} for the {k} candidates of prompt {item.prompt_id!r}")
        return got


def _saved(settings: UserJudgeSettings) -> UserJudgeSettings:
    """As files keep it: a server URL among its options (a ``base_url`` key) without credentials, as the openai
    kind saves its own."""
    from .openai_client import saved_url

    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: saved_url(v) if k == "base_url" and isinstance(v, str) else strip(v) for k, v in node.items()}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    options = strip(settings.options)
    return settings if options == settings.options else settings.model_copy(update={"options": options})


# Not in the registry (whose names are kinds): the fallback for every kind that is none of them.
USER_JUDGE = JudgeKind(
    name="module:attr",
    summary="your own judge factory, given judge.options",
    settings=UserJudgeSettings,
    make=lambda settings, ledger, seed: load_user_judge(settings),
    check=lambda settings: load_factory(settings.kind),
    saved=_saved,
)
