"""Model-FLOP utilisation (MFU) of every training algorithm against the machine's own matmul rate, per-step time
and peak memory on LoRA and QLoRA, side by side on the same data; and RRHF's batched forward of all k candidates
against one forward per candidate.

    python benchmarks/train.py                      # the default recipe's sizes: batch 4, ~70-token sequences
    python benchmarks/train.py --quant none --algorithms sft,dpo --steps 4

How it counts (one process per (algorithm, quantization), so peak memory and threads are its own):

- Peak: measured once per run, in the parent process before any configuration trains: the sustained fp32 rate
  of ``torch.mm`` on the student's own shapes -- [tokens of a batch, hidden] x [hidden, intermediate] (the MLP)
  and x [hidden, vocabulary] (the LM head) -- as the best of 5 trials of about half a second each per shape
  (the best trial: the machine's rate when a neighbour is quiet; a peak measured in each child, beside another
  job, once read lower than the training it divided and gave MFU 1.32). The faster shape is the peak (GFLOP/s,
  2·m·n·k per mm); every configuration's MFU divides by that one figure.
- Model FLOPs of a step, counted where the work runs (hooks on the student's modules), non-padding tokens only:
  - the decoder body (every linear layer of the transformer blocks): a forward with gradients on costs 2·N of
    the forward plus 2·N of the input gradient per token for a frozen weight (LoRA's base, QLoRA's 4-bit base:
    4·N, not the 6·N of full fine-tuning, which also pays the 2·N weight gradient) and 6·N for a trained one
    (the LoRA adapters, the active adapter's only: PPO's policy, critic and reference take turns); a forward
    without gradients (rollout sampling, the reference's and the old policy's log-probabilities, the critic's
    values in a rollout) costs 2·N;
  - the LM head (tied to the embeddings and frozen: 4·N_head per scored position with gradients, 2·N_head without)
    on the positions it really scores: all of them for a plain forward, the labelled ones in TRL's fused head
    (SFT, DPO, GRPO on CPU), one per row in a decoding step; PPO's critic runs the body only and pays no head;
  - the embedding lookup is not a matmul; attention's own T² products are left out (~1 % at 70 tokens); work a
    kernel repeats (TRL's tiles computing the logits again in the backward) is not model FLOPs.
- MFU = model FLOPs of the timed steps / their seconds / peak. The first step is left out (allocation, warm-up).
  ``flops_share`` says where a step's model FLOPs went (body/head, with/without gradients).
- On a CPU shared with other jobs, wall time measures the neighbours too: ``mfu_cpu_time`` divides by this
  process's CPU time instead (steps and the peak's CPU time alike); with ``OMP_NUM_THREADS=1`` it is the work's
  own rate.

Offline algorithms train on candidates built without sampling (the reference, the uncorrected input, a truncated
reference, a chatty answer), ranked by the reference judge, so every configuration sees the same data; PPO and
GRPO sample k answers per prompt as they train. Every algorithm in the recipe's ``train.algorithm`` type is measured.
The last line is one JSON object: ``peak_matmul_gflops`` (and how it was measured), ``mfu`` (algorithm -> fraction,
LoRA), and the rest.
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
    from rankdistill.records import CandidateSet, Completion
    from rankdistill.shapes import list_rows, pair_rows

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
        self.marks: list[tuple[dict[str, float], int, int]] = []

    def _mark(self) -> None:
        self.times.append(time.perf_counter())
        self.cpu.append(time.process_time())
        c = self.counter
        self.marks.append((dict(c.flops), c.tokens, c.padded))

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


PARTS = ("body_grad", "body_nograd", "head_grad", "head_nograd")


class FlopCounter:
    """Counts the model FLOPs of every pass through the student's decoder body and LM head (see the module
    docstring), by part: ``flops[part]``."""

    def __init__(self) -> None:
        self.flops = dict.fromkeys(PARTS, 0.0)
        self.tokens = 0  # non-padding tokens through the body
        self.padded = 0  # all positions through the body, padding included
        self._last = (0, 0)  # the body's last (positions, real tokens): the head's rows that are not padding

    def attach(self, model) -> None:  # noqa: ANN001
        import torch

        decoder = next(m for m in model.modules() if hasattr(m, "embed_tokens") and hasattr(m, "layers"))
        params: list[tuple[int, int]] = []  # this model's (frozen, trained), read on first use

        def body(module, args, kwargs):  # noqa: ANN001
            ids = kwargs.get("input_ids", args[0] if args else None)
            if ids is None:
                ids = kwargs["inputs_embeds"][..., 0]
            mask = kwargs.get("attention_mask")
            t = ids.shape[-1]
            tokens = (
                int(mask[..., -t:].sum()) if isinstance(mask, torch.Tensor) and mask.dim() == 2 else ids.numel()
            )
            if not params:  # after peft has added its adapters
                params.append(body_params(decoder))
            frozen, trained = params[0]
            if torch.is_grad_enabled():
                self.flops["body_grad"] += (4 * frozen + 6 * trained) * tokens
            else:
                self.flops["body_nograd"] += 2 * (frozen + trained) * tokens
            self.tokens += tokens
            self.padded += ids.numel()
            self._last = (ids.numel(), tokens)

        def head(module, args, output):  # noqa: ANN001
            hidden = args[0]
            self.count_head(hidden.shape[:-1].numel(), module.weight, hidden.requires_grad, plain=True)

        decoder.register_forward_pre_hook(body, with_kwargs=True)
        model.get_output_embeddings().register_forward_hook(head)

    def count_head(self, rows: int, weight, grad: bool, plain: bool = False) -> None:  # noqa: ANN001
        """``rows`` positions through the LM head (a plain forward's padding positions are taken out)."""
        import torch

        if plain and rows == self._last[0]:
            rows = self._last[1]
        n = weight.numel()
        if grad and torch.is_grad_enabled():
            self.flops["head_grad"] += (6 if weight.requires_grad else 4) * n * rows
        else:
            self.flops["head_nograd"] += 2 * n * rows

    def count_fused_head(self) -> None:
        """Count the rows TRL's fused LM head scores (it reads the head's weight, not the module)."""
        import trl.trainer.utils as trl_utils

        from rankdistill.train import common

        common.score_labelled_positions_only()  # the fused head as training will run it
        inner, counter = trl_utils._ChunkedLogProbFunction, self

        class Counted:
            dense_on_cpu = True  # already the CPU head: score_labelled_positions_only leaves it as it is

            @staticmethod
            def apply(hidden, weight, *rest):  # noqa: ANN001
                counter.count_head(hidden.shape[0], weight, hidden.requires_grad)
                return inner.apply(hidden, weight, *rest)

        trl_utils._ChunkedLogProbFunction = Counted


def body_params(decoder) -> tuple[int, int]:  # noqa: ANN001
    """(frozen, trained) weights of the decoder body's linear layers; of the LoRA adapters one adapter's (peft's
    adapters take turns, one active per forward)."""
    import torch

    frozen, trained = 0, {}
    for name, m in decoder.named_modules():
        if not (isinstance(m, torch.nn.Linear) or type(m).__name__ in ("Linear4bit", "Linear8bitLt")):
            continue
        w = m.weight
        state = getattr(w, "quant_state", None)  # a 4-bit weight is packed two per byte: the matmul's own shape
        size = torch.Size(state.shape).numel() if state is not None else w.numel()
        parts = name.split(".")
        if "lora_A" in parts or "lora_B" in parts:
            trained[parts[-1]] = trained.get(parts[-1], 0) + size  # by adapter name
        elif w.requires_grad:
            trained[""] = trained.get("", 0) + size  # a trained base weight (full fine-tuning)
        else:
            frozen += size
    base = trained.pop("", 0)
    return frozen, base + max(trained.values(), default=0)


def peak_matmul_gflops(model_config, tokens: int, trials: int = 5, seconds: float = 0.5) -> dict[str, float]:
    """Sustained fp32 ``torch.mm`` rate on the model's shapes: [tokens, hidden] x [hidden, intermediate] and
    [tokens, hidden] x [hidden, vocab], the best of ``trials`` runs of about ``seconds`` each; GFLOP/s per shape,
    by wall time and (``*_cpu``) by this process's CPU time."""
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
        best, best_cpu = 0.0, 0.0
        for _ in range(trials):
            reps, start, cpu = 0, time.perf_counter(), time.process_time()
            while time.perf_counter() - start < seconds:
                torch.mm(a, b)
                reps += 1
            best = max(best, 2 * m * k * n * reps / (time.perf_counter() - start) / 1e9)
            best_cpu = max(best_cpu, 2 * m * k * n * reps / max(time.process_time() - cpu, 1e-9) / 1e9)
        out[name], out[f"{name}_cpu"] = best, best_cpu
    return out


PEAK_METHOD = (
    "best of 5 trials of ~0.5 s of fp32 torch.mm per shape ([tokens, hidden] x [hidden, intermediate] and "
    "x [hidden, vocabulary]), in the parent process before any configuration trains; the faster shape"
)


def run_one(args: argparse.Namespace) -> None:
    """Child process: train one configuration, print its figures as JSON (MFU against the parent's peak)."""
    from rankdistill import models, progress
    from rankdistill.rundir import RunDir
    from rankdistill.train import train_with
    from rankdistill.train.common import PeakMemory

    recipe = make_recipe(args, args.one, args.quant)
    root = Path(args.data_dir)
    counter = FlopCounter()
    counter.count_fused_head()
    load_base_model = models.load_base_model

    def load_and_count(*a, **kw):  # every student the trainer loads is counted
        model = load_base_model(*a, **kw)
        counter.attach(model)
        return model

    models.load_base_model = load_and_count
    peak = json.loads(args.peak)
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
    parts = {k: marks[-1][0][k] - marks[0][0][k] for k in PARTS}
    flops = sum(parts.values())
    tokens, padded = (marks[-1][i] - marks[0][i] for i in (1, 2))
    achieved = flops / seconds / 1e9
    print(
        json.dumps(
            {
                "algorithm": args.one,
                "quantization": args.quant,
                "step_s": statistics.median(steps) if steps else float("nan"),
                "peak_mb": mem.peak_mb,
                "memory": mem.kind,
                "peak_gflops": round(peak["gflops"], 2),
                "model_gflops_per_step": round(flops / max(len(steps), 1) / 1e9, 2),
                "flops_share": {k: round(v / flops, 3) if flops else 0.0 for k, v in parts.items()},
                "achieved_gflops": round(achieved, 2),
                "mfu": round(achieved / peak["gflops"], 3),
                # the same by CPU time (training and peak alike): steadier on a machine shared with other jobs
                "step_cpu_s": round(cpu_seconds / max(len(steps), 1), 3),
                "mfu_cpu_time": round(flops / cpu_seconds / 1e9 / peak["gflops_cpu"], 3),
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
    ap.add_argument("--peak", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        return run_one(args)
    names = args.algorithms.split(",") if args.algorithms else algorithms()
    quants = args.quant.split(",")

    from transformers import AutoConfig

    from rankdistill.models import resolve_student

    student = make_recipe(args, "dpo", "none").student.model
    # once per run, before any configuration trains (module docstring): a DPO batch, chosen + rejected, 70 tokens
    peak_by_shape = peak_matmul_gflops(AutoConfig.from_pretrained(resolve_student(student)), args.batch * 2 * 70)
    peak = {
        "gflops": max(v for k, v in peak_by_shape.items() if not k.endswith("_cpu")),
        "gflops_cpu": max(v for k, v in peak_by_shape.items() if k.endswith("_cpu")),
    }
    print(f"peak: {peak['gflops']:.1f} GFLOP/s ({PEAK_METHOD})", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory() as data_dir:
        build_data(make_recipe(args, "dpo", "none"), Path(data_dir))
        results = []
        for algorithm in names:
            for quant in quants:
                cmd = [
                    sys.executable, __file__, "--one", algorithm, "--quant", quant, "--data-dir", data_dir,
                    "--steps", str(args.steps), "--prompts", str(args.prompts), "--batch", str(args.batch),
                    "--k", str(args.k), "--max-new-tokens", str(args.max_new_tokens), "--peak", json.dumps(peak),
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
        f"{'GFLOP/s':>9s}{'peak':>8s}{'MFU':>7s}{'MFU(cpu)':>10s}"
    )
    for r in results:
        print(
            f"{r['algorithm']:14s}{r['quantization']:7s}{r['step_s']:8.2f}{r['peak_mb']:9.0f}"
            f"{r['tokens_per_step']:9.0f}{r['padding']:6.2f}{r['achieved_gflops']:9.1f}{r['peak_gflops']:8.1f}"
            f"{r['mfu']:7.2f}{r['mfu_cpu_time']:10.2f}"
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
        # every MFU is against this one peak, measured once in this process before any training
        "peak_matmul_gflops": round(peak["gflops"], 2),
        "peak_method": PEAK_METHOD,
        "student": student,
        "mfu": {r["algorithm"]: r["mfu"] for r in lora},
        "mfu_cpu_time": {r["algorithm"]: r["mfu_cpu_time"] for r in lora},
        "step_s": {f"{r['algorithm']}/{r['quantization']}": round(r["step_s"], 3) for r in results},
        "peak_mb": {f"{r['algorithm']}/{r['quantization']}": round(r["peak_mb"]) for r in results},
        "padding": {r["algorithm"]: r["padding"] for r in lora},
        "flops_share": {r["algorithm"]: r["flops_share"] for r in lora},
        "rrhf_batched_over_loop": round(forward["loop_s"] / forward["batched_s"], 2) if forward else None,
        "batch": args.batch, "prompts": args.prompts, "k": args.k, "steps": args.steps,
    }  # fmt: skip
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
