"""Per-step time and peak memory of each algorithm (DPO, listwise DPO, RRHF, PPO, GRPO) on LoRA and QLoRA, side
by side on the same data; and RRHF's batched forward of all k candidates against one forward per candidate.

    python benchmarks/train.py                      # tiny defaults: 8 prompts, k=4, 4 steps
    python benchmarks/train.py --steps 8 --prompts 16 --k 4 --max-new-tokens 32

Each (algorithm, quantization) trains in its own process so its peak memory is its own (CUDA: peak allocated;
CPU: peak resident set of the process, which includes the model and the Python runtime). The first step is left
out of the per-step time (allocation and warm-up). Offline algorithms train on candidates built without sampling
(the reference, the uncorrected input, a truncated reference, a chatty answer), ranked by the reference judge, so
every configuration sees the same data; PPO and GRPO sample k answers per prompt as they train.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ALGORITHMS = ("dpo", "dpo_listwise", "rrhf", "ppo", "grpo")
QUANT = ("none", "4bit")


def make_recipe(args: argparse.Namespace, algorithm: str, quantization: str):
    from rankdistill.recipe import load_recipe
    from rankdistill.run import resolve_paths

    return resolve_paths(
        load_recipe(
            None,
            {
                "student.quantization": quantization,
                "train.algorithm": algorithm,
                "train.max_steps": args.steps,
                "train.batch_size": args.batch,
                "train.save_steps": 10_000,
                "data.max_prompts": args.prompts,
                "generation.k": args.k,
                "generation.max_new_tokens": args.max_new_tokens,
            },
        )
    )


def build_data(recipe, root: Path) -> None:
    """prefs/pairs and prefs/lists in root/round-01 from sampling-free candidates, ranked by the reference judge."""
    from datasets import Dataset

    from rankdistill.generation import training_prompts
    from rankdistill.judging.reference import ReferenceJudge
    from rankdistill.preferences import list_rows, pair_rows
    from rankdistill.records import CandidateSet, Completion

    judge = ReferenceJudge()
    items = []
    for p in training_prompts(recipe):
        texts = [p.reference, p.input, " ".join(p.reference.split()[:-2]), f"Sure! Here it is: {p.reference}"]
        texts = (texts * recipe.generation.k)[: recipe.generation.k]
        items.append(
            CandidateSet(p.prompt_id, p.messages, [Completion(t, 0, "stop") for t in texts], p.reference)
        )
    rankings = [judge.rank(it) for it in items]
    pairs, _ = pair_rows(items, rankings, recipe.preferences)
    prefs = root / "round-01" / "prefs"
    Dataset.from_list(pairs).save_to_disk(str(prefs / "pairs"))
    Dataset.from_list(list_rows(items, rankings)).save_to_disk(str(prefs / "lists"))


class StepClock:
    """A progress reporter that timestamps every optimizer step (trainers advance their bar on step end)."""

    def __init__(self) -> None:
        self.times: list[float] = []

    def start(self, name, total, completed=0):  # noqa: ANN001
        clock = self
        clock.times.append(time.perf_counter())

        class Bar:
            def advance(self, n: int = 1) -> None:
                clock.times.append(time.perf_counter())

            def update(self, description: str) -> None:
                pass

        return Bar()

    def stop(self, bar) -> None:  # noqa: ANN001
        pass

    def log(self, message: str) -> None:
        pass


def run_one(args: argparse.Namespace) -> None:
    """Child process: train one configuration and print its figures as JSON."""
    from rankdistill import progress
    from rankdistill.rundir import RunDir
    from rankdistill.train import train_with
    from rankdistill.train.common import PeakMemory

    recipe = make_recipe(args, args.one, args.quant)
    root = Path(args.data_dir)
    clock = StepClock()
    progress.set_reporter(clock)
    with tempfile.TemporaryDirectory() as tmp, PeakMemory() as mem:
        out = Path(tmp) / "adapter"
        out.mkdir()
        train_with(recipe, RunDir(root), 1, out, Path(tmp) / "ckpt", None, "bench")
    # times[0] is the bar's start (after model loading); steps are the gaps after it, first step left out
    steps = [b - a for a, b in zip(clock.times[1:], clock.times[2:], strict=False)]
    print(
        json.dumps(
            {
                "algorithm": args.one,
                "quantization": args.quant,
                "step_s": statistics.median(steps) if steps else float("nan"),
                "peak_mb": mem.peak_mb,
                "memory": mem.kind,
            }
        )
    )


def rrhf_forward(args: argparse.Namespace) -> dict[str, float]:
    """Forward + backward of RRHF's loss: all B*k candidates in one padded batch vs one forward each."""
    import torch
    from datasets import load_from_disk

    from rankdistill.train.common import load_trainable
    from rankdistill.train.losses import rrhf_rank_loss
    from rankdistill.train.rrhf import candidate_logps, encode_lists

    recipe = make_recipe(args, "rrhf", "none")
    model, tok = load_trainable(recipe, None)
    rows = load_from_disk(str(Path(args.data_dir) / "round-01/prefs/lists")).to_list()[: args.batch]
    batch = encode_lists(tok, rows, 512)

    def batched() -> float:
        p = candidate_logps(model, batch)
        loss = rrhf_rank_loss(p, batch["scores"])
        loss.backward()
        return float(loss)

    def looped() -> float:
        ps = []
        for row in rows:
            for text in row["completions"]:
                one = encode_lists(tok, [{**row, "completions": [text], "scores": [0.0]}], 512)
                ps.append(candidate_logps(model, one).view(()))
        p = torch.stack(ps).view(batch["scores"].shape)
        loss = rrhf_rank_loss(p, batch["scores"])
        loss.backward()
        return float(loss)

    out = {}
    for name, fn in (("batched", batched), ("loop", looped)):
        fn()  # warm-up
        times = []
        for _ in range(args.repeats):
            model.zero_grad()
            t = time.perf_counter()
            out[f"{name}_loss"] = fn()
            times.append(time.perf_counter() - t)
        out[f"{name}_s"] = statistics.median(times)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--steps", type=int, default=4)
    ap.add_argument("--prompts", type=int, default=8)
    ap.add_argument("--batch", type=int, default=2, help="prompts per step")
    ap.add_argument("--k", type=int, default=4)
    ap.add_argument("--max-new-tokens", type=int, default=16)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--algorithms", default=",".join(ALGORITHMS))
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--quant", help=argparse.SUPPRESS)
    ap.add_argument("--data-dir", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        return run_one(args)

    with tempfile.TemporaryDirectory() as data_dir:
        build_data(make_recipe(args, "dpo", "none"), Path(data_dir))
        results = []
        for algorithm in args.algorithms.split(","):
            for quant in QUANT:
                cmd = [
                    sys.executable,
                    __file__,
                    "--one",
                    algorithm,
                    "--quant",
                    quant,
                    "--data-dir",
                    data_dir,
                    "--steps",
                    str(args.steps),
                    "--prompts",
                    str(args.prompts),
                    "--batch",
                    str(args.batch),
                    "--k",
                    str(args.k),
                    "--max-new-tokens",
                    str(args.max_new_tokens),
                ]
                proc = subprocess.run(cmd, capture_output=True, text=True)
                if proc.returncode != 0:
                    print(f"{algorithm}/{quant} failed:\n{proc.stderr[-2000:]}", file=sys.stderr)
                    continue
                results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
                print(f"  {algorithm:5s} {quant:5s} done: {results[-1]}", file=sys.stderr, flush=True)
        args.data_dir = data_dir  # the candidates the trainers used
        forward = rrhf_forward(args)

    print(
        f"\n{args.prompts} prompts, k={args.k}, {args.batch} prompts/step, {args.steps} steps "
        f"(median step after the first)\n"
    )
    print(f"{'algorithm':10s}{'quant':8s}{'s/step':>9s}{'peak MB':>10s}")
    for r in results:
        print(f"{r['algorithm']:10s}{r['quantization']:8s}{r['step_s']:9.2f}{r['peak_mb']:10.0f}")
    by = {(r["algorithm"], r["quantization"]): r for r in results}
    print("\nQLoRA / LoRA:")
    for algorithm in args.algorithms.split(","):
        a, b = by.get((algorithm, "none")), by.get((algorithm, "4bit"))
        if a and b:
            print(
                f"  {algorithm:5s} time x{b['step_s'] / a['step_s']:.2f}   peak memory x{b['peak_mb'] / a['peak_mb']:.2f}"
            )
    print("\nagainst DPO (same quantization):")
    for quant in QUANT:
        base = by.get(("dpo", quant))
        for algorithm in args.algorithms.split(","):
            r = by.get((algorithm, quant))
            if base and r and algorithm != "dpo":
                print(
                    f"  {algorithm:5s} {quant:5s} time x{r['step_s'] / base['step_s']:.2f}   "
                    f"peak memory x{r['peak_mb'] / base['peak_mb']:.2f}"
                )
    f = forward
    print(
        f"\nRRHF forward+backward of {args.batch} prompts x {args.k} candidates: batched {f['batched_s']:.2f} s, "
        f"one forward per candidate {f['loop_s']:.2f} s -> batched is x{f['loop_s'] / f['batched_s']:.2f} faster "
        f"(same loss: {f['batched_loss']:.5f} vs {f['loop_loss']:.5f})"
    )


if __name__ == "__main__":
    main()
