"""The ``reference`` judge: exact match with the reference answer, ties broken by similarity to it."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..metrics import chrf, edit_similarity, normalize
from ..records import CandidateSet, Ranking
from .base import JudgeKind, JudgeKindSettings, ranking_from_scores

__all__ = ["ReferenceJudge", "ReferenceSettings", "chrf", "edit_similarity", "normalize"]


class ReferenceSettings(JudgeKindSettings):
    kind: Literal["reference"] = Field("reference", description="Exact match with the reference answer.")
    similarity: Literal["chrf", "edit_distance"] = Field(
        "chrf",
        description="Breaks ties between non-exact candidates: chrF or normalised edit distance to the reference.",
    )


class ReferenceJudge:
    """Score = exact match (0 or 1) + similarity in [0, 1], so an exact match always ranks first."""

    def __init__(self, similarity: str = "chrf"):
        self.similarity = {"chrf": chrf, "edit_distance": edit_similarity}[similarity]
        self.name = f"reference/{similarity}"

    def score(self, candidate: str, reference: str) -> float:
        c, r = normalize(candidate), normalize(reference)
        return float(c == r) + self.similarity(c, r)

    def rank(self, item: CandidateSet) -> Ranking:
        if item.reference is None:
            raise ValueError(f"prompt {item.prompt_id}: the reference judge needs a reference answer")
        scores = [self.score(c.text, item.reference) for c in item.candidates]
        ranking = ranking_from_scores(item.prompt_id, scores, self.name)
        ranking.passed = [normalize(c.text) == normalize(item.reference) for c in item.candidates]
        return ranking


def _make(settings: ReferenceSettings, ledger: Any, seed: int) -> ReferenceJudge:
    return ReferenceJudge(settings.similarity)


JUDGE_KIND = JudgeKind(
    name="reference",
    summary="exact match with the prompt's reference answer, ties broken by chrF or edit distance (no calls)",
    settings=ReferenceSettings,
    make=_make,
    reads_reference=True,
)
