"""The ``ensemble`` judge: several judges rank the same candidates; Borda count, mean score or majority vote.

Members that abstain on a prompt (or on a candidate) are left out of that vote rather than counted as zero.
A candidate passes the ensemble's pass/fail (``Ranking.passed``) when it passes every member that has one (a
member without a pass/fail, such as an LLM judge's scores, does not vote); the ensemble has none when no member
has one.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import math
from collections.abc import AsyncIterator
from typing import Any, Literal

from pydantic import ConfigDict, Field, model_validator

from ..records import CandidateSet, Ranking
from .base import JudgeKind, StoppableSettings, ranking_from_scores
from .kinds import JudgeSection, check_row, make_judge, uses_ledger


class EnsembleSettings(StoppableSettings):
    model_config = ConfigDict(defer_build=True)  # its members' schema needs every judge kind registered
    kind: Literal["ensemble"] = Field("ensemble", description="Several judges combined into one ranking.")
    members: list[JudgeSection] = Field(
        default_factory=list,
        description="The judges combined (each a judge section of its own; two or more).",
    )
    aggregate: Literal["borda", "mean_score", "majority"] = Field(
        "borda", description="Borda count, mean normalised score, or pairwise majority vote."
    )

    @model_validator(mode="after")
    def _two_or_more(self) -> EnsembleSettings:
        if len(self.members) < 2:
            raise ValueError("judge.members: an ensemble needs at least two member judges")
        return self

    def resolve_paths(self) -> None:
        for member in self.members:
            member.resolve_paths()


def _valid(s: float) -> bool:
    return not math.isnan(s)


def borda(scores: list[list[float]], k: int) -> list[float]:
    """Mean Borda points: per member, the candidates a candidate beats, plus half of those it ties."""
    out = []
    for i in range(k):
        pts = [
            sum((s[i] > s[j]) + 0.5 * (s[i] == s[j]) for j in range(k) if j != i and _valid(s[j]))
            for s in scores
            if _valid(s[i])
        ]
        out.append(sum(pts) / len(pts) if pts else math.nan)
    return out


def mean_score(scores: list[list[float]], k: int) -> list[float]:
    """Mean of each member's scores min-max normalised to [0, 1] per prompt (all equal -> 0.5)."""
    norm = []
    for s in scores:
        v = [x for x in s if _valid(x)]
        lo, hi = (min(v), max(v)) if v else (0.0, 0.0)
        norm.append([math.nan if not _valid(x) else (0.5 if hi == lo else (x - lo) / (hi - lo)) for x in s])
    out = []
    for i in range(k):
        v = [n[i] for n in norm if _valid(n[i])]
        out.append(sum(v) / len(v) if v else math.nan)
    return out


def majority(scores: list[list[float]], k: int) -> list[float]:
    """Copeland score of pairwise majority votes: a pair's majority winner gets 1, no majority 0.5 each."""
    pts, seen = [0.0] * k, [0] * k
    for i, j in itertools.combinations(range(k), 2):
        votes = [(s[i] > s[j]) - (s[i] < s[j]) for s in scores if _valid(s[i]) and _valid(s[j])]
        if not votes:
            continue
        net = sum(votes)
        pts[i] += 1.0 if net > 0 else 0.0 if net < 0 else 0.5
        pts[j] += 1.0 if net < 0 else 0.0 if net > 0 else 0.5
        seen[i] += 1
        seen[j] += 1
    return [pts[i] / seen[i] if seen[i] else math.nan for i in range(k)]


AGGREGATES = {"borda": borda, "mean_score": mean_score, "majority": majority}


def combine(prompt_id: str, rankings: list[Ranking], aggregate: str, name: str) -> Ranking:
    k = len(rankings[0].scores)
    scores = [r.scores for r in rankings if not r.abstained]
    combined = AGGREGATES[aggregate](scores, k) if scores else [math.nan] * k
    ranking = ranking_from_scores(prompt_id, combined, name)
    ranking.consistent = all(r.consistent for r in rankings)
    verdicts = [r.passed for r in rankings if r.passed is not None]
    if verdicts:  # a candidate passes when it passes every member that has a pass/fail criterion
        ranking.passed = [all(v[i] for v in verdicts) for i in range(k)]
    return ranking


class EnsembleJudge:
    def __init__(self, members: list[Any], aggregate: str = "borda"):
        self.members = members
        self.aggregate = aggregate
        self.name = f"ensemble/{aggregate}[{', '.join(m.name for m in members)}]"

    def halt(self, on: bool = True) -> None:
        """Halt (or resume) every member that can be: no new calls, those in flight finish."""
        for m in self.members:
            if hasattr(m, "halt"):
                m.halt(on)

    def rank(self, item: CandidateSet) -> Ranking:
        return combine(item.prompt_id, [m.rank(item) for m in self.members], self.aggregate, self.name)

    @contextlib.asynccontextmanager
    async def session(self) -> AsyncIterator[None]:
        async with contextlib.AsyncExitStack() as stack:
            for m in self.members:
                if hasattr(m, "session"):
                    await stack.enter_async_context(m.session())
            yield

    async def arank(self, item: CandidateSet) -> Ranking:
        async def one(m: Any) -> Ranking:
            return await m.arank(item) if hasattr(m, "arank") else m.rank(item)

        from .llm import raise_failure  # every member's calls finish (and are cached) before a failure counts

        rankings = raise_failure(
            await asyncio.gather(*(one(m) for m in self.members), return_exceptions=True)
        )
        return combine(item.prompt_id, list(rankings), self.aggregate, self.name)


def _make(settings: EnsembleSettings, ledger: Any, seed: int) -> EnsembleJudge:
    return EnsembleJudge([make_judge(m, ledger, seed) for m in settings.members], settings.aggregate)


def _uses_ledger(settings: EnsembleSettings) -> bool:
    return any(uses_ledger(m) for m in settings.members)


def _check_row(settings: EnsembleSettings, row: dict[str, Any]) -> dict[str, Any] | None:
    """The verdicts of the members that give one on an answer alone (None: no member does): passed when it passes
    all of them; their other keys merged, the first member's winning."""
    verdicts = [v for v in (check_row(m, row) for m in settings.members) if v is not None]
    if not verdicts:
        return None
    out: dict[str, Any] = {}
    for v in reversed(verdicts):
        out.update(v)
    out["passed"] = all(v["passed"] for v in verdicts)
    return out


JUDGE_KIND = JudgeKind(
    name="ensemble",
    summary="judge.members (judge sections of any kind) combined by Borda count, mean score or majority vote",
    settings=EnsembleSettings,
    make=_make,
    uses_ledger=_uses_ledger,
    check_row=_check_row,
)
