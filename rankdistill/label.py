"""Teacher pseudo-labels: the judge's model writes reference answers for unlabelled inputs (few-shot).

Classic pseudo-label distillation; the output file feeds the ``reference`` judge and SFT. Every call goes
through the run's ledger like a judge call, so labelling the same file again costs nothing.
"""

from __future__ import annotations

import asyncio
import random
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


def label(
    data: str | Path, recipe: Recipe, out: str | Path, ledger_path: str | Path, shots: int = 3
) -> dict[str, Any]:
    """Write ``out`` (jsonl: id, input, reference = the teacher's answer); returns counts."""
    from .judging.openai_backend import OpenAIBackend

    if recipe.judge.kind != "openai":
        raise RecipeError(f"label needs an openai teacher (judge.kind openai), not {recipe.judge.kind!r}")
    prompts = load_prompts(data, recipe.data)
    examples = few_shot_examples(recipe, shots, {p.input for p in prompts})
    backend = OpenAIBackend(recipe.judge)
    ledger = Ledger(ledger_path, max_cost=recipe.judge.max_cost)
    ledger.stage = "label"
    labels: dict[str, str] = {}
    failures: list[str] = []

    async def one(p: Prompt, sem: asyncio.Semaphore) -> None:
        messages = label_messages(p, examples)
        sampling = backend.sampling()
        reply, _ = await ledger.ask(
            call_key(backend.model, "label", messages, sampling),
            dict(prompt_id=p.prompt_id, judge="label", model=backend.model, template="label"),
            {"messages": messages, **sampling},
            lambda: backend.complete(messages, None),
            backend.cost,
            limit=sem,
        )
        if reply.text is None:  # no answer (server down, 5xx, timeouts): asked again next time
            failures.append(reply.error or "no reply")
        text = (reply.text or "").strip()
        if text and not text.startswith("[refusal]"):
            labels[p.prompt_id] = text
        bar.advance()

    async def run_all() -> None:
        sem = asyncio.Semaphore(recipe.judge.concurrency)
        async with backend.session():
            tasks = [asyncio.ensure_future(one(p, sem)) for p in prompts]
            try:
                await asyncio.gather(*tasks)
            finally:
                for t in tasks:
                    t.cancel()

    try:
        with progress.task("label", total=len(prompts)) as bar:
            asyncio.run(run_all())
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
        raise JudgeFailed(
            f"{len(failures)} of {len(prompts)} inputs got no answer from {backend.public_url()} (last error: "
            f"{failures[-1]}); the {len(rows)} labels so far are in {out}: run the same command again to ask "
            "only the rest"
        )
    return {
        "inputs": len(prompts),
        "labelled": len(rows),
        "unlabelled": len(prompts) - len(rows),
        "shots": len(examples),
    }
