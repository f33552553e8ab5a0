"""One SFT step of a recipe's round 1, before and after the CPU speed-ups, in one run: the per-step time of each
variant and its ratio to the first.

    python benchmarks/sft_step.py                                # gec-gemma3-270m, 6 timed steps per variant
    python benchmarks/sft_step.py --recipe recipes/gec-gemma3-270m.yaml --steps 4 --profile

Variants (each a fresh adapter on the same student; the same seeded batches where the sampler allows):

- ``trl_head``: before. TRL's fused LM head scoring the labelled positions only (what
  ``rankdistill/train/lm_head.py: score_labelled_positions_only`` did before this benchmark existed), in
  [tokens, 32768] tiles that the backward computes again; padded batches in random order; the prompt as
  ``--before-system-prompt`` says (default: the recipe's old system prompt).
- ``dense_head``: the LM head as ``rankdistill/train/lm_head.py: dense_logprobs`` runs it on CPU (one matmul,
  logits kept for the backward; the same values), same batches.
- ``short_prompt``: plus the recipe's own prompt (its system prompt folded into Gemma's first user turn is paid in
  every forward pass: ~22 of a row's ~56 tokens).
- ``by_length``: plus batches of similar length (``train_sampling_strategy: group_by_length``): less padding.
- ``padding_free``: instead of that, TRL's padding-free batches (one row of every example's tokens, a block-diagonal
  causal mask built from position ids): no padding, but attention over the whole row.

Run it with the kernels of the machine you project for (e.g. ATEN_CPU_CAPABILITY=avx2 MKL_ENABLE_INSTRUCTIONS=AVX2
ONEDNN_MAX_CPU_ISA=AVX2); on a shared CPU only the ratios mean something. ``--profile`` prints the torch
profiler's top operators of one step of the first and the last variant. The last line is one JSON object.
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

# the system prompt gec-gemma3-270m had before this benchmark (the "before" of the prompt lever)
BEFORE_SYSTEM_PROMPT = (
    "You are a grammar corrector. Reply with the corrected sentence only, in the same language, with no explanation."
)

VARIANTS = {
    "trl_head": {"head": "trl", "before_prompt": True, "sampling": "random"},
    "dense_head": {"head": "dense", "before_prompt": True, "sampling": "random"},
    "short_prompt": {"head": "dense", "before_prompt": False, "sampling": "random"},
    "by_length": {"head": "dense", "before_prompt": False, "sampling": "group_by_length"},
    "padding_free": {"head": "dense", "before_prompt": False, "sampling": "random", "padding_free": True},
}


def use_head(kind: str) -> None:
    """TRL's fused head on labelled positions only, in TRL's tiles ('trl') or dense on CPU ('dense')."""
    import trl.trainer.utils as trl_utils
    from trl.kernels import ChunkedLogProbFunction

    from rankdistill.train import common

    trl_utils._ChunkedLogProbFunction = ChunkedLogProbFunction  # TRL's own
    common.score_labelled_positions_only()  # labelled positions only, and the dense head on CPU
    if kind == "trl":
        trl_utils._ChunkedLogProbFunction = ChunkedLogProbFunction


def measure(args: argparse.Namespace, name: str, variant: dict, profile: bool) -> dict:
    """Median seconds of ``args.steps`` SFT steps (after one warm-up step), tokens and padding per step."""
    import torch
    from datasets import Dataset
    from transformers import TrainerCallback
    from trl import SFTConfig, SFTTrainer

    from rankdistill.recipe import load_recipe
    from rankdistill.run import resolve_paths
    from rankdistill.train import common, recipe_for
    from rankdistill.train.sft import config_fields, sft_rows

    overrides = {"data.system_prompt": args.before_system_prompt} if variant["before_prompt"] else {}
    recipe = recipe_for(resolve_paths(load_recipe(args.recipe, overrides)), "sft")
    if args.batch:
        recipe.train.batch_size = args.batch
    recipe.train.max_steps = args.steps + 1
    use_head(variant["head"])
    times: list[float] = []
    counts: list[tuple[int, int, int]] = []
    prof = torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CPU]) if profile else None

    class Clock(TrainerCallback):
        def on_step_begin(self, args, state, control, **kw):  # noqa: ANN001
            if prof is not None and state.global_step == 1:
                prof.start()
            self.start = time.perf_counter()

        def on_step_end(self, args, state, control, **kw):  # noqa: ANN001
            times.append(time.perf_counter() - self.start)
            if prof is not None and state.global_step == 2:
                prof.stop()

    model, tokenizer = common.load_trainable(recipe, None)
    tokenizer.padding_side = "right"
    with tempfile.TemporaryDirectory() as out:
        kwargs = common.base_config_kwargs(recipe, Path(out), False)
        kwargs.update(config_fields(recipe, None), save_strategy="no", train_sampling_strategy=variant["sampling"])
        if variant.get("padding_free"):  # TRL enforces no max_length then; GEC rows are far under 512 tokens
            kwargs.update(padding_free=True, max_length=None)
        trainer = SFTTrainer(
            model=model,
            args=SFTConfig(**kwargs),
            train_dataset=Dataset.from_list(sft_rows(recipe)),
            processing_class=tokenizer,
            callbacks=[Clock()],
        )
        collate = trainer.data_collator

        def counting(features):  # noqa: ANN001
            batch = collate(features)
            mask = batch.get("attention_mask")  # none in a padding-free batch: every position is a token
            real = int(mask.sum()) if mask is not None else batch["input_ids"].numel()
            counts.append((real, batch["input_ids"].numel(), int((batch["labels"] != -100).sum())))
            return batch

        trainer.data_collator = counting
        trainer.train()
    steps = times[1:]
    real, positions, labelled = (sum(c[i] for c in counts[1:]) / max(len(counts) - 1, 1) for i in range(3))
    result = {
        "step_s": round(statistics.median(steps), 3),
        # per real token: batches of similar length (by_length) are not the random batches' mix of lengths
        "ms_per_token": round(1000 * sum(steps) / max(sum(c[0] for c in counts[1:]), 1), 3),
        "steps_s": [round(t, 2) for t in steps],
        "tokens_per_step": round(real, 1),
        "positions_per_step": round(positions, 1),
        "labelled_per_step": round(labelled, 1),
        "padding": round(1 - real / positions, 3) if positions else 0.0,
    }
    if prof is not None:
        print(f"\n{name}: one step's top operators (self CPU time)")
        print(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=12))
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--recipe", default="recipes/gec-gemma3-270m.yaml")
    ap.add_argument("--steps", type=int, default=6, help="timed steps per variant (after one warm-up step)")
    ap.add_argument("--batch", type=int, default=None, help="examples per step (default: the recipe's SFT batch)")
    ap.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated subset of " + ",".join(VARIANTS))
    ap.add_argument("--before-system-prompt", default=BEFORE_SYSTEM_PROMPT)
    ap.add_argument("--profile", action="store_true", help="torch profiler table of the first and last variant")
    args = ap.parse_args()
    import torch

    names = args.variants.split(",")
    results = {}
    for i, name in enumerate(names):
        results[name] = measure(args, name, VARIANTS[name], args.profile and i in (0, len(names) - 1))
        print(name, results[name], flush=True)
    first = results[names[0]]
    ratios = {name: round(first["step_s"] / r["step_s"], 2) for name, r in results.items()}
    per_token = {name: round(first["ms_per_token"] / r["ms_per_token"], 2) for name, r in results.items()}
    print(
        f"\n{'variant':14s}{'s/step':>8s}{'tokens':>8s}{'padding':>9s}{'labelled':>9s}{'ms/token':>10s}"
        f"{'speed-up':>10s}{'per token':>10s}"
    )
    for name, r in results.items():
        print(
            f"{name:14s}{r['step_s']:8.2f}{r['tokens_per_step']:8.0f}{r['padding']:9.2f}"
            f"{r['labelled_per_step']:9.0f}{r['ms_per_token']:10.2f}{ratios[name]:10.2f}{per_token[name]:10.2f}"
        )
    print(
        json.dumps(
            {
                "recipe": args.recipe,
                "step_s": {name: r["step_s"] for name, r in results.items()},
                "speedup_vs_" + names[0]: ratios,
                "ms_per_token": {name: r["ms_per_token"] for name, r in results.items()},
                "tokens_per_step": {name: r["tokens_per_step"] for name, r in results.items()},
                "padding": {name: r["padding"] for name, r in results.items()},
                "steps": args.steps,
                "threads": torch.get_num_threads(),
                "cpu_capability": os.environ.get("ATEN_CPU_CAPABILITY", "default"),
            }
        )
    )


if __name__ == "__main__":
    main()
