"""The Judge protocol, the one way scores become a Ranking (order, ties, abstentions), and what a judge kind is:
its own settings class (``JudgeKindSettings``) and its entry in the registry of judge kinds (``JudgeKind``): the
contract a new kind implements, and all that the stages ask of one (how to make it, check it, probe it, how many
calls it has in flight, what it may spend and abstain on, and its credentials: kept out of files, handed to child
processes)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from pydantic import Field

from ..records import CandidateSet, Ranking
from ..settings import Settings

DEFAULT_MAX_ABSTAIN_RATE = 0.5  # also the limit of a kind that has no judge.max_abstain_rate
DEFAULT_CONCURRENCY = 8  # calls in flight at once, for a kind that does not say
MIN_RANKINGS_FOR_ABSTAIN_CHECK = 20  # stopping early on abstentions needs this many; the end checks all of them


class Judge(Protocol):
    """Ranks the k candidates of one prompt."""

    name: str

    def rank(self, item: CandidateSet) -> Ranking: ...


def ranking_from_scores(prompt_id: str, scores: list[float], judge: str, tol: float = 1e-9) -> Ranking:
    """Order candidates by score (best first); equal scores form explicit tie groups; NaN = abstained, ranked last."""
    valid = [i for i, s in enumerate(scores) if not math.isnan(s)]
    order = sorted(valid, key=lambda i: -scores[i]) + [i for i in range(len(scores)) if i not in valid]
    ties: list[list[int]] = []
    group = [order[0]] if valid else []
    for i in order[1 : len(valid)]:
        if abs(scores[i] - scores[group[-1]]) <= tol:
            group.append(i)
        else:
            if len(group) > 1:
                ties.append(sorted(group))
            group = [i]
    if len(group) > 1:
        ties.append(sorted(group))
    return Ranking(prompt_id, order, list(scores), ties, judge, abstained=not valid)


class JudgeKindSettings(Settings):
    """The base of a judge kind's settings: a recipe's ``judge`` section (or an ensemble member) is validated by
    the class of its ``kind``, so a key of another kind is an error naming it.

    ``operational``: the keys that may change when a run resumes (how the judge is reached and paid for, not
    what it answers)."""

    operational: ClassVar[frozenset[str]] = frozenset()
    kind: str = Field(description="Who ranks candidates (each kind narrows this to its own name).")

    @classmethod
    def _check_kind(cls, kind: Any, kinds: list[str]) -> None:
        """Refuse a kind before its keys are looked at (user judges: one that is not installed); ``kinds``: the
        registered judge kinds' names."""

    def resolve_paths(self) -> None:
        """Make the files it names absolute, so a run directory works from any directory (default: none)."""


class StoppableSettings(JudgeKindSettings):
    """A kind that makes model calls: its judge stage stops at a cost or when too many of its rankings abstain
    (every kind but reference). Both may change when a run resumes."""

    operational: ClassVar[frozenset[str]] = frozenset({"max_cost", "max_abstain_rate"})
    max_cost: float | None = Field(
        None, gt=0, description="Stop judging cleanly once this many dollars are spent (None: no limit)."
    )
    max_abstain_rate: float = Field(
        DEFAULT_MAX_ABSTAIN_RATE,
        ge=0,
        le=1,
        description="Stop the judge stage (unfinished, resumable) when more than this share of rankings abstained.",
    )



def walk(settings: JudgeKindSettings) -> Iterator[JudgeKindSettings]:
    """A judge section and every judge section inside it (an ensemble's members), depth first."""
    yield settings
    for name in type(settings).model_fields:
        value = getattr(settings, name)
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, JudgeKindSettings):
                yield from walk(v)


def _nothing(settings: Any) -> None:
    return None


@dataclass(frozen=True)
class Limits:
    """What the stages need to run a judge and to stop it: its calls in flight at once, the dollars it may spend
    (None: no cap), the share of rankings it may abstain on before its stage stops."""

    concurrency: int = DEFAULT_CONCURRENCY
    max_cost: float | None = None
    max_abstain_rate: float = DEFAULT_MAX_ABSTAIN_RATE


def default_limits(settings: Any) -> Limits:
    """A kind's limits when it declares none: a StoppableSettings' cost cap and abstention limit, else none."""
    if isinstance(settings, StoppableSettings):
        return Limits(max_cost=settings.max_cost, max_abstain_rate=settings.max_abstain_rate)
    return Limits()


def default_saved(settings: Any) -> Any:
    """A kind's saved form when it declares none: every field holding a URL with credentials (user:password, a
    query or a fragment, where keys hide) kept without them (urls.public_url), so a plug-in that forgets ``saved``
    still writes no key into a file. (Such a run resumes only if the kind lists that field as operational.)"""
    from ..urls import carries_credentials, public_url

    values = {n: getattr(settings, n) for n in type(settings).model_fields}
    update = {
        n: public_url(v) for n, v in values.items() if isinstance(v, str) and "://" in v and carries_credentials(v)
    }
    return settings.model_copy(update=update) if update else settings


def _no_environment(settings: Any) -> dict[str, str]:
    return {}


@dataclass(frozen=True)
class JudgeKind:
    """One kind of judge: a module's ``JUDGE_KIND`` in rankdistill/judging/, or a ``rankdistill.judge_kinds``
    entry point (``toy = "my_pkg.toy:JUDGE_KIND"``).

    make(settings, ledger, seed) -> Judge: the judge (calls that cost go through ``ledger`` when given).
    check(settings): what can be checked before any model loads or call is made (a package, an API key).
    probe(settings): one free call made before any paid call or model load (the server is there, takes the key).
    uses_ledger: whether its calls go through the run's ledger (bool, or a function of the settings).
    reads_reference: it ranks by the prompt's reference answer, so data.reference_field is needed.
    answers: its judge can write its own answer to a prompt (``answer()``: generation.sources teacher, label).
    check_row(settings, row) -> dict: its verdict on one prediction row of the eval stage (``prediction``,
    ``input``, ``reference`` and the data row's own fields), added to the row for the metrics: ``passed`` (bool:
    its pass/fail criterion), and anything else it knows (the checks judge: ``checks``, ``coverage``); None (as
    the hook, or as its answer for these settings): no verdict on one answer alone.
    limits(settings) -> Limits: its calls in flight, cost cap and abstention limit (default: a StoppableSettings'
    max_cost and max_abstain_rate, else none).
    saved(settings) -> settings: the settings as files keep them (recipe.yaml, the manifest): without the
    credentials some of its values may hold (openai: user:password or a key in base_url's query). Default: every
    URL-valued field without credentials, query or fragment (default_saved).
    environment(settings) -> dict: what a child process (compare's runs) needs in its environment to reach the
    judge as this process does, credentials included, since the files it reads hold none. Default: nothing.
    (An ensemble's members are saved and handed over by their own kinds: kinds.saved, kinds.child_environment.)
    """

    name: str
    summary: str
    settings: type[JudgeKindSettings]
    make: Callable[[Any, Any, int], Judge]
    check: Callable[[Any], None] = _nothing
    probe: Callable[[Any], None] = _nothing
    uses_ledger: bool | Callable[[Any], bool] = False
    reads_reference: bool = False
    answers: bool = False
    check_row: Callable[[Any, dict[str, Any]], dict[str, Any] | None] | None = None
    limits: Callable[[Any], Limits] = default_limits
    saved: Callable[[Any], Any] = default_saved
    environment: Callable[[Any], dict[str, str]] = _no_environment
