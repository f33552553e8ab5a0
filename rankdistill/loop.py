"""Rounds of generate -> judge -> prefs -> train -> eval, and resuming them.

Read this file top to bottom to know what a run does: ``iterate`` evaluates the untrained student once
(round 0), then for each round runs the five stages in order, skipping every stage whose output is already
complete in the run directory.
"""

from __future__ import annotations

import contextlib
import importlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import progress, rundir
from .errors import UserError
from .recipe import Recipe
from .records import atomic_write_json, read_json
from .run import load_run_recipe, open_run, resolve_paths
from .rundir import RunDir, Timer, is_main_process


def run_stage(run: RunDir, stage: str, round_idx: int, recipe: Recipe, **kwargs: Any) -> Any:
    """Run one stage of one round (rundir.STAGES) and record its wall time."""
    module, _, name = rundir.stage(stage).function.partition(":")
    function = getattr(importlib.import_module(module), name)
    with Timer() as t:
        result = function(run, round_idx, recipe, **kwargs)
    if is_main_process():  # under accelerate launch, one process keeps the books
        run.record_time(stage, round_idx, t.seconds)
    return result


def evaluate_untrained(run: RunDir, recipe: Recipe) -> None:
    """Round 0: the student before training, on the test set, once (iterate and compare start here)."""
    if (recipe.eval.data or recipe.data.test) and not run.is_done("eval", 0):
        run_stage(run, "eval", 0, recipe)


def iterate(recipe: Recipe, run_dir: str | Path) -> RunDir:
    """Run ``recipe.rounds`` rounds in ``run_dir``, resuming whatever an earlier invocation finished."""
    from .preflight import check_recipe

    run = RunDir(run_dir)
    if run.root.is_dir():  # a second writer is turned away at once, before the checks (seconds)
        with run.lock():
            data = check_recipe(resolve_paths(recipe))
            return _iterate(recipe, run_dir, data)
    data = check_recipe(resolve_paths(recipe))  # a typo, a missing key or an empty file fails now
    with run.lock():  # one writer per run directory
        return _iterate(recipe, run_dir, data)


def _iterate(recipe: Recipe, run_dir: str | Path, data: dict) -> RunDir:
    from .preflight import check_run
    from .train import stages_for_round

    run = open_run(run_dir, recipe)
    recipe = load_run_recipe(run)  # the resolved one, with absolute data paths
    check_run(run, recipe)
    if not run.data_stats_path.exists() or read_json(run.data_stats_path) != data:
        atomic_write_json(run.data_stats_path, data)  # what reading the data dropped, for the summary
    evaluate_untrained(run, recipe)
    for r in range(1, recipe.rounds + 1):
        for stage in stages_for_round(recipe, r):  # sft and grpo rounds need no candidates
            if run.is_done(stage, r):
                continue
            if stage == "eval" and not (recipe.eval.data or recipe.data.test):
                continue
            run_stage(run, stage, r, recipe)
    progress.log(f"run complete: {run.root}")
    return run


def single_stage(
    run_dir: str | Path,
    stage: str,
    round_idx: int | None = None,
    *,
    force: bool = False,
    new_ledger: bool = False,
    reporter: Callable[[], Any] = contextlib.nullcontext,
) -> tuple[int, bool, Any]:
    """`rankdistill STAGE RUN_DIR`: run one stage of one round (default: the latest) of an existing run, once
    what it starts from is finished; returns (round, whether it ran, its result): it does not run when the stage
    was already complete.

    ``force`` redoes it and drops the later stages of that round (the old outputs are put back if the redo
    fails). Under accelerate launch every process runs the stage; only the main one locks and writes.
    """
    from .train import stages_for_round

    run = RunDir(run_dir)
    recipe = load_run_recipe(run)
    r = round_idx if round_idx is not None else max(run.rounds() or [1]) or 1
    if r < 1:
        raise UserError(f"{stage} needs a round of 1 or more")
    needed = stages_for_round(recipe, r)  # an sft or grpo round trains from prompts alone
    before = needed[needed.index(stage) - 1] if stage in needed and needed.index(stage) > 0 else None
    if before and not run.is_done(before, r):
        raise UserError(
            f"round {r} has no finished {before} stage yet; run `rankdistill {before} {run.root} --round {r}`"
        )
    if rundir.stage(stage).from_previous_student and r > 1 and not run.is_done("train", r - 1):
        raise UserError(f"round {r} {stage} starts from round {r - 1}'s student, which is not trained yet")
    if run.is_done(stage, r) and not force:
        return r, False, None
    main = is_main_process()
    with run.lock() if main else contextlib.nullcontext():
        if stage == "judge" and main:  # before --force moves anything aside
            from .judging import check_judge, check_ledger
            from .judging import new_ledger as start_new_ledger

            if new_ledger:
                start_new_ledger(run)
            check_judge(recipe.judge)
            check_ledger(run, recipe.judge)
        with run.set_aside(stage, r) if force and main else contextlib.nullcontext():
            with reporter() if main else contextlib.nullcontext():
                return r, True, run_stage(run, stage, r, recipe)


def evaluate_round(
    run_dir: str | Path,
    round_idx: int | None = None,
    data: str | None = None,
    *,
    force: bool = False,
    reporter: Callable[[], Any] = contextlib.nullcontext,
) -> tuple[dict[str, Any], Path]:
    """`rankdistill eval`: a round's metrics (default: the last trained round) on the test set or ``data``, and
    the predictions file behind them. Metrics already computed are read, not recomputed (no lock needed, so it
    works on a read-only run directory) unless ``force``."""
    from .evaluate import eval_paths

    run = RunDir(run_dir)
    recipe = load_run_recipe(run)
    r = round_idx if round_idx is not None else run.last_trained_round()
    data = str(Path(data).resolve()) if data else None
    metrics_path, predictions_path = eval_paths(run, r, data)
    if metrics_path.exists() and not force:
        return read_json(metrics_path), predictions_path
    with run.lock(), reporter():
        if force:
            metrics_path.unlink(missing_ok=True)
            predictions_path.unlink(missing_ok=True)
        return run_stage(run, "eval", r, recipe, data=data), predictions_path


def summary(run: RunDir, rounds: int | None = None) -> list[dict[str, Any]]:
    """One row per round: metrics from eval.json, the wall time of each stage and, for ranking rounds, their
    signal (headroom.signal_stats); ``best`` marks the trained round with the highest headline metric, covered
    or exact match (the one `export --best` takes)."""
    from .metrics import best_round

    rows = []
    for r in run.rounds():
        if rounds is not None and r > rounds:
            continue
        row: dict[str, Any] = {"round": r}
        if run.eval_json(r).exists():
            row.update({k: v for k, v in read_json(run.eval_json(r)).items() if k not in ("round", "data")})
        stats = run.prefs(r) / "stats.json"
        if stats.exists():
            st = read_json(stats)
            row["pairs"] = st["pairs"]
            row["signal"] = st.get("signal") or _old_round_signal(run, r)
        skipped = run.adapter(r) / "skipped.json"
        if skipped.exists():
            row["skipped"] = read_json(skipped)["reason"]
        row["seconds"] = run.timings(r)
        rows.append(row)
    best = best_round(rows)
    for row in rows:
        row["best"] = row["round"] == best
    return rows


def _old_round_signal(run: RunDir, r: int) -> dict[str, Any] | None:
    """The signal of a round whose prefs were built before prefs/stats.json held it, from its files."""
    from .preferences import round_signal

    if not (run.candidates(r).exists() and run.rankings(r).exists()):
        return None
    return round_signal(run, r)


def summary_json(run: RunDir) -> str:
    return json.dumps(summary(run), indent=2)
