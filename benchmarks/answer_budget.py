"""Round 0's evaluation with and without answer budgets (eval.max_new_tokens_over_input), side by side.

The untrained student of a recipe (default: gec-gemma3-270m) answers the recipe's test items greedily, as its
round-0 evaluation does, in one process with the model loaded once: arm A without budgets, arm B with the
recipe's (or --over N), alternated A B A B ... (--pairs), so a shared machine's load falls on both arms alike.
Per arm: wall and process CPU seconds, generated tokens, decoding steps and row-steps (rows the decoder ran, summed
over its steps); then the ratio B / A of the medians. Run it with the kernels of the machine you project for
(e.g. ATEN_CPU_CAPABILITY=avx2 MKL_ENABLE_INSTRUCTIONS=AVX2 ONEDNN_MAX_CPU_ISA=AVX2).

    python benchmarks/answer_budget.py
    python benchmarks/answer_budget.py --recipe gec-gemma3-270m --over 4 --pairs 1 --items 32

The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import time

# as the CLI does, before torch loads: OpenMP threads that spin at barriers make a shared CPU's timings meaningless
if "OMP_WAIT_POLICY" not in os.environ:
    os.environ.setdefault("GOMP_SPINCOUNT", "10000")


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipe", default="gec-gemma3-270m")
    parser.add_argument("--over", type=int, default=None, help="arm B's budget (default: the recipe's, else 4)")
    parser.add_argument("--pairs", type=int, default=2, help="A B pairs to run")
    parser.add_argument("--items", type=int, default=None, help="the first N test items (default: all)")
    args = parser.parse_args()

    from rankdistill.evaluate import eval_prompts
    from rankdistill.generation import make_generator
    from rankdistill.generation.budget import stream_within_budgets
    from rankdistill.recipe import load_recipe

    recipe = load_recipe(args.recipe)
    over = args.over if args.over is not None else (recipe.eval.max_new_tokens_over_input or 4)
    prompts = eval_prompts(recipe, recipe.eval.data or recipe.data.test)[: args.items]
    generator = make_generator(recipe, None)
    shapes: list[tuple[int, int]] = []
    generator.model.model.register_forward_pre_hook(
        lambda module, a, kwargs: shapes.append(tuple(kwargs["input_ids"].shape)), with_kwargs=True
    )
    arms: dict[str, list[dict]] = {"A": [], "B": []}
    for arm in "AB" * args.pairs:
        shapes.clear()
        wall, cpu = time.perf_counter(), cpu_seconds()
        answers = [
            done
            for piece in stream_within_budgets(
                generator,
                recipe.student,
                [p.input for p in prompts],
                None if arm == "A" else over,
                [p.messages for p in prompts],
                seeds=[0] * len(prompts),
                group=recipe.eval.batch_size,
                greedy=True,
                max_new_tokens=recipe.eval.max_new_tokens,
            )
            for done in piece
        ]
        decode = [rows for rows, length in shapes if length == 1]
        arms[arm].append(
            {
                "wall_s": round(time.perf_counter() - wall, 1),
                "cpu_s": round(cpu_seconds() - cpu, 1),
                "tokens": sum(a[0].num_tokens for _, a in answers),
                "cut": sum(a[0].finish_reason == "length" for _, a in answers),
                "steps": len(decode),
                "row_steps": sum(decode),
            }
        )
        print(json.dumps({"arm": arm, **arms[arm][-1]}), flush=True)
    generator.close()

    def median(arm: str, key: str) -> float:
        return statistics.median(r[key] for r in arms[arm])

    print(
        json.dumps(
            {
                "recipe": args.recipe,
                "items": len(prompts),
                "over": over,
                "A": arms["A"],
                "B": arms["B"],
                "wall_B_over_A": round(median("B", "wall_s") / median("A", "wall_s"), 3),
                "tokens_B_over_A": round(median("B", "tokens") / median("A", "tokens"), 3),
            }
        )
    )


if __name__ == "__main__":
    main()
