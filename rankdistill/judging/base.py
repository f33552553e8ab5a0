"""The Judge protocol and the one way scores become a Ranking (order, ties, abstentions)."""

from __future__ import annotations

import math
from typing import Protocol

from ..records import CandidateSet, Ranking


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
