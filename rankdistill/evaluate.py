"""Evaluation stage: greedy answers of a round's student on prompts with references -> eval.json.

Round 0 is the untrained student. Predictions (input, reference, prediction) are kept beside the metrics
so a number can always be traced back to the answers behind it.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from . import progress
from .data import Prompt, build_messages, load_prompts
from .judging import kinds
from .metrics import metrics, round_difference
from .recipe import Recipe
from .records import CandidateSet, Completion, PartialJsonl, atomic_write_json, read_jsonl
from .rundir import RunDir
from .sections import DataSettings
from .train import task_prefix


def eval_paths(run: RunDir, round_idx: int, data: str | None) -> tuple[Path, Path]:
    """(metrics file, predictions file): the round's own for its test set, a named folder for other files."""
    if data is None:
        return run.eval_json(round_idx), run.predictions(round_idx)
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(data).name)
    folder = run.round_dir(round_idx) / f"eval-{slug}"
    return folder / "eval.json", folder / "predictions.jsonl"


def prediction_row(prompt: Prompt, answer: Completion) -> dict[str, Any]:
    """One line of predictions.jsonl: the answer, and the data row's own fields (e.g. concepts, lang) for the
    metrics, but the input field when it is the text ``input`` already holds."""
    own = {k: v for k, v in prompt.fields.items() if not (isinstance(v, str) and v == prompt.input)}
    return {
        **own,
        "prompt_id": prompt.prompt_id,
        "input": prompt.input,
        "reference": prompt.reference,
        "prediction": answer.text,
        "num_tokens": answer.num_tokens,
        "finish_reason": answer.finish_reason,
    }


def judge_verdicts(recipe: Recipe, row: dict[str, Any]) -> dict[str, Any]:
    """What the recipe's judge, when it checks answers alone (JudgeKind.check_row), says of a prediction row (with
    its data row's fields), for the metrics: its verdict (``passed``, ...), and ``copy_passed``: whether
    answering with the input itself would pass. Nothing for the other judges."""
    verdict = kinds.check_row(recipe.judge, row)
    if verdict is None:
        return {}
    copied = kinds.check_row(recipe.judge, {**row, "prediction": row["input"]}) or {}
    return {**verdict, "copy_passed": copied.get("passed")}


def eval_prompts(recipe: Recipe, path: str | Path) -> list[Prompt]:
    """The prompts evaluation asks: the label task's prompt, the same in every round (with rationales, the
    predict prefix of train.per_algorithm.sft), never the rationale's."""
    need_reference = recipe.data.reference_field is not None  # open-ended prompts: length metrics only
    return load_prompts(
        path,
        recipe.data,
        max_prompts=recipe.eval.max_prompts,
        need_reference=need_reference,
        prefix=task_prefix(recipe),
    )


def eval_stage(run: RunDir, round_idx: int, recipe: Recipe, data: str | None = None) -> dict[str, Any]:
    """Evaluate round ``round_idx``'s student on ``data`` (default: eval.data or data.test); resumable."""
    from .generation import make_generator
    from .generation.budget import stream_within_budgets

    path = data or recipe.eval.data or recipe.data.test
    if path is None:
        raise ValueError("nothing to evaluate on: set eval.data or data.test, or pass --data")
    if round_idx > 0 and not run.is_done("train", round_idx):
        raise FileNotFoundError(f"round {round_idx} has no trained adapter yet ({run.adapter(round_idx)})")
    prompts = eval_prompts(recipe, path)
    metrics_path, predictions_path = eval_paths(run, round_idx, data)
    partial = PartialJsonl(predictions_path, key="prompt_id")
    todo = [p for p in prompts if p.prompt_id not in partial.done]
    with progress.task(
        f"round {round_idx}: eval", total=len(prompts), completed=len(prompts) - len(todo)
    ) as bar:
        if todo:
            generator = make_generator(recipe, run.student(round_idx))
            try:
                pieces = stream_within_budgets(  # eval.max_new_tokens_over_input: the same in every round
                    generator,
                    recipe.student,
                    [p.input for p in todo],
                    recipe.eval.max_new_tokens_over_input,
                    [p.messages for p in todo],
                    seeds=[0] * len(todo),  # greedy
                    group=recipe.eval.batch_size,
                    greedy=True,
                    max_new_tokens=recipe.eval.max_new_tokens,
                )
                for done in pieces:
                    partial.append([prediction_row(todo[j], o[0]) for j, o in done])
                    bar.advance(len(done))
            finally:
                generator.close()
    by_id = {p.prompt_id: p for p in prompts}
    for row in partial.rows:  # (rows read back from an earlier run too: the verdicts are the recipe's judge's)
        if row["prompt_id"] in by_id:
            row.update(judge_verdicts(recipe, {**by_id[row["prompt_id"]].fields, **row}))
    rows = partial.finish([p.prompt_id for p in prompts])
    result = {"round": round_idx, "data": str(path), **metrics(rows)}
    previous = eval_paths(run, round_idx - 1, data)[1] if round_idx > 0 else None
    if previous is not None and previous.exists():
        diff = round_difference(read_jsonl(previous), rows)  # the paired metrics that apply (references)
        if any(d["n"] for d in diff.values()):  # the same items (eval.max_prompts may differ between runs)
            result["vs_previous_round"] = diff
    atomic_write_json(metrics_path, result)
    return result


def win_rate(
    judge: Any, data: DataSettings, base_rows: list[dict], rows: list[dict], prefix: str = ""
) -> dict[str, float]:
    """Share of prompts where the judge ranks the trained answer above the base answer (ties count half); the
    prompts as the student saw them: ``data``'s messages with the run's task prefix (train.task_prefix).

    Each prompt is ranked through the Judge protocol in both orders, [base, trained] and [trained, base],
    so a judge's position bias cancels; abstentions (NaN) are left out and counted.
    """
    base = {r["prompt_id"]: r for r in base_rows}
    points: list[float] = []
    abstained = 0
    for row in rows:
        b = base.get(row["prompt_id"])
        if b is None:
            continue
        messages = build_messages(data, row["input"], prefix)
        for first, second, trained_at in ((b, row, 1), (row, b, 0)):
            item = CandidateSet(
                row["prompt_id"],
                messages,
                [Completion(x["prediction"], x.get("num_tokens", 0), "stop") for x in (first, second)],
                row.get("reference"),
                row,  # the data row's fields are in it (a judge that checks reads e.g. concepts, lang)
            )
            s = judge.rank(item).scores
            if any(math.isnan(x) for x in s):
                abstained += 1
                continue
            t, o = s[trained_at], s[1 - trained_at]
            points.append(1.0 if t > o + 1e-9 else 0.0 if o > t + 1e-9 else 0.5)
    return {
        "win_rate": sum(points) / len(points) if points else float("nan"),
        "judged": len(points),
        "abstained": abstained,
    }
