"""Training stage: one self-contained file per algorithm; this module only dispatches and files the result.

Which algorithm trains round r is ``train.schedule[r-1]`` (the last entry repeats) or ``train.algorithm``.
``dpo`` and ``rrhf`` learn from the round's judged candidates; ``sft`` (the references) and ``grpo`` (online:
it samples and asks the judge itself) need only the prompts, so their rounds skip generate / judge / prefs.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ..recipe import Recipe, RecipeError
from ..records import atomic_write_json, replace_dir
from ..rundir import STAGES, RunDir, Timer
from .common import PeakMemory, is_main_process

# Stages a round runs, by the algorithm that trains it.
_OFFLINE = STAGES
_PROMPTS_ONLY = ("train", "eval")


def algorithm_for_round(recipe: Recipe, round_idx: int) -> str:
    """The algorithm that trains round ``round_idx`` (1-based)."""
    schedule = recipe.train.schedule
    if not schedule:
        return recipe.train.algorithm
    return schedule[min(round_idx, len(schedule)) - 1]


def stages_for_round(recipe: Recipe, round_idx: int) -> tuple[str, ...]:
    """The stages round ``round_idx`` needs: sft and grpo train from prompts, not judged candidates."""
    return _PROMPTS_ONLY if algorithm_for_round(recipe, round_idx) in ("sft", "grpo") else _OFFLINE


# Typed train fields an algorithm may set for itself in train.per_algorithm (e.g. SFT at a higher learning rate
# and for more steps than the DPO rounds after it, as Zephyr's dSFT and dDPO differ).
PER_ALGORITHM_TYPED = (
    "max_steps",
    "learning_rate",
    "batch_size",
    "gradient_accumulation_steps",
    "save_steps",
)


def recipe_for(recipe: Recipe, algorithm: str) -> Recipe:
    """A copy of ``recipe`` that trains ``algorithm``: its typed overrides from train.per_algorithm applied, and
    its pass-through args in train.args."""
    from pydantic import ValidationError

    args: dict[str, Any] = dict(recipe.train.args) if algorithm == recipe.train.algorithm else {}
    own = dict(recipe.train.per_algorithm.get(algorithm, {}))
    typed = {k: own.pop(k) for k in PER_ALGORITHM_TYPED if k in own}
    args.update(own)
    out = recipe.model_copy(deep=True)
    out.train.algorithm = algorithm
    out.train.args = args
    for key, value in typed.items():
        try:
            setattr(out.train, key, value)  # validated like the field itself
        except ValidationError as e:
            raise RecipeError(
                f"train.per_algorithm.{algorithm}.{key}: {e.errors()[0]['msg']} (got {value!r})"
            ) from None
    return out


def _check_one(recipe: Recipe) -> None:
    algorithm = recipe.train.algorithm
    if algorithm == "dpo":
        from .dpo import check_args

        check_args(recipe)
    elif algorithm == "rrhf":
        from .rrhf import check_args as check_rrhf

        check_rrhf(recipe.train.args)
    elif algorithm == "sft":
        from .sft import check_args as check_sft

        check_sft(recipe.train.args)
    elif algorithm == "grpo":
        from .grpo import check_args as check_grpo

        check_grpo(recipe.train.args)


def check_train_settings(recipe: Recipe, algorithms: list[str] | None = None) -> None:
    """Validate pass-through trainer settings of every algorithm the run will use, before any work."""
    used = algorithms or sorted({recipe.train.algorithm, *(recipe.train.schedule or [])})
    for algorithm in used:
        _check_one(recipe_for(recipe, algorithm))


def train_with(
    recipe: Recipe,
    run: RunDir,
    round_idx: int,
    out: Path,
    checkpoints: Path,
    previous: Path | None,
    label: str,
) -> dict:
    """Train ``recipe.train.algorithm`` for round ``round_idx`` into ``out`` (a fresh directory)."""
    algorithm = recipe.train.algorithm
    if algorithm == "dpo":
        from .dpo import train_dpo

        return train_dpo(recipe, run.prefs(round_idx) / "pairs", out, checkpoints, previous, label=label)
    if algorithm == "rrhf":
        from .rrhf import train_rrhf

        return train_rrhf(recipe, run.prefs(round_idx) / "lists", out, checkpoints, previous, label=label)
    if algorithm == "sft":
        from .sft import train_sft

        return train_sft(recipe, out, checkpoints, previous, label=label)
    if algorithm == "grpo":
        from .grpo import train_grpo

        return train_grpo(recipe, out, checkpoints, previous, label=label)
    raise ValueError(f"train.algorithm: unknown algorithm {algorithm!r}")


def train_stage(run: RunDir, round_idx: int, recipe: Recipe) -> dict:
    """Train this round's adapter from the previous round's; resumes from the last checkpoint if killed.

    Under ``accelerate launch`` every process trains; only the main one files the adapter.
    """
    algorithm = algorithm_for_round(recipe, round_idx)
    recipe = recipe_for(recipe, algorithm)
    previous = run.adapter(round_idx - 1) if round_idx > 1 else None
    final = run.adapter(round_idx)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".adapter-", dir=final.parent))
    try:
        with PeakMemory() as memory, Timer() as timer:
            result = train_with(
                recipe,
                run,
                round_idx,
                tmp,
                run.checkpoints(round_idx),
                previous,
                label=f"round {round_idx}: train ({algorithm})",
            )
        if is_main_process():
            # what `rankdistill compare` reports beside the metrics
            stats = {
                "algorithm": algorithm,
                "seconds": round(timer.seconds, 2),
                "steps": recipe.train.max_steps,
                "peak_memory_mb": round(memory.peak_mb, 1),
                "memory_kind": memory.kind,
                "quantization": recipe.student.quantization,
                "processes": int(os.environ.get("WORLD_SIZE", 1)),  # > 1 under accelerate launch
            }
            atomic_write_json(tmp / "train_stats.json", stats)
            replace_dir(tmp, final)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if is_main_process():
        shutil.rmtree(run.checkpoints(round_idx), ignore_errors=True)  # the adapter is what later rounds need
    return {**result, "algorithm": algorithm}
