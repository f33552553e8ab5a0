"""Training stage: one self-contained file per algorithm; this module only dispatches and files the result."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ..recipe import Recipe
from ..records import replace_dir
from ..rundir import RunDir


def check_train_settings(recipe: Recipe) -> None:
    """Validate pass-through trainer settings before a run spends time generating."""
    if recipe.train.algorithm == "dpo":
        from .dpo import check_args

        check_args(recipe)


def train_stage(run: RunDir, round_idx: int, recipe: Recipe) -> dict:
    """Train this round's adapter from the previous round's; resumes from the last checkpoint if killed."""
    previous = run.adapter(round_idx - 1) if round_idx > 1 else None
    final = run.adapter(round_idx)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".adapter-", dir=final.parent))
    try:
        if recipe.train.algorithm == "dpo":
            from .dpo import train_dpo

            result = train_dpo(
                recipe,
                run.prefs(round_idx) / "pairs",
                tmp,
                run.checkpoints(round_idx),
                previous,
                label=f"round {round_idx}: train",
            )
        else:
            raise ValueError(f"train.algorithm: unknown algorithm {recipe.train.algorithm!r}")
        replace_dir(tmp, final)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(run.checkpoints(round_idx), ignore_errors=True)  # the adapter is what later rounds need
    return result
