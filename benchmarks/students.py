"""What a student costs on this machine: converting its packaged GGUF, an SFT step, a greedy evaluation.

For each packaged student (default: SmolLM2-135M-Instruct and Gemma 3 270M), in one run, one after the other:
the conversion into an empty cache (assembling and checking the chunks included), one SFT step of its own GEC
recipe's round 1 (RECIPES: gec-smollm2-small, gec-gemma3-270m; the default recipe for any other student; batch
8, the median of --steps steps after a warm-up step), and a greedy evaluation of the test items (--eval-items,
default all 240, that recipe's eval.max_new_tokens, as its round-0 evaluation: the untrained student). Then the
ratios of each student to the first. Run it with the kernels of the machine you project for (e.g.
ATEN_CPU_CAPABILITY=avx2 MKL_ENABLE_INSTRUCTIONS=AVX2 ONEDNN_MAX_CPU_ISA=AVX2).

    python benchmarks/students.py
    python benchmarks/students.py --students gemma3-270m --steps 3 --eval-items 64 --no-convert

The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

# as the CLI does, before torch loads: OpenMP threads that spin at barriers make a shared CPU's timings meaningless
if "OMP_WAIT_POLICY" not in os.environ:
    os.environ.setdefault("GOMP_SPINCOUNT", "10000")

# each packaged student under its own recipe (prompt, stop strings, batch sizes); None: the default recipe
RECIPES = {"smollm2-135m-instruct": "gec-smollm2-small", "gemma3-270m": "gec-gemma3-270m"}


def convert_seconds(alias: str) -> float:
    """Seconds to assemble (and check) and convert the packaged GGUF into an empty cache."""
    from rankdistill.models import resolve_student

    old = os.environ.get("RANKDISTILL_CACHE")
    with tempfile.TemporaryDirectory() as cache:
        os.environ["RANKDISTILL_CACHE"] = cache
        try:
            start = time.perf_counter()
            resolve_student(alias)
            return time.perf_counter() - start
        finally:
            if old is None:
                os.environ.pop("RANKDISTILL_CACHE")
            else:
                os.environ["RANKDISTILL_CACHE"] = old


def sft_step_seconds(alias: str, steps: int) -> list[float]:
    """Wall seconds of each SFT step (its recipe's round 1: batch 8, lr 3e-4), the first (warm-up) left out."""
    from transformers import TrainerCallback

    from rankdistill.recipe import load_recipe
    from rankdistill.run import resolve_paths
    from rankdistill.train import common, recipe_for
    from rankdistill.train.sft import sft_rows

    recipe = recipe_for(resolve_paths(load_recipe(RECIPES.get(alias), {"student.model": alias})), "sft")
    recipe.train.max_steps = steps + 1
    recipe.train.save_steps = 10_000
    times: list[float] = []

    class Clock(TrainerCallback):
        def on_step_begin(self, args, state, control, **kw):  # noqa: ANN001
            self.start = time.perf_counter()

        def on_step_end(self, args, state, control, **kw):  # noqa: ANN001
            times.append(time.perf_counter() - self.start)

    from datasets import Dataset
    from trl import SFTConfig, SFTTrainer

    common.score_labelled_positions_only()
    model, tokenizer = common.load_trainable(recipe, None)
    tokenizer.padding_side = "right"
    with tempfile.TemporaryDirectory() as out:
        kwargs = common.base_config_kwargs(recipe, Path(out), False)
        kwargs.update(max_length=512, completion_only_loss=True, save_strategy="no")
        trainer = SFTTrainer(
            model=model,
            args=SFTConfig(**kwargs),
            train_dataset=Dataset.from_list(sft_rows(recipe)),
            processing_class=tokenizer,
            callbacks=[Clock()],
        )
        trainer.train()
    return times[1:]


def eval_seconds(alias: str, items: int) -> tuple[float, int]:
    """(seconds, answer tokens) of greedy answers to the first ``items`` test prompts, as evaluation makes them."""
    from rankdistill.data import load_prompts
    from rankdistill.generation import make_generator
    from rankdistill.recipe import load_recipe
    from rankdistill.run import resolve_paths

    recipe = resolve_paths(load_recipe(RECIPES.get(alias), {"student.model": alias}))
    prompts = load_prompts(recipe.data.test, recipe.data)[:items]
    generator = make_generator(recipe, None)
    try:
        start, tokens = time.perf_counter(), 0
        pieces = generator.stream(  # as the eval stage calls it
            [p.messages for p in prompts],
            seeds=[0] * len(prompts),
            group=recipe.eval.batch_size,
            greedy=True,
            max_new_tokens=recipe.eval.max_new_tokens,
        )
        for done in pieces:
            tokens += sum(o[0].num_tokens for _, o in done)
        return time.perf_counter() - start, tokens
    finally:
        generator.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--students", nargs="+", default=["smollm2-135m-instruct", "gemma3-270m"])
    ap.add_argument("--steps", type=int, default=4, help="SFT steps timed (after one warm-up step)")
    ap.add_argument("--eval-items", type=int, default=240, help="test items answered greedily")
    ap.add_argument("--no-convert", action="store_true", help="skip timing the conversion")
    args = ap.parse_args()
    import torch

    result: dict[str, dict] = {}
    for alias in args.students:
        row: dict = {}
        if not args.no_convert:
            row["convert_s"] = round(convert_seconds(alias), 1)
        steps = sft_step_seconds(alias, args.steps)
        row["sft_step_s"] = round(statistics.median(steps), 2)
        seconds, tokens = eval_seconds(alias, args.eval_items)
        row.update(eval_s=round(seconds, 1), eval_tokens=tokens, eval_tokens_per_s=round(tokens / seconds, 1))
        result[alias] = row
        print(alias, row, flush=True)
    first = result[args.students[0]]
    ratios = {
        alias: {
            k: round(row[k] / first[k], 2)
            for k in ("convert_s", "sft_step_s", "eval_s")
            if k in row and k in first
        }
        for alias, row in result.items()
    }
    print("ratios to", args.students[0], ratios)
    print(
        json.dumps(
            {
                "students": result,
                "ratios": ratios,
                "threads": torch.get_num_threads(),
                "cpu_capability": os.environ.get("ATEN_CPU_CAPABILITY", "default"),
            }
        )
    )


if __name__ == "__main__":
    main()
