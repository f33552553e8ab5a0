"""Generation stage: the student samples k candidates per training prompt -> round-NN/candidates.jsonl."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import progress
from ..data import Prompt, load_prompts
from ..records import PartialJsonl, read_json, to_dict
from ..rundir import RunDir
from .backends import BACKENDS, choose_backend, explain_backend, make_generator

__all__ = [
    "BACKENDS",
    "choose_backend",
    "draw_pool",
    "explain_backend",
    "generate_stage",
    "make_generator",
    "training_prompts",
]

if TYPE_CHECKING:  # the recipe schema imports this module: no runtime import of it
    from ..recipe import Recipe


def _shuffled_prompts(recipe: Recipe) -> list[Prompt]:
    """Every training prompt, shuffled (seeded) when data.shuffle, with the run's task prefix."""
    from ..judging.kinds import reads_reference
    from ..train import task_prefix

    return load_prompts(
        recipe.data.train,
        recipe.data,
        shuffle_seed=recipe.seed if recipe.data.shuffle else None,
        need_reference=reads_reference(recipe.judge) or "reference" in recipe.generation.sources,
        prefix=task_prefix(recipe),
    )


def prompts_before(run: RunDir | None, round_idx: int, n: int) -> int:
    """Where round ``round_idx`` starts in the shuffled training set: after the ``n`` prompts each earlier round
    took, or the prompts dynamic sampling drew in it (its draw.json), so rounds do not share prompts until the
    set wraps around."""
    total = 0
    for q in range(1, round_idx):
        path = run.draws(q) if run is not None else None
        total += read_json(path)["drawn"] if path is not None and path.exists() else n
    return total


def training_prompts(recipe: Recipe, round_idx: int | None = None, run: RunDir | None = None) -> list[Prompt]:
    """The training prompts, shuffled (seeded); for round ``round_idx``, its window of ``data.max_prompts``.

    Each round takes the next ``max_prompts`` of the shuffled set (wrapping around; after a round that drew more
    with preferences.skip_tied, after those too), so successive preference rounds learn from fresh prompts;
    without a round (SFT) every prompt.
    """
    prompts = _shuffled_prompts(recipe)
    n = recipe.data.max_prompts
    if round_idx is None or not n or n >= len(prompts):
        return prompts
    start = prompts_before(run, round_idx, n) % len(prompts)
    return (prompts + prompts)[start : start + n]


def draw_pool(recipe: Recipe, round_idx: int, run: RunDir) -> list[Prompt]:
    """preferences.skip_tied: the prompts round ``round_idx`` may draw, in order: from where its window starts, at
    most ``max_draw`` × ``data.max_prompts`` of them, each once."""
    prompts = _shuffled_prompts(recipe)
    n = recipe.data.max_prompts or len(prompts)
    size = min(len(prompts), recipe.preferences.max_draw * n)
    start = prompts_before(run, round_idx, n) % len(prompts) if n < len(prompts) else 0
    return (prompts + prompts)[start : start + size]


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
