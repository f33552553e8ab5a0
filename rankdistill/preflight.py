"""Checks that need no model, run before any work (round-0 evaluation takes minutes): a mistake found here
costs nothing; found after generation, it costs the generation."""

from __future__ import annotations

from .recipe import Recipe
from .rundir import RunDir


def check_recipe(recipe: Recipe, algorithms: list[str] | None = None) -> dict[str, dict[str, int]]:
    """Data readable and non-empty, the judge importable with its key, trainer arguments known and their values
    accepted (of the recipe's algorithms, or of ``algorithms``: compare's).

    ``recipe`` has resolved (absolute) data paths. Raises a UserError naming the file or key. Returns what
    reading the data dropped, per file role (``train``, ``test``): rows read, used, too long, duplicates.
    """
    from .data import load_prompts
    from .judging import check_judge
    from .judging.kinds import reads_reference
    from .train import check_train_settings

    check_judge(recipe.judge)
    train = load_prompts(recipe.data.train, recipe.data, need_reference=reads_reference(recipe.judge))
    dropped = {"train": {"prompts": len(train), **train.dropped}}
    test = recipe.eval.data or recipe.data.test
    if test:
        prompts = load_prompts(test, recipe.data, need_reference=recipe.data.reference_field is not None)
        dropped["test"] = {"prompts": len(prompts), **prompts.dropped}
    from .generation.backends import check_backend

    check_backend(recipe)  # installed when asked for, its settings accepted (vLLM's engine_args), before any work
    check_train_settings(recipe, algorithms)  # last: it imports the trainers' library (seconds)
    return dropped


def check_run(run: RunDir, recipe: Recipe) -> None:
    """What the run directory itself must hold (a sound ledger when rankings were judged through it), and, when
    work is left, the judge's server: reachable and taking the key, asked once for free before any model loads."""
    from .judging import check_ledger
    from .judging.kinds import probe_judge

    check_ledger(run, recipe.judge)
    if not run_complete(run, recipe):
        probe_judge(recipe.judge)


def run_complete(run: RunDir, recipe: Recipe) -> bool:
    """Every stage of every round of ``recipe`` done (a rerun of a finished run asks no server)."""
    from .train import stages_for_round

    if (recipe.eval.data or recipe.data.test) and not run.is_done("eval", 0):
        return False
    for r in range(1, recipe.rounds + 1):
        for stage in stages_for_round(recipe, r):
            if stage == "eval" and not (recipe.eval.data or recipe.data.test):
                continue
            if not run.is_done(stage, r):
                return False
    return True
