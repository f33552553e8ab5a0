"""The run directory's bookkeeping: opening a run (the recipe it was made with, resolved paths), its manifest
(versions, seeds, models, machine, git commit), and reading its recipe back."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from .judging.kinds import resume_identity
from .recipe import Recipe, RecipeError, dump_recipe, recipe_from_dict, saved_tree
from .records import atomic_write_json, atomic_write_text, read_json
from .rundir import RunDir

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def resolve_paths(recipe: Recipe) -> Recipe:
    """Make data paths absolute (as given relative to the cwd, else to the shipped data's root, so
    data/gec/train.jsonl is the packaged set), so a run directory keeps working from anywhere."""
    from .resources import shipped_root

    def resolve(p: str | None, key: str) -> str | None:
        if p is None:
            return None
        for base in (Path.cwd(), shipped_root()):
            candidate = (base / p).expanduser()
            if candidate.exists():
                return str(candidate.resolve())
        raise RecipeError(f"{key}: {p} not found (looked in {Path.cwd()} and {shipped_root()})")

    recipe = recipe.model_copy(deep=True)
    recipe.data.train = resolve(recipe.data.train, "data.train")
    recipe.data.test = resolve(recipe.data.test, "data.test")
    recipe.eval.data = resolve(recipe.eval.data, "eval.data")
    # a student's GGUF file or chat template file, by absolute path too (a hub id or Jinja text stays as is)
    if recipe.student.model.lower().endswith(".gguf") and Path(recipe.student.model).expanduser().exists():
        recipe.student.model = str(Path(recipe.student.model).expanduser().resolve())
    template = recipe.student.chat_template
    if template and "{{" not in template and "{%" not in template and Path(template).expanduser().exists():
        recipe.student.chat_template = str(Path(template).expanduser().resolve())
    recipe.judge.resolve_paths()  # its template files (its kind's settings know which)
    return recipe


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
    """The source checkout's commit; None when running from an installed wheel (site-packages is no checkout)."""
    if not (PROJECT_ROOT / "pyproject.toml").exists():
        return None
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
    from .models import device_summary, pick_device, pick_dtype, resolve_student

    device = pick_device()
    old = read_json(run.manifest_path) if run.manifest_path.exists() else {}
    # where it ran: device, GPU, dtype, quantization, torch's CUDA build and the libraries (the summary's first line)
    machine = {"platform": platform.platform(), "cpus": os.cpu_count(), **device_summary(recipe.student)}
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
        "generation_backend": choose_backend(recipe),
        "judge": saved_tree(recipe)["judge"],  # base_url without credentials
        "train": train_manifest(recipe),
        "machine": machine,
    }
    if {**old, "updated": None} != {**manifest, "updated": None}:  # rewritten only when something changed
        atomic_write_json(run.manifest_path, manifest)


def train_manifest(recipe: Recipe) -> dict[str, Any]:
    """The algorithms a run trains and, for those with a reference model, its policy (the last such algorithm's
    as ``reference_policy``: the one later rounds use)."""
    from .train import algorithms_used

    used = algorithms_used(recipe)
    references = {
        a: getattr(recipe.train.per_algorithm, a).reference
        for a in used
        if hasattr(getattr(recipe.train.per_algorithm, a), "reference")
    }
    return {
        "algorithm": recipe.train.algorithm,
        "schedule": recipe.train.schedule,
        "reference_policy": list(references.values())[-1] if references else None,
        "reference_policies": references,
    }


def open_run(run_dir: str | Path, recipe: Recipe) -> RunDir:
    """Create a run directory, or re-open one made with the same recipe (only ``rounds`` may change)."""
    run = RunDir(run_dir)
    recipe = resolve_paths(recipe)
    if run.recipe_path.exists():
        old = recipe_from_dict(yaml.safe_load(run.recipe_path.read_text()), str(run.recipe_path))
        a, b = old.model_dump(), recipe.model_dump()
        a.pop("rounds"), b.pop("rounds")
        # without the judge's operational keys (its kind's): e.g. raising judge.max_cost resumes a stopped run
        a["judge"], b["judge"] = resume_identity(old.judge), resume_identity(recipe.judge)
        if a != b:
            diff = sorted(_diff_keys(a, b))
            raise RecipeError(
                f"{run.root} was made with a different recipe (differs in: {', '.join(diff)}); "
                "use another --run-dir, or the same settings to resume"
            )
    run.root.mkdir(parents=True, exist_ok=True)
    text = dump_recipe(recipe)
    if not run.recipe_path.exists() or run.recipe_path.read_text() != text:  # a finished run stays untouched
        atomic_write_text(run.recipe_path, text)
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
