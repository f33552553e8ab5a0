"""Generation stage: the student samples k candidates per training prompt -> round-NN/candidates.jsonl."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import progress
from ..records import PartialJsonl, to_dict
from ..rundir import RunDir
from .backends import BACKENDS, choose_backend, explain_backend, make_generator
from .prompts import draw_pool, training_prompts

__all__ = [
    "BACKENDS",
    "choose_backend",
    "draw_pool",
    "explain_backend",
    "generate_stage",
    "make_generator",
    "training_prompts",
]

if TYPE_CHECKING:
    from ..recipe import Recipe


def generate_stage(run: RunDir, round_idx: int, recipe: Recipe) -> None:
    """Sample ``generation.k`` candidates per prompt with the previous round's student, add its greedy answer
    (``generation.greedy``) and those of the other ``generation.sources``; resumable by prompt. With
    ``preferences.skip_tied``, prompts are drawn until ``data.max_prompts`` of them have signal (draw.py)."""
    from .candidates import StudentCandidates

    if recipe.preferences.skip_tied:
        from .draw import draw_stage

        return draw_stage(run, round_idx, recipe)
    out = run.candidates(round_idx)
    prompts = training_prompts(recipe, round_idx, run)
    partial = PartialJsonl(out, key="prompt_id")
    todo = [p for p in prompts if p.prompt_id not in partial.done]
    with progress.task(
        f"round {round_idx}: generate", total=len(prompts), completed=len(prompts) - len(todo)
    ) as bar:
        with StudentCandidates(run, round_idx, recipe, prompts) as make:
            for done in make(todo):
                partial.append([to_dict(c) for c in done])
                bar.advance(len(done))
    partial.finish([p.prompt_id for p in prompts])
