"""``rankdistill compare``: train several algorithms from the same student on the same judged candidates.

Layout (DIR is the run directory):

    DIR/round-00/           the untrained student's eval, shared by every algorithm
    DIR/round-01/           candidates, rankings and prefs, generated and judged once
    DIR/ledger.sqlite       every paid judge call of the comparison
    DIR/compare/<algo>/     a normal run directory per algorithm, seeded with the shared files above; its
                            later rounds generate from its own student (on-policy), as `iterate` does; its
                            ledger.sqlite is a link to DIR's, so its calls (and the win rates') are capped by
                            the same judge.max_cost, cached and counted in one place (tagged with compare/<algo>)
    DIR/compare/report.md   the table; DIR/compare/metrics.png the metrics per round

Each algorithm runs as its own `rankdistill iterate` process, so its peak memory is its own. Every step resumes:
shared stages are skipped when done, and each algorithm's run resumes like any run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from .errors import UserError
from .recipe import Recipe, dump_recipe
from .records import atomic_write_text
from .rundir import RunDir


class AlgorithmStopped(UserError):
    """An algorithm's `rankdistill iterate` exited with an error (it printed its own message first)."""

    prefix = "compare stopped"

    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code

_SHARED_ROUND_1 = ("draw.json", "candidates.jsonl", "rankings.jsonl", "prefs")  # draw.json: skip_tied


def _copy_into(src: Path, dst: Path) -> None:
    """Copy a file or directory to ``dst`` under a temporary name and rename it, unless ``dst`` exists."""
    if dst.exists() or not src.exists():
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(f".{dst.name}.copy-{os.getpid()}")
    if src.is_dir():
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.copytree(src, tmp)
    else:
        shutil.copyfile(src, tmp)
    os.replace(tmp, dst)


def seed_algorithm_run(shared: RunDir, target: RunDir, uses_ledger: bool = True) -> None:
    """Give an algorithm's run the shared base evaluation and round-1 candidates, rankings and prefs, and (for a
    judge that calls a model) the shared ledger: the copied rankings were paid through it."""
    if uses_ledger:
        link = target.root / "ledger.sqlite"
        if not link.is_symlink() and not link.exists():
            target.root.mkdir(parents=True, exist_ok=True)
            link.symlink_to(os.path.relpath(shared.root / "ledger.sqlite", target.root))
    for name in ("predictions.jsonl", "eval.json"):  # eval.json last: it marks the stage done
        _copy_into(shared.round_dir(0) / name, target.round_dir(0) / name)
    for name in _SHARED_ROUND_1:  # in stage order, so a partial copy never looks finished
        _copy_into(shared.round_dir(1) / name, target.round_dir(1) / name)


def prepare_shared(recipe: Recipe, algorithms: list[str], run_dir: str | Path) -> tuple[RunDir, Recipe]:
    """Evaluate the untrained student and generate, judge and build prefs for round 1, once for all; first the
    checks `iterate` makes (data, judge and its key, every algorithm's settings, the ledger), before any model
    loads."""
    from .loop import evaluate_untrained, run_stage
    from .preflight import check_recipe, check_run
    from .run import load_run_recipe, open_run, resolve_paths
    from .rundir import STAGES
    from .train import recipe_for, stages_for_round

    check_recipe(resolve_paths(recipe), algorithms)  # a typo in any algorithm's args fails before any work
    shared_recipe = recipe.model_copy(deep=True)
    shared_recipe.train.schedule = None
    run = open_run(run_dir, shared_recipe)
    shared_recipe = load_run_recipe(run)  # with absolute data paths
    check_run(run, shared_recipe)
    evaluate_untrained(run, shared_recipe)
    needed = {s for a in algorithms for s in stages_for_round(recipe_for(shared_recipe, a), 1)}
    for stage in STAGES:  # the stages before training that any of them needs
        if stage.candidates and stage.name in needed and not run.is_done(stage.name, 1):
            run_stage(run, stage.name, 1, shared_recipe)
    return run, shared_recipe


def train_algorithms(
    run: RunDir, shared_recipe: Recipe, algorithms: list[str], verbose: bool = False
) -> None:
    """Run every algorithm as its own `rankdistill iterate` in DIR/compare/<algo> (its output goes to ours); one
    that fails stops the comparison with its exit code (AlgorithmStopped)."""
    from .judging import uses_ledger
    from .judging.kinds import child_environment
    from .train import recipe_for

    root = run.root / "compare"
    for algorithm in algorithms:
        target = RunDir(root / algorithm)
        seed_algorithm_run(run, target, uses_ledger(shared_recipe.judge))
        recipe_path = root / f"{algorithm}.yaml"
        atomic_write_text(recipe_path, dump_recipe(recipe_for(shared_recipe, algorithm)))
        cmd = [
            sys.executable,
            "-m",
            "rankdistill",
            "iterate",
            str(recipe_path),
            "--run-dir",
            str(target.root),
        ]
        # the recipe file keeps judge.base_url without credentials: the child gets them in its environment
        env = child_environment(shared_recipe.judge)
        proc = subprocess.run(cmd + (["--verbose"] if verbose else []), env=env)
        if proc.returncode != 0:
            code = proc.returncode if 0 < proc.returncode < 126 else 1  # killed by a signal: < 0
            raise AlgorithmStopped(
                f"{algorithm} (run {target.root}) exited with {proc.returncode}, for the reason printed above; "
                "run the same command again to resume",
                code,
            )


def compare(
    recipe: Recipe, algorithms: list[str], run_dir: str | Path, verbose: bool = False, reporter: Any = None
) -> Path:
    """`rankdistill compare`: the shared round 0 and round-1 candidates, every algorithm's run, and the report;
    returns the report's path. Holds DIR's lock throughout (each algorithm's run is locked by its process)."""
    import contextlib

    from . import progress
    from .report import write_compare_report
    from .train import ALGORITHMS

    for a in algorithms:
        ALGORITHMS.refuse(a)  # a plug-in that could not be loaded: why
    unknown = [a for a in algorithms if a not in ALGORITHMS]
    if unknown or not algorithms:
        raise UserError(
            f"--algorithms: unknown {', '.join(unknown) or '(none given)'}; choose from {', '.join(ALGORITHMS.names())}"
        )
    run = RunDir(run_dir)
    with run.lock():
        with reporter() if reporter else contextlib.nullcontext():
            progress.log(f"compare {', '.join(algorithms)} -> {run_dir}")
            run, shared = prepare_shared(recipe, algorithms, run_dir)
        train_algorithms(run, shared, algorithms, verbose)
        return write_compare_report(run, algorithms, shared)
