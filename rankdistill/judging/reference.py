"""The ``reference`` judge: exact match with the reference answer, ties broken by similarity to it."""

from __future__ import annotations

from collections import Counter

from ..records import CandidateSet, Ranking
from .base import ranking_from_scores


def normalize(text: str) -> str:
    """Whitespace-normalised text: what exact match compares."""
    return " ".join(text.split())


def chrf(hypothesis: str, reference: str, max_order: int = 6, beta: float = 2.0) -> float:
    """chrF (Popović, 2015) in [0, 1]: F-beta of character n-gram precision and recall, n = 1..6, spaces removed.

    Precision and recall are averaged over the n-gram orders that both strings are long enough to have.
    """
    hyp, ref = "".join(hypothesis.split()), "".join(reference.split())
    if hyp == ref:
        return 1.0
    precisions, recalls = [], []
    for n in range(1, max_order + 1):
        h = Counter(hyp[i : i + n] for i in range(len(hyp) - n + 1))
        r = Counter(ref[i : i + n] for i in range(len(ref) - n + 1))
        if not h or not r:
            continue
        overlap = sum((h & r).values())
        precisions.append(overlap / sum(h.values()))
        recalls.append(overlap / sum(r.values()))
    if not precisions:
        return 0.0
    p, r = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    if p + r == 0:
        return 0.0
    return (1 + beta**2) * p * r / (beta**2 * p + r)


def edit_similarity(a: str, b: str) -> float:
    """1 - Levenshtein(a, b) / max(len): 1 for equal strings, 0 for nothing in common."""
    if a == b:
        return 1.0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return 1 - prev[-1] / max(len(a), len(b))


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
        return ranking_from_scores(item.prompt_id, scores, self.name)
