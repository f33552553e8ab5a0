"""Training stage: one self-contained file per algorithm, found by the ALGORITHMS registry; this module files the
result.

Which algorithm trains round r is ``train.schedule[r-1]`` (the last entry repeats) or ``train.algorithm``. An
algorithm that reads a prefs dataset (``reads``: a shape of shapes.SHAPES: pairs, lists, best) learns from the
round's judged candidates; one that reads none (sft: the references; grpo and ppo: online, they sample and ask the
judge themselves) needs only the prompts, so its rounds skip generate / judge / prefs.

Adding an algorithm is adding one file, ``train/<name>.py``, with ``ALGORITHM = common.Algorithm(...)``: its
name, its settings (a ``common.AlgorithmSettings`` subclass: its section ``train.per_algorithm.<name>`` of the
recipe), what it reads, its config class for pass-through args, and ``train(job) -> dict`` (most call
``common.fit``, the skeleton every Trainer-based algorithm shares). Plug-ins register through the
``rankdistill.algorithms`` entry-point group.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..records import atomic_write_json, replace_dir
from ..registry import Registry
from ..rundir import STAGES, RunDir, Timer, is_main_process
from ..shapes import no_training_reason
from .common import TRAIN_FIELDS, Algorithm, PeakMemory, TrainJob, check_algorithm

if TYPE_CHECKING:
    from ..recipe import Recipe

ALGORITHMS: Registry[Algorithm] = Registry(
    "algorithm", group="rankdistill.algorithms", package=__name__, attr="ALGORITHM", check=check_algorithm
)


def algorithm_for_round(recipe: Recipe, round_idx: int) -> str:
    """The algorithm that trains round ``round_idx`` (1-based)."""
    schedule = recipe.train.schedule
    if not schedule:
        return recipe.train.algorithm
    return schedule[min(round_idx, len(schedule)) - 1]


def algorithms_used(recipe: Recipe) -> list[str]:
    """Every algorithm a run of ``recipe`` trains (its schedule, else train.algorithm)."""
    return list(dict.fromkeys(recipe.train.schedule or [recipe.train.algorithm]))


def task_prefix(recipe: Recipe) -> str:
    """What goes before the user message of every prompt the student answers (training, generation, evaluation,
    every round alike): the first prefix an algorithm declares for the recipe (sft with data.rationale_field: its
    predict prefix), else nothing."""
    for algorithm in ALGORITHMS:
        if algorithm.prompt_prefix is not None:
            prefix = algorithm.prompt_prefix(recipe, getattr(recipe.train.per_algorithm, algorithm.name))
            if prefix:
                return prefix
    return ""


def stages_for_round(recipe: Recipe, round_idx: int) -> tuple[str, ...]:
    """The stages round ``round_idx`` runs: all of them when its algorithm learns from judged candidates, else
    the ones every round runs (train, eval)."""
    reads = ALGORITHMS.get(algorithm_for_round(recipe, round_idx)).reads
    return tuple(s.name for s in STAGES if reads or not s.candidates)


def recipe_for(recipe: Recipe, algorithm: str) -> Recipe:
    """A copy of ``recipe`` that trains ``algorithm``: train.max_steps ... train.save_steps as its section of
    train.per_algorithm sets them, and train.args its pass-through args (its section's, plus train.args when it is
    train.algorithm)."""
    own = getattr(recipe.train.per_algorithm, algorithm)
    args = {**own.args, **(recipe.train.args if algorithm == recipe.train.algorithm else {})}
    out = recipe.model_copy(deep=True)
    typed = {k: getattr(own, k) for k in TRAIN_FIELDS if getattr(own, k) is not None}
    # values validated already (the recipe's, its section's): no schedule, this copy trains one algorithm
    out.train.__dict__.update(schedule=None, algorithm=algorithm, args=args, **typed)
    return out


def check_train_settings(recipe: Recipe, algorithms: list[str] | None = None) -> None:
    """Before any work: the pass-through settings of every algorithm the run will use."""
    for name in algorithms or algorithms_used(recipe):
        ALGORITHMS.get(name).check(recipe_for(recipe, name))


def train_with(
    recipe: Recipe,
    run: RunDir,
    round_idx: int,
    out: Path,
    checkpoints: Path,
    previous: Path | None,
    label: str,
) -> dict:
    """Train ``recipe.train.algorithm`` (``recipe`` from recipe_for) for round ``round_idx`` into ``out`` (a fresh
    directory); an algorithm that asks the judge gets the run's (its calls: stage "reward" of this round in the
    run's ledger)."""
    algorithm = ALGORITHMS.get(recipe.train.algorithm)
    data = run.prefs(round_idx) / algorithm.reads if algorithm.reads else None
    where = {"run": run, "round_idx": round_idx}
    if not algorithm.judged:
        return run_algorithm(recipe, data, out, checkpoints, previous, label, **where)
    from ..judging import run_judge

    with run_judge(run, recipe.judge, "reward", round_idx, seed=recipe.seed) as judge:
        return run_algorithm(recipe, data, out, checkpoints, previous, label, judge, **where)


def run_algorithm(
    recipe: Recipe,
    data: Path | None,
    out: Path,
    checkpoints: Path,
    previous: Path | None,
    label: str = "train",
    judge: Any = None,
    run: RunDir | None = None,
    round_idx: int | None = None,
) -> dict:
    """One round of ``recipe.train.algorithm`` (``recipe`` from recipe_for) on ``data`` (its prefs dataset, or
    None), into ``out``; first a RuntimeError with its shape's reason when ``data`` holds nothing to train on, and
    its settings checked. ``run`` / ``round_idx``: the run and round it trains (kd's server teacher keeps its
    targets in the round's directory and its calls in the run's ledger)."""
    algorithm = ALGORITHMS.get(recipe.train.algorithm)
    empty = no_training_reason(data.parent, algorithm.reads, algorithm.name) if algorithm.reads and data else None
    if empty:  # (the loop skips such a round before it gets here)
        raise RuntimeError(f"{data}: {empty}")
    algorithm.check(recipe)
    job = TrainJob(algorithm, recipe, data, out, checkpoints, previous, label, judge, run, round_idx)
    return algorithm.train(job)


def train_stage(run: RunDir, round_idx: int, recipe: Recipe) -> dict:
    """Train this round's adapter from the previous round's; resumes from the last checkpoint if killed. A round
    whose prefs hold nothing its algorithm can learn from (every ranking tied or abstained) carries the student
    over unchanged.

    Under ``accelerate launch`` every process trains; only the main one files the adapter.
    """
    algorithm = algorithm_for_round(recipe, round_idx)
    reads = ALGORITHMS.get(algorithm).reads
    skip = no_training_reason(run.prefs(round_idx), reads, algorithm) if reads else None
    if skip:
        return carry_over_student(run, round_idx, recipe, skip)
    from .guards import NothingLearned

    recipe = recipe_for(recipe, algorithm)
    # each round its own data order: two SFT rounds at one seed would both train on the same first items
    recipe.seed += round_idx - 1
    previous = run.student(round_idx - 1)
    final = run.adapter(round_idx)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".adapter-", dir=final.parent))
    try:
        with PeakMemory() as memory, Timer() as timer:
            try:
                result = train_with(
                    recipe,
                    run,
                    round_idx,
                    tmp,
                    run.checkpoints(round_idx),
                    previous,
                    label=f"round {round_idx}: train ({algorithm})",
                )
            except NothingLearned as nothing:  # an online round whose rewards were all 0: not trained
                skipped = carry_over_student(run, round_idx, recipe, nothing.reason) if is_main_process() else {}
                if is_main_process():
                    shutil.rmtree(run.checkpoints(round_idx), ignore_errors=True)
                return {**skipped, "algorithm": algorithm}
        if is_main_process():
            # what `rankdistill compare` reports beside the metrics
            stats = {
                "algorithm": algorithm,
                "seconds": round(timer.seconds, 2),
                "steps": recipe.train.max_steps,
                "examples": result.get("examples"),  # rows it trained on (the prefs kept, the references)
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


def carry_over_student(run: RunDir, round_idx: int, recipe: Recipe, reason: str) -> dict[str, Any]:
    """File round ``round_idx``'s adapter as the previous round's, unchanged (round 1: an untrained LoRA,
    identical to the base), with ``skipped.json`` saying why; later rounds go on from it."""
    from .. import progress

    final = run.adapter(round_idx)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".adapter-", dir=final.parent)
    try:
        if round_idx > 1:
            shutil.copytree(run.adapter(round_idx - 1), tmp, dirs_exist_ok=True)
            (Path(tmp) / "skipped.json").unlink(missing_ok=True)
        else:
            from peft import get_peft_model

            from ..models import load_base_model, lora_config

            # LoRA's B starts at zero: this adapter changes nothing, and later rounds train it
            get_peft_model(load_base_model(recipe.student), lora_config(recipe.student)).save_pretrained(tmp)
        skipped = {"skipped": True, "reason": reason, "student_from_round": round_idx - 1}
        Path(tmp, "skipped.json").write_text(json.dumps(skipped, indent=2) + "\n")
        replace_dir(tmp, final)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    progress.log(f"round {round_idx}: training skipped ({reason}); the student carries over unchanged")
    return skipped
