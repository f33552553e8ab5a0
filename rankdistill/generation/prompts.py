"""The training prompts a round takes: the whole set shuffled (seeded) with the run's task prefix, each round's
window of ``data.max_prompts``, and the pool dynamic sampling draws from (preferences.skip_tied)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..data import Prompt, load_prompts
from ..records import read_json
from ..rundir import RunDir

if TYPE_CHECKING:
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
