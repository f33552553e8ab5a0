"""Judge stage: the teacher ranks each prompt's candidates -> round-NN/rankings.jsonl."""

from __future__ import annotations

from .. import progress
from ..recipe import JudgeSettings, Recipe
from ..records import CandidateSet, PartialJsonl, read_jsonl, to_dict
from ..rundir import RunDir
from .base import Judge, ranking_from_scores

__all__ = ["Judge", "judge_stage", "make_judge", "ranking_from_scores"]


def make_judge(settings: JudgeSettings) -> Judge:
    if settings.kind == "reference":
        from .reference import ReferenceJudge

        return ReferenceJudge(settings.similarity)
    raise ValueError(f"judge.kind: unknown judge {settings.kind!r}")


def judge_stage(run: RunDir, round_idx: int, recipe: Recipe) -> None:
    """Rank every prompt's candidates; resumable by prompt."""
    items = [CandidateSet.from_dict(d) for d in read_jsonl(run.candidates(round_idx))]
    partial = PartialJsonl(run.rankings(round_idx), key="prompt_id")
    judge = make_judge(recipe.judge)
    todo = [it for it in items if it.prompt_id not in partial.done]
    with progress.task(
        f"round {round_idx}: judge", total=len(items), completed=len(items) - len(todo)
    ) as bar:
        for item in todo:
            partial.append([to_dict(judge.rank(item))])
            bar.advance()
    partial.finish([it.prompt_id for it in items])
