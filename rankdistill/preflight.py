"""Checks that need no model, run before any work (round-0 evaluation takes minutes): a mistake found here
costs nothing; found after generation, it costs the generation."""

from __future__ import annotations

from typing import Any

from .errors import RecipeError
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
    check_input_lengths(recipe, [(recipe.data.train, train, recipe.generation.max_new_tokens)])
    if test:
        check_input_lengths(recipe, [(test, prompts, recipe.eval.max_new_tokens)])
    from .generation.backends import check_backend

    check_backend(recipe)  # installed when asked for, its settings accepted (vLLM's engine_args), before any work
    check_train_settings(recipe, algorithms)  # last: it imports the trainers' library (seconds)
    return dropped


TEMPLATE_TOKENS = 32  # what a chat template adds around a prompt's messages, at most (role markers, a header)


def check_input_lengths(recipe: Recipe, sets: list[tuple[str, list[Any], int]]) -> None:
    """Every input kept (data.max_input_tokens, or all of them when it is null) fits the student's context with
    room for its answer: a longer one is refused here, naming the first and the limit to set, where it would
    otherwise reach the model (a 1 MB prompt asks for tens of GB). Lengths are data.py's estimate."""
    from .data import estimated_tokens
    from .models import student_context

    longest = []
    for path, prompts, new_tokens in sets:
        for p in prompts:
            n = sum(estimated_tokens(str(m.get("content", ""))) for m in p.messages) + TEMPLATE_TOKENS
            longest.append((n + new_tokens, n, new_tokens, p.prompt_id, path))
    if not longest:
        return
    total, n, new_tokens, prompt_id, path = max(longest)
    context = student_context(recipe.student)
    if context is None or total <= context:
        return
    limit = recipe.data.max_input_tokens
    raise RecipeError(
        f"data.max_input_tokens {'null' if limit is None else limit}: input {prompt_id!r} of {path} is about {n} "
        f"tokens, which with {new_tokens} for its answer is more than the student's context of {context}; set "
        f"data.max_input_tokens to at most {max(context - new_tokens - TEMPLATE_TOKENS, 1)} (longer inputs are "
        "then skipped and counted)"
    )


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
