"""Teacher pseudo-labels: the judge's model writes reference answers for unlabelled inputs (few-shot).

Classic pseudo-label distillation; the output file feeds the ``reference`` judge and SFT. Every call goes
through the run's ledger like a judge call, so labelling the same file again costs nothing.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import progress
from .data import Prompt, load_prompts
from .errors import JudgeFailed
from .judging.ledger import NotAsked
from .recipe import Recipe, RecipeError
from .records import write_jsonl
from .rundir import RunDir


def few_shot_examples(recipe: Recipe, n: int, exclude: set[str]) -> list[Prompt]:
    """``n`` labelled training prompts of the recipe (seeded choice), none of them among the inputs."""
    if n == 0 or not recipe.data.reference_field:
        return []
    pool = [p for p in load_prompts(recipe.data.train, recipe.data) if p.reference and p.input not in exclude]
    random.Random(recipe.seed).shuffle(pool)
    return pool[:n]


def label_messages(prompt: Prompt, shots: list[Prompt]) -> list[dict[str, str]]:
    """System message, then each example as a user turn and its reference as the assistant's reply."""
    system = [m for m in prompt.messages if m["role"] == "system"]
    turns: list[dict[str, str]] = []
    for s in shots:
        turns += [m for m in s.messages if m["role"] != "system"]
        turns.append({"role": "assistant", "content": s.reference or ""})
    return system + turns + [m for m in prompt.messages if m["role"] != "system"]


def teacher_answers(
    judge: Any,
    prompts: list[Prompt],
    messages_for: Callable[[Prompt], list[dict[str, str]]],
    tag: str,
    on_answer: Callable[[], None] = lambda: None,
    failures: list[str] | None = None,
) -> dict[str, str]:
    """The openai teacher's answer to each prompt (prompt id -> text), every call through the ledger of ``judge``
    (from ``run_judge``): an answer already there is not asked (nor paid) again. Prompts the teacher did not
    answer are left out; the errors of calls that got no answer at all (server down, 5xx, timeouts) go to
    ``failures``, and are asked again next time. An error that stops the batch (judge.max_cost) sends no new
    call, lets those in flight finish (recorded), then is raised."""
    answers: dict[str, str] = {}

    async def one(p: Prompt) -> None:
        try:
            reply = await judge.answer(messages_for(p), p.prompt_id, tag)
        except NotAsked:
            return
        except BaseException:
            judge.halt()
            raise
        if reply.text is None and failures is not None:
            failures.append(reply.error or "no reply")
        text = (reply.text or "").strip()
        if text and not text.startswith("[refusal]"):
            answers[p.prompt_id] = text
        on_answer()

    async def run_all() -> None:
        async with judge.session():
            tasks = [asyncio.ensure_future(one(p)) for p in prompts]
            try:
                results = await asyncio.gather(*tasks, return_exceptions=True)
            finally:
                for t in tasks:
                    t.cancel()
                judge.halt(False)
        errors = [r for r in results if isinstance(r, BaseException)]
        if errors:
            raise errors[0]

    asyncio.run(run_all())
    return answers


def label(
    data: str | Path, recipe: Recipe, out: str | Path, ledger_path: str | Path, shots: int = 3
) -> dict[str, Any]:
    """Write ``out`` (jsonl: id, input, reference = the teacher's answer); returns counts."""
    from .judging import kind_of, run_judge

    if not kind_of(recipe.judge).answers:
        raise RecipeError(
            f"label needs a judge that answers prompts itself (judge.kind openai), not {recipe.judge.kind!r}"
        )

    prompts = load_prompts(data, recipe.data)
    examples = few_shot_examples(recipe, shots, {p.input for p in prompts})
    failures: list[str] = []
    ledger_path = Path(ledger_path)
    # by default the ledger of the run runs/<recipe name>: then that run's ledger checks apply
    with run_judge(RunDir(ledger_path.parent), recipe.judge, "label", ledger_file=ledger_path) as judge:
        with progress.task("label", total=len(prompts)) as bar:
            labels = teacher_answers(
                judge, prompts, lambda p: label_messages(p, examples), "label", bar.advance, failures
            )
    ref = recipe.data.reference_field or "reference"
    rows = [
        {
            recipe.data.id_field or "id": p.prompt_id,
            recipe.data.input_field: p.input,
            ref: labels[p.prompt_id],
        }
        for p in prompts
        if p.prompt_id in labels
    ]
    write_jsonl(Path(out), rows)
    if failures:
        raise JudgeFailed(
            f"{len(failures)} of {len(prompts)} inputs got no answer from {judge.where()} "
            f"(last error: {failures[-1]}); the {len(rows)} labels so far are in {out}: run the same command again "
            "to ask only the rest"
        )
    return {
        "inputs": len(prompts),
        "labelled": len(rows),
        "unlabelled": len(prompts) - len(rows),
        "shots": len(examples),
    }
