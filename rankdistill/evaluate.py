"""Evaluation stage: greedy answers of a round's student on prompts with references -> eval.json.

Round 0 is the untrained student. Predictions (input, reference, prediction) are kept beside the metrics
so a number can always be traced back to the answers behind it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from . import progress
from .data import load_prompts
from .judging.reference import chrf, normalize
from .recipe import Recipe
from .records import PartialJsonl, atomic_write_json
from .rundir import RunDir


def metrics(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Exact match (whitespace-normalised), mean chrF, and mean answer length of prediction rows.

    Without references (open-ended prompts) only the length metrics are computed.
    """
    n = len(rows)
    if n == 0:
        return {"n": 0, "exact_match": 0.0, "chrf": 0.0, "mean_length_tokens": 0.0, "mean_length_words": 0.0}
    if any(r.get("reference") is None for r in rows):
        return {
            "n": n,
            "mean_length_tokens": sum(r["num_tokens"] for r in rows) / n,
            "mean_length_words": sum(len(r["prediction"].split()) for r in rows) / n,
        }
    out = {
        "n": n,
        "exact_match": sum(normalize(r["prediction"]) == normalize(r["reference"]) for r in rows) / n,
        "chrf": sum(chrf(normalize(r["prediction"]), normalize(r["reference"])) for r in rows) / n,
        "mean_length_tokens": sum(r["num_tokens"] for r in rows) / n,
        "mean_length_words": sum(len(r["prediction"].split()) for r in rows) / n,
    }
    # For rewriting tasks (e.g. error correction) exact match mixes two skills: leaving correct inputs alone
    # and fixing wrong ones. These two numbers tell them apart.
    if all(r.get("input") is not None for r in rows):
        changed = [r for r in rows if normalize(r["input"]) != normalize(r["reference"])]
        out["copy_rate"] = sum(normalize(r["prediction"]) == normalize(r["input"]) for r in rows) / n
        out["n_needing_change"] = len(changed)
        out["exact_match_needing_change"] = (
            sum(normalize(r["prediction"]) == normalize(r["reference"]) for r in changed) / len(changed)
            if changed
            else 0.0
        )
    return out


def eval_paths(run: RunDir, round_idx: int, data: str | None) -> tuple[Path, Path]:
    """(metrics file, predictions file): the round's own for its test set, a named folder for other files."""
    if data is None:
        return run.eval_json(round_idx), run.predictions(round_idx)
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(data).name)
    folder = run.round_dir(round_idx) / f"eval-{slug}"
    return folder / "eval.json", folder / "predictions.jsonl"


def eval_stage(run: RunDir, round_idx: int, recipe: Recipe, data: str | None = None) -> dict[str, Any]:
    """Evaluate round ``round_idx``'s student on ``data`` (default: eval.data or data.test); resumable."""
    from .generation import make_generator

    path = data or recipe.eval.data or recipe.data.test
    if path is None:
        raise ValueError("nothing to evaluate on: set eval.data or data.test, or pass --data")
    if round_idx > 0 and not run.is_done("train", round_idx):
        raise FileNotFoundError(f"round {round_idx} has no trained adapter yet ({run.adapter(round_idx)})")
    need_reference = recipe.data.reference_field is not None  # open-ended prompts: length metrics only
    prompts = load_prompts(
        path, recipe.data, max_prompts=recipe.eval.max_prompts, need_reference=need_reference
    )
    metrics_path, predictions_path = eval_paths(run, round_idx, data)
    partial = PartialJsonl(predictions_path, key="prompt_id")
    todo = [p for p in prompts if p.prompt_id not in partial.done]
    with progress.task(
        f"round {round_idx}: eval", total=len(prompts), completed=len(prompts) - len(todo)
    ) as bar:
        if todo:
            generator = make_generator(recipe, run.adapter(round_idx) if round_idx > 0 else None)
            try:
                pieces = generator.stream(
                    [p.messages for p in todo],
                    seeds=[0] * len(todo),  # greedy
                    group=recipe.eval.batch_size,
                    greedy=True,
                    max_new_tokens=recipe.eval.max_new_tokens,
                )
                for done in pieces:
                    partial.append(
                        [
                            {
                                "prompt_id": todo[j].prompt_id,
                                "input": todo[j].input,
                                "reference": todo[j].reference,
                                "prediction": o[0].text,
                                "num_tokens": o[0].num_tokens,
                                "finish_reason": o[0].finish_reason,
                            }
                            for j, o in done
                        ]
                    )
                    bar.advance(len(done))
            finally:
                generator.close()
    rows = partial.finish([p.prompt_id for p in prompts])
    result = {"round": round_idx, "data": str(path), **metrics(rows)}
    atomic_write_json(metrics_path, result)
    return result
