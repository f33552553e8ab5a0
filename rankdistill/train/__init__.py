"""Training stage: one self-contained file per algorithm behind one dispatch table; this module files the result.

Which algorithm trains round r is ``train.schedule[r-1]`` (the last entry repeats) or ``train.algorithm``.
``dpo``, ``dpo_listwise``, ``rrhf`` and ``raft`` learn from the round's judged candidates (prefs/pairs,
prefs/lists or prefs/best);
``sft`` (the references), ``grpo`` and ``ppo`` (online: they sample and ask the judge themselves) need only the
prompts, so their rounds skip generate / judge / prefs.

Adding an algorithm: a file ``train/<name>.py`` with ``check_args(recipe)`` (fail before any work: unknown keys
and bad values of its pass-through settings) and ``train(recipe, data, adapter_out, checkpoints,
previous_adapter, label) -> dict`` (``data``: the prefs dataset it reads, or None), one row in ``TRAINERS``, and
its name in ``recipe.ALGORITHMS``. An algorithm that asks the judge while it trains (rewards) says so
(``judged``) and gets ``judge=``: the run's judge from ``judging.run_judge``, bound to the run's ledger.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ..recipe import ALGORITHMS, PER_ALGORITHM_TYPED, Recipe, RecipeError
from ..records import atomic_write_json, replace_dir
from ..rundir import STAGES, RunDir, Timer, is_main_process
from .common import PeakMemory


@dataclasses.dataclass(frozen=True)
class Trainer:
    """Where an algorithm lives and what it trains on."""

    module: str  # rankdistill/train/<module>.py, imported only when that algorithm is checked or trains
    inputs: str | None  # the round's prefs/<inputs> dataset, or None: prompts only (no generate/judge/prefs)
    judged: bool = False  # asks the judge while training (rewards): train() gets judge=


TRAINERS: dict[str, Trainer] = {
    "dpo": Trainer("dpo", "pairs"),
    "dpo_listwise": Trainer("dpo_listwise", "lists"),
    "rrhf": Trainer("rrhf", "lists"),
    "raft": Trainer("raft", "best"),
    "sft": Trainer("sft", None),
    "grpo": Trainer("grpo", None, judged=True),
    "ppo": Trainer("ppo", None, judged=True),
}
assert set(TRAINERS) == set(ALGORITHMS), "recipe.ALGORITHMS and train.TRAINERS name the same algorithms"

# Stages a round runs: all of them when it trains on judged candidates, else train and eval only.
_OFFLINE = STAGES
_PROMPTS_ONLY = ("train", "eval")


def _module(algorithm: str) -> Any:
    if algorithm not in TRAINERS:
        raise ValueError(f"train.algorithm: unknown algorithm {algorithm!r}")
    return importlib.import_module(f"{__name__}.{TRAINERS[algorithm].module}")


def algorithm_for_round(recipe: Recipe, round_idx: int) -> str:
    """The algorithm that trains round ``round_idx`` (1-based)."""
    schedule = recipe.train.schedule
    if not schedule:
        return recipe.train.algorithm
    return schedule[min(round_idx, len(schedule)) - 1]


def stages_for_round(recipe: Recipe, round_idx: int) -> tuple[str, ...]:
    """The stages round ``round_idx`` needs: sft, grpo and ppo train from prompts, not judged candidates."""
    return _OFFLINE if TRAINERS[algorithm_for_round(recipe, round_idx)].inputs else _PROMPTS_ONLY


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


def check_train_settings(recipe: Recipe, algorithms: list[str] | None = None) -> None:
    """Validate pass-through trainer settings of every algorithm the run will use, before any work."""
    used = algorithms or sorted({recipe.train.algorithm, *(recipe.train.schedule or [])})
    for algorithm in used:
        _module(algorithm).check_args(recipe_for(recipe, algorithm))


def train_with(
    recipe: Recipe,
    run: RunDir,
    round_idx: int,
    out: Path,
    checkpoints: Path,
    previous: Path | None,
    label: str,
) -> dict:
    """Train ``recipe.train.algorithm`` for round ``round_idx`` into ``out`` (a fresh directory); an algorithm
    that asks the judge gets the run's (its calls: stage "reward" of this round in the run's ledger)."""
    algorithm = recipe.train.algorithm
    module = _module(algorithm)
    trainer = TRAINERS[algorithm]
    data = run.prefs(round_idx) / trainer.inputs if trainer.inputs else None
    if not trainer.judged:
        return module.train(recipe, data, out, checkpoints, previous, label=label)
    from ..judging import run_judge

    with run_judge(run, recipe.judge, "reward", round_idx, seed=recipe.seed) as judge:
        return module.train(recipe, data, out, checkpoints, previous, label=label, judge=judge)


def train_stage(run: RunDir, round_idx: int, recipe: Recipe) -> dict:
    """Train this round's adapter from the previous round's; resumes from the last checkpoint if killed.

    Under ``accelerate launch`` every process trains; only the main one files the adapter.
    """
    algorithm = algorithm_for_round(recipe, round_idx)
    recipe = recipe_for(recipe, algorithm)
    # each round its own data order: two SFT rounds at one seed would both train on the same first items
    recipe.seed += round_idx - 1
    previous = run.student(round_idx - 1)
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
