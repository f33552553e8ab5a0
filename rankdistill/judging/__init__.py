"""Judge stage: the teacher ranks each prompt's candidates -> round-NN/rankings.jsonl."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from .. import progress
from ..recipe import JudgeSettings, Recipe
from ..records import CandidateSet, PartialJsonl, read_jsonl, to_dict
from ..rundir import RunDir
from .base import Judge, ranking_from_scores
from .ledger import CostLimitReached, Ledger

__all__ = ["CostLimitReached", "Judge", "Ledger", "judge_stage", "make_judge", "ranking_from_scores"]


def ledger_path(run: RunDir) -> Path:
    return run.root / "ledger.sqlite"


def make_judge(settings: JudgeSettings, ledger: Ledger | None = None, seed: int = 0) -> Judge:
    """The judge a recipe's ``judge`` section describes; LLM judges record their calls in ``ledger``."""
    if settings.kind == "reference":
        from .reference import ReferenceJudge

        return ReferenceJudge(settings.similarity)
    if settings.kind == "openai":
        from .llm import LLMJudge
        from .openai_backend import OpenAIBackend
        from .templates import load_template

        return LLMJudge(
            OpenAIBackend(settings),
            load_template(settings.template),
            ledger=ledger,
            concurrency=settings.concurrency,
            seed=seed,
        )
    if settings.kind == "local":
        from .local import LocalJudge

        return LocalJudge(settings, ledger=ledger, seed=seed)
    if settings.kind == "ensemble":
        from .ensemble import EnsembleJudge

        return EnsembleJudge([make_judge(m, ledger, seed) for m in settings.members], settings.aggregate)
    from .plugins import load_user_judge

    return load_user_judge(settings)


def rank_items(judge: Any, items: list[CandidateSet], on_result: Any) -> None:
    """Rank concurrently when the judge can (``session`` + ``arank``), one by one otherwise."""
    if hasattr(judge, "arank") and hasattr(judge, "session"):
        from .llm import rank_all

        asyncio.run(rank_all(judge, items, on_result))
    else:
        for item in items:
            on_result(judge.rank(item))


def judge_stage(run: RunDir, round_idx: int, recipe: Recipe) -> None:
    """Rank every prompt's candidates; resumable by prompt, and by call through the ledger.

    When judge.max_cost is reached the finished rankings are kept, the stage is left unfinished and
    CostLimitReached is raised: the same command resumes once the limit is raised.
    """
    items = [CandidateSet.from_dict(d) for d in read_jsonl(run.candidates(round_idx))]
    partial = PartialJsonl(run.rankings(round_idx), key="prompt_id")
    todo = [it for it in items if it.prompt_id not in partial.done]
    ledger = None
    if recipe.judge.kind != "reference":
        ledger = Ledger(ledger_path(run), max_cost=recipe.judge.max_cost)
        ledger.round = round_idx
    try:
        judge = make_judge(recipe.judge, ledger, seed=recipe.seed)
        with progress.task(
            f"round {round_idx}: judge", total=len(items), completed=len(items) - len(todo)
        ) as bar:

            def done(ranking: Any) -> None:
                partial.append([to_dict(ranking)])
                bar.advance()

            rank_items(judge, todo, done)
    finally:
        if ledger is not None:
            ledger.close()
    partial.finish([it.prompt_id for it in items])
