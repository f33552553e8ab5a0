"""Rounds of generate -> judge -> prefs -> train -> eval, and resuming them.

Read this file top to bottom to know what a run does: ``iterate`` evaluates the untrained student once
(round 0), then for each round runs the five stages in order, skipping every stage whose output is already
complete in the run directory.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from . import progress
from .recipe import Recipe, RecipeError, dump_recipe, recipe_from_dict
from .records import atomic_write_json, atomic_write_text, read_json
from .rundir import RunDir, Timer

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _stage_functions() -> dict[str, Callable[[RunDir, int, Recipe], Any]]:
    from .evaluate import eval_stage
    from .generation import generate_stage
    from .judging import judge_stage
    from .preferences import prefs_stage
    from .train import train_stage

    return {
        "generate": generate_stage,
        "judge": judge_stage,
        "prefs": prefs_stage,
        "train": train_stage,
        "eval": eval_stage,
    }


def resolve_paths(recipe: Recipe) -> Recipe:
    """Make data paths absolute (as given relative to the cwd, else to the project root), so a run
    directory keeps working from anywhere."""

    def resolve(p: str | None, key: str) -> str | None:
        if p is None:
            return None
        for base in (Path.cwd(), PROJECT_ROOT):
            candidate = (base / p).expanduser()
            if candidate.exists():
                return str(candidate.resolve())
        raise RecipeError(f"{key}: {p} not found (looked in {Path.cwd()} and {PROJECT_ROOT})")

    recipe = recipe.model_copy(deep=True)
    recipe.data.train = resolve(recipe.data.train, "data.train")
    recipe.data.test = resolve(recipe.data.test, "data.test")
    recipe.eval.data = resolve(recipe.eval.data, "eval.data")
    _resolve_judge_templates(recipe.judge)
    return recipe


def _resolve_judge_templates(judge: Any) -> None:
    """A user's template file by absolute path (shipped ones stay by name)."""
    if judge.kind in ("openai", "local") and Path(judge.template).suffix in (".yaml", ".yml"):
        from .judging.templates import resolve_template_path

        judge.template = str(resolve_template_path(judge.template))
    for member in judge.members:
        _resolve_judge_templates(member)


def _versions() -> dict[str, str]:
    out = {"python": sys.version.split()[0]}
    for pkg in (
        "rankdistill",
        "torch",
        "transformers",
        "trl",
        "peft",
        "accelerate",
        "datasets",
        "bitsandbytes",
    ):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            pass
    return out


def _git_commit() -> str | None:
    try:
        proc = subprocess.run(
            ["git", "-C", str(PROJECT_ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=5
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout.strip() if proc.returncode == 0 else None


def write_manifest(run: RunDir, recipe: Recipe) -> None:
    """Versions, seeds, model ids, machine: what it takes to reproduce or explain the run."""
    from .generation import choose_backend
    from .models import pick_device, pick_dtype, resolve_student

    device = pick_device()
    old = read_json(run.manifest_path) if run.manifest_path.exists() else {}
    machine: dict[str, Any] = {"platform": platform.platform(), "cpus": os.cpu_count(), "device": device}
    if device == "cuda":
        import torch

        machine["gpu"] = torch.cuda.get_device_name(0)
    manifest = {
        "created": old.get("created", time.strftime("%Y-%m-%dT%H:%M:%S%z")),
        "updated": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "versions": _versions(),
        "git_commit": _git_commit(),
        "seed": recipe.seed,
        "student": {
            "model": recipe.student.model,
            "resolved": resolve_student(recipe.student.model),
            "revision": recipe.student.revision,
            "quantization": recipe.student.quantization,
            "dtype": str(pick_dtype(recipe.student.dtype, device)).removeprefix("torch."),
        },
        "generation_backend": choose_backend(recipe.generation.backend, recipe.student.quantization),
        "judge": recipe.judge.model_dump(),
        "train": {
            "algorithm": recipe.train.algorithm,
            "schedule": recipe.train.schedule,
            "reference_policy": recipe.train.reference,
        },
        "machine": machine,
    }
    atomic_write_json(run.manifest_path, manifest)


# How the judge is reached and paid for, not what it answers: these may change when a run is resumed.
_OPERATIONAL_JUDGE_KEYS = (
    "max_cost",
    "base_url",
    "base_url_env",
    "api_key_env",
    "concurrency",
    "timeout",
    "max_retries",
    "backoff",
)


def open_run(run_dir: str | Path, recipe: Recipe) -> RunDir:
    """Create a run directory, or re-open one made with the same recipe (only ``rounds`` may change)."""
    run = RunDir(run_dir)
    recipe = resolve_paths(recipe)
    if run.recipe_path.exists():
        old = recipe_from_dict(yaml.safe_load(run.recipe_path.read_text()), str(run.recipe_path))
        a, b = old.model_dump(), recipe.model_dump()
        a.pop("rounds"), b.pop("rounds")
        for key in _OPERATIONAL_JUDGE_KEYS:  # e.g. raising judge.max_cost resumes a stopped run
            a["judge"].pop(key), b["judge"].pop(key)
        if a != b:
            diff = sorted(_diff_keys(a, b))
            raise RecipeError(
                f"{run.root} was made with a different recipe (differs in: {', '.join(diff)}); "
                "use another --run-dir, or the same settings to resume"
            )
    run.root.mkdir(parents=True, exist_ok=True)
    atomic_write_text(run.recipe_path, dump_recipe(recipe))
    write_manifest(run, recipe)
    return run


def _diff_keys(a: dict, b: dict, prefix: str = "") -> list[str]:
    keys = []
    for k in sorted(set(a) | set(b)):
        if isinstance(a.get(k), dict) and isinstance(b.get(k), dict):
            keys += _diff_keys(a[k], b[k], f"{prefix}{k}.")
        elif a.get(k) != b.get(k):
            keys.append(prefix + k)
    return keys


def load_run_recipe(run: RunDir) -> Recipe:
    if not run.recipe_path.exists():
        raise FileNotFoundError(f"{run.root} is not a run directory (no recipe.yaml)")
    return recipe_from_dict(yaml.safe_load(run.recipe_path.read_text()), str(run.recipe_path))


def run_stage(run: RunDir, stage: str, round_idx: int, recipe: Recipe, **kwargs: Any) -> Any:
    """Run one stage of one round and record its wall time."""
    with Timer() as t:
        result = _stage_functions()[stage](run, round_idx, recipe, **kwargs)
    if os.environ.get("RANK", "0") == "0":  # under accelerate launch, one process keeps the books
        run.record_time(stage, round_idx, t.seconds)
    return result


def iterate(recipe: Recipe, run_dir: str | Path, on_round_end: Callable[[int], None] | None = None) -> RunDir:
    """Run ``recipe.rounds`` rounds in ``run_dir``, resuming whatever an earlier invocation finished."""
    from .generation.vllm import check_engine_args
    from .train import check_train_settings, stages_for_round

    check_train_settings(recipe)  # a typo in train.args fails now, not after generation
    check_engine_args(recipe.generation.vllm.engine_args)  # and one in generation.vllm.engine_args
    run = open_run(run_dir, recipe)
    recipe = load_run_recipe(run)  # the resolved one, with absolute data paths
    if recipe.eval.data or recipe.data.test:
        if not run.is_done("eval", 0):
            run_stage(run, "eval", 0, recipe)
        if on_round_end:
            on_round_end(0)
    for r in range(1, recipe.rounds + 1):
        for stage in stages_for_round(recipe, r):  # sft and grpo rounds need no candidates
            if run.is_done(stage, r):
                continue
            if stage == "eval" and not (recipe.eval.data or recipe.data.test):
                continue
            run_stage(run, stage, r, recipe)
        if on_round_end:
            on_round_end(r)
    progress.log(f"run complete: {run.root}")
    return run


def summary(run: RunDir, rounds: int | None = None) -> list[dict[str, Any]]:
    """One row per round: metrics from eval.json and the wall time of each stage."""
    rows = []
    for r in run.rounds():
        if rounds is not None and r > rounds:
            continue
        row: dict[str, Any] = {"round": r}
        if run.eval_json(r).exists():
            row.update({k: v for k, v in read_json(run.eval_json(r)).items() if k not in ("round", "data")})
        stats = run.prefs(r) / "stats.json"
        if stats.exists():
            row["pairs"] = read_json(stats)["pairs"]
        row["seconds"] = run.timings(r)
        rows.append(row)
    return rows


def summary_json(run: RunDir) -> str:
    return json.dumps(summary(run), indent=2)
