"""Model-FLOP utilisation (MFU) of every training algorithm against the machine's own matmul rate, per-step time
and peak memory on LoRA and QLoRA, side by side on the same data; and RRHF's batched forward of all k candidates
against one forward per candidate.

    python benchmarks/train.py                      # the default recipe's sizes: batch 4, ~70-token sequences
    python benchmarks/train.py --quant none --algorithms sft,dpo --steps 4

How it counts (one process per (algorithm, quantization), so peak memory and threads are its own):

- Peak: the sustained fp32 rate of ``torch.mm`` on the model's own shapes, measured in the same process just
  before training — [tokens of a batch, hidden] x [hidden, intermediate] (the MLP) and x [hidden, vocabulary]
  (the LM head), each repeated for about a second; the faster of the two is the peak (GFLOP/s, 2·m·n·k per mm).
- Model FLOPs of a step: every forward pass of the student's decoder is seen by a hook, which counts the tokens
  it processes that are not padding (attention mask 1; in a decoding step only the new token). A forward with
  gradients on (the policy) counts 6·N per token (forward 2N + backward 4N, the usual Kaplan/PaLM count); one
  without (a reference model's forward, GRPO's sampling) counts 2·N. N = the parameters of every matmul on the
  path: all decoder linear layers, the LM head (tied to the embeddings: counted once, as a matmul; the embedding
  lookup is not one) and the LoRA adapters. Attention's own T² matmuls are left out (~1 % at 70 tokens).
  Padding is not counted: tokens spent on padding are lost utilisation, as are the steps' other overheads.
- MFU = model FLOPs of the timed steps / their seconds / peak. The first step is left out (allocation, warm-up).
  With LoRA the frozen base weights need no weight gradient, so the work a step really needs is ~4·N per
  trained token, not 6·N: ``mfu_4n`` reports that stricter figure beside the conventional ``mfu``.
- On a CPU shared with other jobs, wall time measures the neighbours too: ``mfu_cpu_time`` divides by this
  process's CPU time instead (steps and peak alike); with ``OMP_NUM_THREADS=1`` it is the work's own rate.

Offline algorithms train on candidates built without sampling (the reference, the uncorrected input, a truncated
reference, a chatty answer), ranked by the reference judge, so every configuration sees the same data; PPO and
GRPO sample k answers per prompt as they train. Every algorithm in the recipe's ``train.algorithm`` type is measured.
The last line is one JSON object: ``peak_matmul_gflops``, ``mfu`` (algorithm -> fraction, LoRA), and the rest.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import typing
from pathlib import Path

QUANT = ("none", "4bit")


def algorithms() -> list[str]:
    """Every algorithm the recipe accepts (so new ones are measured as soon as they are added)."""
    from rankdistill.recipe import AlgorithmName

    return list(typing.get_args(AlgorithmName))


def make_recipe(args: argparse.Namespace, algorithm: str, quantization: str):
    from rankdistill.recipe import load_recipe
    from rankdistill.run import resolve_paths

    return resolve_paths(
        load_recipe(
            None,
            {
                "student.quantization": quantization,
                "train.algorithm": algorithm,
                "train.schedule": None,
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
    for p in training_prompts(recipe, 1):  # round 1's window: --prompts of them
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
    """A progress reporter that timestamps every optimizer step (trainers advance their bar on step end), and
    reads the FLOP counter at each, so a step's time and FLOPs cover the same span."""

    def __init__(self, counter: FlopCounter) -> None:
        self.counter = counter
        self.times: list[float] = []
        self.cpu: list[float] = []
        self.marks: list[tuple[float, float, int, int]] = []

    def _mark(self) -> None:
        self.times.append(time.perf_counter())
        self.cpu.append(time.process_time())
        c = self.counter
        self.marks.append((c.flops, c.flops_4n, c.tokens, c.padded))

    def start(self, name, total, completed=0):  # noqa: ANN001
        clock = self
        clock._mark()

        class Bar:
            def advance(self, n: int = 1) -> None:
                clock._mark()

            def update(self, description: str) -> None:
                pass

        return Bar()

    def stop(self, bar) -> None:  # noqa: ANN001
        pass

    def log(self, message: str) -> None:
        pass


class FlopCounter:
    """Counts model FLOPs of every forward pass of the student's decoder (see the module docstring)."""

    def __init__(self) -> None:
        self.flops = 0.0
        self.flops_4n = 0.0
        self.tokens = 0  # non-padding tokens processed
        self.padded = 0  # all token positions processed, padding included
        self.params = 0

    def attach(self, model) -> None:  # noqa: ANN001
        import torch

        decoder = next(m for m in model.modules() if hasattr(m, "embed_tokens") and hasattr(m, "layers"))
        self._model = model

        def hook(module, args, kwargs):  # noqa: ANN001
            ids = kwargs.get("input_ids", args[0] if args else None)
            if ids is None:
                ids = kwargs["inputs_embeds"][..., 0]
            mask = kwargs.get("attention_mask")
            t = ids.shape[-1]
            tokens = (
                int(mask[..., -t:].sum())
                if isinstance(mask, torch.Tensor) and mask.dim() == 2
                else ids.numel()
            )
            n = self.matmul_params()
            grad = torch.is_grad_enabled()
            self.flops += (6 if grad else 2) * n * tokens
            self.flops_4n += (4 if grad else 2) * n * tokens
            self.tokens += tokens
            self.padded += ids.numel()

        decoder.register_forward_pre_hook(hook, with_kwargs=True)

    def matmul_params(self) -> int:
        """Weights of every linear layer (LoRA included, whichever adapter is active) and the LM head."""
        if not self.params:
            import torch

            seen = set()
            for m in self._model.modules():
                if isinstance(m, torch.nn.Linear) or type(m).__name__ in ("Linear4bit", "Linear8bitLt"):
                    w = m.weight
                    if id(w) not in seen:
                        seen.add(id(w))
                        # a 4-bit weight is packed two per byte: count the matmul's own shape
                        state = getattr(w, "quant_state", None)
                        self.params += torch.Size(state.shape).numel() if state is not None else w.numel()
        return self.params


def peak_matmul_gflops(model_config, tokens: int, seconds: float = 1.0) -> dict[str, float]:
    """Sustained fp32 ``torch.mm`` rate on the model's shapes: [tokens, hidden] x [hidden, intermediate] and
    [tokens, hidden] x [hidden, vocab], each repeated for about ``seconds``; GFLOP/s per shape, by wall time and
    (``*_cpu``) by this process's CPU time."""
    import torch

    h = model_config.hidden_size
    shapes = {
        "mlp": (tokens, h, model_config.intermediate_size),
        "lm_head": (tokens, h, model_config.vocab_size),
    }
    out = {}
    for name, (m, k, n) in shapes.items():
        a, b = torch.randn(m, k), torch.randn(k, n)
        torch.mm(a, b)  # warm-up
        reps, start, cpu = 0, time.perf_counter(), time.process_time()
        while time.perf_counter() - start < seconds:
            torch.mm(a, b)
            reps += 1
        out[name] = 2 * m * k * n * reps / (time.perf_counter() - start) / 1e9
        out[f"{name}_cpu"] = 2 * m * k * n * reps / (time.process_time() - cpu) / 1e9
    return out


def run_one(args: argparse.Namespace) -> None:
    """Child process: measure the matmul peak, train one configuration, print its figures as JSON."""
    from transformers import AutoConfig

    from rankdistill import models, progress
    from rankdistill.rundir import RunDir
    from rankdistill.train import train_with
    from rankdistill.train.common import PeakMemory

    recipe = make_recipe(args, args.one, args.quant)
    root = Path(args.data_dir)
    counter = FlopCounter()
    load_base_model = models.load_base_model

    def load_and_count(*a, **kw):  # every student the trainer loads is counted
        model = load_base_model(*a, **kw)
        counter.attach(model)
        return model

    models.load_base_model = load_and_count
    config = AutoConfig.from_pretrained(models.resolve_student(recipe.student.model))
    peak = peak_matmul_gflops(config, tokens=args.batch * 2 * 70)  # a DPO batch: chosen + rejected, 70 tokens
    clock = StepClock(counter)
    progress.set_reporter(clock)
    with tempfile.TemporaryDirectory() as tmp, PeakMemory() as mem:
        out = Path(tmp) / "adapter"
        out.mkdir()
        train_with(recipe, RunDir(root), 1, out, Path(tmp) / "ckpt", None, "bench")
    # marks[0] is the bar's start (after model loading); steps are the gaps after it, first step left out
    times, marks, cpu = clock.times[2:], clock.marks[2:], clock.cpu[2:]
    steps = [b - a for a, b in zip(times, times[1:], strict=False)]
    seconds = times[-1] - times[0] if len(times) > 1 else float("nan")
    cpu_seconds = cpu[-1] - cpu[0] if len(cpu) > 1 else float("nan")
    flops, flops_4n, tokens, padded = (marks[-1][i] - marks[0][i] for i in range(4))
    best_peak = max(v for k, v in peak.items() if not k.endswith("_cpu"))
    best_peak_cpu = max(v for k, v in peak.items() if k.endswith("_cpu"))
    achieved = flops / seconds / 1e9
    print(
        json.dumps(
            {
                "algorithm": args.one,
                "quantization": args.quant,
                "step_s": statistics.median(steps) if steps else float("nan"),
                "peak_mb": mem.peak_mb,
                "memory": mem.kind,
                "matmul_params": counter.params,
                "peak_gflops": round(best_peak, 2),
                "peak_by_shape": {k: round(v, 2) for k, v in peak.items()},
                "model_gflops_per_step": round(flops / max(len(steps), 1) / 1e9, 2),
                "achieved_gflops": round(achieved, 2),
                "mfu": round(achieved / best_peak, 3),
                "mfu_4n": round(flops_4n / seconds / 1e9 / best_peak, 3),
                # the same by CPU time (training and peak alike): steadier on a machine shared with other jobs
                "step_cpu_s": round(cpu_seconds / max(len(steps), 1), 3),
                "mfu_cpu_time": round(flops / cpu_seconds / 1e9 / best_peak_cpu, 3),
                "tokens_per_step": round(tokens / max(len(steps), 1), 1),
                "padding": round(1 - tokens / padded, 3) if padded else 0.0,
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
    ap.add_argument(
        "--steps", type=int, default=6, help="optimizer steps per configuration (the first is not timed)"
    )
    ap.add_argument("--prompts", type=int, default=16)
    ap.add_argument(
        "--batch", type=int, default=4, help="prompts per step (the default recipe's train.batch_size)"
    )
    ap.add_argument("--k", type=int, default=4)
    ap.add_argument("--max-new-tokens", type=int, default=16)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument(
        "--algorithms", default=None, help="comma-separated (default: every algorithm the recipe takes)"
    )
    ap.add_argument("--quant", default=",".join(QUANT), help="comma-separated subset of none,4bit")
    ap.add_argument("--no-rrhf-forward", action="store_true", help="skip RRHF's batched-vs-looped comparison")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--data-dir", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        return run_one(args)
    names = args.algorithms.split(",") if args.algorithms else algorithms()
    quants = args.quant.split(",")

    with tempfile.TemporaryDirectory() as data_dir:
        build_data(make_recipe(args, "dpo", "none"), Path(data_dir))
        results = []
        for algorithm in names:
            for quant in quants:
                cmd = [
                    sys.executable, __file__, "--one", algorithm, "--quant", quant, "--data-dir", data_dir,
                    "--steps", str(args.steps), "--prompts", str(args.prompts), "--batch", str(args.batch),
                    "--k", str(args.k), "--max-new-tokens", str(args.max_new_tokens),
                ]  # fmt: skip
                proc = subprocess.run(cmd, capture_output=True, text=True)
                if proc.returncode != 0:
                    print(f"{algorithm}/{quant} failed:\n{proc.stderr[-2000:]}", file=sys.stderr)
                    continue
                results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
                print(f"  {algorithm:12s} {quant:5s} done: {results[-1]}", file=sys.stderr, flush=True)
        forward = None
        if "rrhf" in names and not args.no_rrhf_forward:
            args.data_dir = data_dir  # the candidates the trainers used
            forward = rrhf_forward(args)

    print(
        f"\n{args.prompts} prompts, k={args.k}, {args.batch} prompts/step, {args.steps} steps "
        f"(median step after the first)\n"
    )
    print(
        f"{'algorithm':14s}{'quant':7s}{'s/step':>8s}{'peak MB':>9s}{'tok/step':>9s}{'pad':>6s}"
        f"{'GFLOP/s':>9s}{'peak':>8s}{'MFU':>7s}{'MFU(4N)':>9s}"
    )
    for r in results:
        print(
            f"{r['algorithm']:14s}{r['quantization']:7s}{r['step_s']:8.2f}{r['peak_mb']:9.0f}"
            f"{r['tokens_per_step']:9.0f}{r['padding']:6.2f}{r['achieved_gflops']:9.1f}{r['peak_gflops']:8.1f}"
            f"{r['mfu']:7.2f}{r['mfu_4n']:9.2f}"
        )
    by = {(r["algorithm"], r["quantization"]): r for r in results}
    print("\nQLoRA / LoRA:")
    for algorithm in names:
        a, b = by.get((algorithm, "none")), by.get((algorithm, "4bit"))
        if a and b:
            print(
                f"  {algorithm:12s} time x{b['step_s'] / a['step_s']:.2f}   peak memory x{b['peak_mb'] / a['peak_mb']:.2f}"
            )
    if forward:
        f = forward
        print(
            f"\nRRHF forward+backward of {args.batch} prompts x {args.k} candidates: batched {f['batched_s']:.2f} s, "
            f"one forward per candidate {f['loop_s']:.2f} s -> batched is x{f['loop_s'] / f['batched_s']:.2f} "
            f"faster (same loss: {f['batched_loss']:.5f} vs {f['loop_loss']:.5f})"
        )
    lora = [r for r in results if r["quantization"] == "none"]
    summary = {
        # MFU is against the matmul peak each configuration measured in its own process, just before training
        "peak_matmul_gflops": max((r["peak_gflops"] for r in results), default=None),
        "mfu": {r["algorithm"]: r["mfu"] for r in lora},
        "mfu_4n": {r["algorithm"]: r["mfu_4n"] for r in lora},
        "mfu_cpu_time": {r["algorithm"]: r["mfu_cpu_time"] for r in lora},
        "step_s": {f"{r['algorithm']}/{r['quantization']}": round(r["step_s"], 3) for r in results},
        "peak_mb": {f"{r['algorithm']}/{r['quantization']}": round(r["peak_mb"]) for r in results},
        "padding": {r["algorithm"]: r["padding"] for r in lora},
        "rrhf_batched_over_loop": round(forward["loop_s"] / forward["batched_s"], 2) if forward else None,
        "batch": args.batch, "prompts": args.prompts, "k": args.k, "steps": args.steps,
    }  # fmt: skip
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
