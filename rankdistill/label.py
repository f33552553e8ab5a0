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
from .judging.ledger import Ledger, call_key
from .recipe import Recipe, RecipeError
from .records import write_jsonl


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
    prompts: list[Prompt],
    recipe: Recipe,
    ledger: Ledger,
    messages_for: Callable[[Prompt], list[dict[str, str]]],
    template: str,
    on_answer: Callable[[], None] = lambda: None,
    failures: list[str] | None = None,
) -> dict[str, str]:
    """The openai teacher's answer to each prompt (prompt id -> text), every call through ``ledger``: an answer
    already there is not asked (nor paid) again. Prompts the teacher did not answer are left out; the errors of
    calls that got no answer at all (server down, 5xx, timeouts) go to ``failures``, and are asked again next
    time."""
    from .judging.openai_backend import OpenAIBackend

    backend = OpenAIBackend(recipe.judge)
    answers: dict[str, str] = {}

    async def one(p: Prompt, sem: asyncio.Semaphore) -> None:
        messages = messages_for(p)
        sampling = backend.sampling()
        reply, _ = await ledger.ask(
            call_key(backend.model, template, messages, sampling),
            dict(prompt_id=p.prompt_id, judge=template, model=backend.model, template=template),
            {"messages": messages, **sampling},
            lambda: backend.complete(messages, None),
            backend.cost,
            limit=sem,
        )
        if reply.text is None and failures is not None:
            failures.append(reply.error or "no reply")
        text = (reply.text or "").strip()
        if text and not text.startswith("[refusal]"):
            answers[p.prompt_id] = text
        on_answer()

    async def run_all() -> None:
        sem = asyncio.Semaphore(recipe.judge.concurrency)
        async with backend.session():
            tasks = [asyncio.ensure_future(one(p, sem)) for p in prompts]
            try:
                await asyncio.gather(*tasks)
            finally:
                for t in tasks:
                    t.cancel()

    asyncio.run(run_all())
    return answers


def label(
    data: str | Path, recipe: Recipe, out: str | Path, ledger_path: str | Path, shots: int = 3
) -> dict[str, Any]:
    """Write ``out`` (jsonl: id, input, reference = the teacher's answer); returns counts."""
    if recipe.judge.kind != "openai":
        raise RecipeError(f"label needs an openai teacher (judge.kind openai), not {recipe.judge.kind!r}")
    prompts = load_prompts(data, recipe.data)
    examples = few_shot_examples(recipe, shots, {p.input for p in prompts})
    ledger = Ledger(ledger_path, max_cost=recipe.judge.max_cost)
    ledger.stage = "label"
    failures: list[str] = []
    try:
        with progress.task("label", total=len(prompts)) as bar:
            labels = teacher_answers(
                prompts, recipe, ledger, lambda p: label_messages(p, examples), "label", bar.advance, failures
            )
    finally:
        ledger.close()
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
        from .judging.openai_backend import OpenAIBackend

        raise JudgeFailed(
            f"{len(failures)} of {len(prompts)} inputs got no answer from {OpenAIBackend(recipe.judge).public_url()} "
            f"(last error: {failures[-1]}); the {len(rows)} labels so far are in {out}: run the same command again "
            "to ask only the rest"
        )
    return {
        "inputs": len(prompts),
        "labelled": len(rows),
        "unlabelled": len(prompts) - len(rows),
        "shots": len(examples),
    }
