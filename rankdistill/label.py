"""Teacher pseudo-labels: the judge's model writes reference answers for unlabelled inputs (few-shot).

Classic pseudo-label distillation; the output file feeds the ``reference`` judge and SFT. Every call goes
through the run's ledger like a judge call, so labelling the same file again costs nothing. With rationales
(distilling step-by-step), one call per input asks for the teacher's rationale and answer through a ``label``
template (judges/rationale.yaml), whose JSON reply is parsed and checked: the answer is the label, and a missing
rationale is counted, not fatal.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import progress
from .data import Prompt, load_prompts
from .errors import JudgeFailed, RecipeError
from .judging.ledger import NotAsked
from .judging.llm import PARSE_ATTEMPTS
from .judging.parsing import parse_label, schema
from .judging.templates import JudgeTemplate, TemplateError, load_template
from .records import write_jsonl
from .rundir import RunDir

if TYPE_CHECKING:
    from .recipe import Recipe


def few_shot_examples(recipe: Recipe, n: int, exclude: set[str], rationale: bool = False) -> list[Prompt]:
    """``n`` labelled training prompts of the recipe (seeded choice), none of them among the inputs (with
    ``rationale``: only those with one, data.rationale_field)."""
    if n == 0 or not recipe.data.reference_field or (rationale and not recipe.data.rationale_field):
        return []
    pool = [
        p
        for p in load_prompts(recipe.data.train, recipe.data)
        if p.reference and p.input not in exclude and (p.rationale or not rationale)
    ]
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
    parse: Callable[[str], Any] | None = None,
    schema: dict[str, Any] | None = None,
    unparsed: list[str] | None = None,
) -> dict[str, Any]:
    """The openai teacher's answer to each prompt (prompt id -> text), every call through the ledger of ``judge``
    (from ``run_judge``): an answer already there is not asked (nor paid) again. Prompts the teacher did not
    answer are left out; the errors of calls that got no answer at all (server down, 5xx, timeouts) go to
    ``failures``, and are asked again next time. An error that stops the batch (judge.max_cost) sends no new
    call, lets those in flight finish (recorded), then is raised.

    With ``parse`` (reply text -> value, None when unreadable; ``schema``: the JSON it expects) the answer is the
    parsed value; a reply it cannot read is asked once more (under its own ledger key), then the prompt is left
    out and its id goes to ``unparsed``."""
    answers: dict[str, Any] = {}
    extra = {"schema": schema} if schema is not None else {}

    async def one(p: Prompt) -> None:
        for attempt in range(PARSE_ATTEMPTS if parse is not None else 1):
            try:
                reply = await judge.answer(messages_for(p), p.prompt_id, f"{tag}#{attempt}" if attempt else tag, **extra)
            except NotAsked:
                return
            except BaseException:
                judge.halt()
                raise
            if reply.text is None and failures is not None:
                failures.append(reply.error or "no reply")
            text = (reply.text or "").strip()
            if not text or text.startswith("[refusal]"):
                break
            value = text if parse is None else parse(text)
            if value is not None:
                answers[p.prompt_id] = value
                break
            if attempt == PARSE_ATTEMPTS - 1 and unparsed is not None:
                unparsed.append(p.prompt_id)
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


def rationale_messages(template: JudgeTemplate, prompt: Prompt, shots: list[Prompt]) -> list[dict[str, str]]:
    """The label template's request for ``prompt``: its user turns as the task, after the worked ``shots``."""
    examples = [(user_text(s), s.rationale or "", s.reference or "") for s in shots]
    return template.render_label(user_text(prompt), examples)


def user_text(prompt: Prompt) -> str:
    """The task as the student is asked it: its user turns (the system prompt is the student's, not the task)."""
    return "\n\n".join(m["content"] for m in prompt.messages if m["role"] == "user")


def label(
    data: str | Path,
    recipe: Recipe,
    out: str | Path,
    ledger_path: str | Path,
    shots: int = 3,
    rationale_template: str | None = None,
) -> dict[str, Any]:
    """Write ``out`` (jsonl: id, input, reference = the teacher's answer; with ``rationale_template``, a label
    template such as "rationale", also the teacher's rationale under data.rationale_field, default "rationale");
    returns counts."""
    from .judging import kind_of, run_judge

    if not kind_of(recipe.judge).answers:
        raise RecipeError(
            f"label needs a judge that answers prompts itself (judge.kind openai), not {recipe.judge.kind!r}"
        )
    template = load_label_template(rationale_template) if rationale_template else None

    prompts = load_prompts(data, recipe.data)
    examples = few_shot_examples(recipe, shots, {p.input for p in prompts}, rationale=bool(template))
    failures: list[str] = []
    unparsed: list[str] = []
    ledger_path = Path(ledger_path)
    # by default the ledger of the run runs/<recipe name>: then that run's ledger checks apply
    with run_judge(RunDir(ledger_path.parent), recipe.judge, "label", ledger_file=ledger_path) as judge:
        with progress.task("label", total=len(prompts)) as bar:
            if template:
                labels = teacher_answers(
                    judge,
                    prompts,
                    lambda p: rationale_messages(template, p, examples),
                    f"label/{template.name}/{template.digest}",  # an edited template is asked anew
                    bar.advance,
                    failures,
                    parse=parse_label,
                    schema=schema("label"),
                    unparsed=unparsed,
                )
            else:
                labels = teacher_answers(
                    judge, prompts, lambda p: label_messages(p, examples), "label", bar.advance, failures
                )
    ref = recipe.data.reference_field or "reference"
    rationale_field = recipe.data.rationale_field or "rationale"
    rows = []
    for p in prompts:
        if p.prompt_id not in labels:
            continue
        answer, why = labels[p.prompt_id] if template else (labels[p.prompt_id], None)
        row = {recipe.data.id_field or "id": p.prompt_id, recipe.data.input_field: p.input, ref: answer}
        if template:
            row[rationale_field] = why  # null when the teacher gave none: the row trains the label task only
        rows.append(row)
    write_jsonl(Path(out), rows)
    if failures:
        raise JudgeFailed(
            f"{len(failures)} of {len(prompts)} inputs got no answer from {judge.where()} "
            f"(last error: {failures[-1]}); the {len(rows)} labels so far are in {out}: run the same command again "
            "to ask only the rest"
        )
    counts = {
        "inputs": len(prompts),
        "labelled": len(rows),
        "unlabelled": len(prompts) - len(rows),
        "shots": len(examples),
    }
    if template:
        missing = sum(r[rationale_field] is None for r in rows)
        counts.update(rationales=len(rows) - missing, missing_rationale=missing, unparsed=len(unparsed))
        if missing:
            progress.log(
                f"warning: label: {missing} of {len(rows)} answers came without a rationale; their rows in {out} "
                f"have {rationale_field}: null (SFT trains their label task only)"
            )
        if unparsed:
            progress.log(
                f"warning: label: {len(unparsed)} replies were not the JSON {template.path} asks for (twice each), "
                f"e.g. {unparsed[0]}: those inputs are left unlabelled"
            )
        if not examples and shots:
            progress.log(
                "note: label: no worked examples (the training data needs references and rationales, "
                "data.rationale_field)"
            )
    return counts


def load_label_template(name_or_path: str) -> JudgeTemplate:
    """A label template (mode label), by shipped name or path; RecipeError otherwise, naming it."""
    try:
        template = load_template(name_or_path)
    except TemplateError as e:
        raise RecipeError(f"--rationale-template: {e}") from None
    if template.mode != "label":
        raise RecipeError(
            f"--rationale-template: {template.path} is a {template.mode} judge template; a label template "
            "(mode: label, like judges/rationale.yaml) asks for the rationale and the answer"
        )
    return template
