"""GPU benchmark: what the small recipe's stages cost on one CUDA device, and how busy they keep it.

    python benchmarks/gpu.py [--sft-steps 40] [--profile DIR]

In one process, on the packaged SmolLM2 student of ``gec-smollm2-small`` (the default recipe until Gemma 3 270M
took over) in its default dtype (bf16 on CUDA):
- greedy evaluation of the 240 test items (48 new tokens, as the recipe): seconds with ``batch_size:
  auto`` (on CUDA the whole set in one call) and with 32 prompts per call (the old default), for the ratio;
- generation: the recipe's generate stage, 64 prompts x 4 samples at temperature 0.7, 48 new tokens:
  generated tokens/s with ``auto`` and with 16 prompts per call (the old default);
- SFT at batch 8 (the recipe's dSFT round) for --sft-steps steps through the real trainer: steps/s
  over the steps after the first three (kernels compiled, buffers allocated), and the whole stage's seconds
  (model load, tokenising, saving included).
For each phase: the GPU busy share (torch.cuda.utilization, else nvidia-smi, sampled every 0.1 s: the share of
time a kernel was running) and peak memory allocated. Model load and one warm-up call are timed apart.
--profile DIR writes torch profiler tables (by CPU and CUDA time, with the host syncs' counts) of one greedy
batch and of four SFT steps. The last line is one JSON object.

Without CUDA it runs at reduced sizes (16 eval items, 8 prompts, 6 SFT steps, 16 new tokens) so it can be seen
to work: those are CPU figures, and the JSON says so.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECIPE = "gec-smollm2-small"  # SmolLM2: the student the GPU goals were set on (docs/results.md)
sys.path.insert(0, str(ROOT))


class BusySampler:
    """GPU utilisation sampled in a background thread; ``share(start, end)`` is the mean over a window."""

    def __init__(self, interval: float = 0.1):
        import torch

        self.samples: list[tuple[float, float]] = []
        self.source = None
        if torch.cuda.is_available():
            try:
                torch.cuda.utilization()
                self.source = "torch.cuda.utilization"
            except Exception:  # noqa: BLE001 - no pynvml: ask nvidia-smi
                if shutil.which("nvidia-smi"):
                    self.source = "nvidia-smi"
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        if self.source:
            self._thread.start()

    def _read(self) -> float | None:
        import torch

        if self.source == "torch.cuda.utilization":
            return float(torch.cuda.utilization())
        out = subprocess.run(
            ["nvidia-smi", "--query-gpu=utilization.gpu", "--format=csv,noheader,nounits", "-i", "0"],
            capture_output=True,
            text=True,
            timeout=5,
        )
        return float(out.stdout.strip().splitlines()[0]) if out.returncode == 0 else None

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            value = self._read()
            if value is not None:
                self.samples.append((time.perf_counter(), value))

    def share(self, start: float, end: float) -> float | None:
        window = [v for t, v in self.samples if start <= t <= end]
        return round(statistics.mean(window) / 100, 3) if window else None

    def close(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()


class Phases:
    """Seconds, GPU busy share and peak memory allocated of each named phase."""

    def __init__(self, busy: BusySampler):
        self.busy = busy
        self.results: dict[str, dict[str, float | None]] = {}

    @contextmanager
    def phase(self, name: str):
        import torch

        cuda = torch.cuda.is_available()
        if cuda:
            torch.cuda.synchronize()
            torch.cuda.reset_peak_memory_stats()
        start = time.perf_counter()
        extra: dict[str, float | None] = {}
        yield extra
        if cuda:
            torch.cuda.synchronize()
        end = time.perf_counter()
        self.results[name] = {
            "seconds": round(end - start, 3),
            "gpu_busy": self.busy.share(start, end),
            "peak_memory_mb": round(torch.cuda.max_memory_allocated() / 2**20, 1) if cuda else None,
            **extra,
        }
        print(f"{name}: {json.dumps(self.results[name])}", file=sys.stderr, flush=True)


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


def profiler():  # noqa: ANN201
    import torch
    from torch.profiler import ProfilerActivity, profile

    activities = [ProfilerActivity.CPU] + ([ProfilerActivity.CUDA] if torch.cuda.is_available() else [])
    return profile(activities=activities)


def profile_to(folder: Path, name: str, fn) -> None:  # noqa: ANN001
    """Run ``fn`` under the torch profiler; write its op tables and how often the host waited for the GPU."""
    with profiler() as prof:
        fn()
    write_profile(prof, folder, name)


class ProfiledSteps(StepClock):
    """A progress reporter that profiles the training steps after step ``first`` up to step ``last``."""

    def __init__(self, folder: Path, name: str, first: int, last: int) -> None:
        super().__init__()
        self.folder, self.name, self.first, self.last, self.prof = folder, name, first, last, None

    def start(self, name, total, completed=0):  # noqa: ANN001
        bar = super().start(name, total, completed)
        clock, advance = self, bar.advance

        def profiled_advance(n: int = 1) -> None:
            advance(n)
            step = len(clock.times) - 1
            if step == clock.first:
                clock.prof = profiler()
                clock.prof.start()
            elif step == clock.last and clock.prof is not None:
                clock.prof.stop()
                write_profile(clock.prof, clock.folder, clock.name)

        bar.advance = profiled_advance
        return bar


def write_profile(prof, folder: Path, name: str) -> None:  # noqa: ANN001
    """The profile's op tables (by CPU time, by CUDA time) and how often the host waited for the GPU."""
    import torch

    table = prof.key_averages()
    folder.mkdir(parents=True, exist_ok=True)
    by = "cuda_time_total" if torch.cuda.is_available() else "cpu_time_total"
    text = (
        table.table(sort_by="cpu_time_total", row_limit=40) + "\n\n" + table.table(sort_by=by, row_limit=25)
    )
    syncs = {e.key: e.count for e in table if e.key in SYNC_EVENTS}
    (folder / f"{name}.txt").write_text(text + f"\n\nhost waits: {json.dumps(syncs)}\n")
    print(f"profile {name}: host waits {syncs}", file=sys.stderr, flush=True)


# profiler events where the host waits for the device
SYNC_EVENTS = ("cudaStreamSynchronize", "cudaDeviceSynchronize", "aten::_local_scalar_dense", "aten::nonzero")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sft-steps", type=int, default=None, help="SFT steps to time (default 40; 6 on CPU)")
    ap.add_argument("--profile", type=Path, help="write torch profiler tables into this folder")
    args = ap.parse_args()

    import torch

    from rankdistill import progress
    from rankdistill.data import load_prompts
    from rankdistill.generation import training_prompts
    from rankdistill.generation.hf import HFGenerator
    from rankdistill.models import device_summary, load_policy, load_tokenizer, stop_sequences
    from rankdistill.recipe import load_recipe
    from rankdistill.run import resolve_paths
    from rankdistill.rundir import RunDir
    from rankdistill.train import recipe_for, train_with

    cuda = torch.cuda.is_available()
    eval_items, gen_prompts, new_tokens = (240, 64, 48) if cuda else (16, 8, 16)
    sft_steps = args.sft_steps or (40 if cuda else 6)
    if not cuda:
        print(
            f"gpu.py: no CUDA device: reduced sizes ({eval_items} eval items, {gen_prompts} prompts, "
            f"{new_tokens} new tokens, {sft_steps} SFT steps); these are CPU figures",
            file=sys.stderr,
        )
    recipe = resolve_paths(load_recipe(RECIPE, {"train.max_steps": sft_steps, "train.save_steps": 10_000}))
    busy = BusySampler()
    phases = Phases(busy)
    with phases.phase("load"):
        tokenizer = load_tokenizer(recipe.student)
        gen = HFGenerator(
            load_policy(recipe.student, None), tokenizer, stop_sequences(tokenizer, recipe.generation.stop)
        )
    test = load_prompts(recipe.data.test, recipe.data, need_reference=True)[:eval_items]
    evals = [p.messages for p in test]
    train = [p.messages for p in training_prompts(recipe, 1)][:gen_prompts]
    with phases.phase("warmup"):
        gen.generate(evals[-8:], greedy=True, max_new_tokens=4)

    def greedy(batch: int | str) -> int:
        pieces = gen.stream(evals, [0] * len(evals), batch, greedy=True, max_new_tokens=new_tokens)
        return sum(o[0].num_tokens for piece in pieces for _, o in piece)

    def sample(batch: int | str) -> int:
        seeds = list(range(len(train)))
        pieces = gen.stream(train, seeds, batch, k=4, temperature=0.7, top_p=1.0, max_new_tokens=new_tokens)
        return sum(c.num_tokens for piece in pieces for _, cands in piece for c in cands)

    auto_eval = gen.auto_batch_size(evals, 1, new_tokens, greedy=True)
    auto_gen = gen.auto_batch_size(train, 4, new_tokens, greedy=False)
    for name, fn, batch in (
        ("eval_auto", greedy, "auto"),
        ("eval_batch32", greedy, 32),
        ("generate_auto", sample, "auto"),
        ("generate_batch16", sample, 16),
    ):
        with phases.phase(name) as extra:
            extra["tokens"] = fn(batch)
        r = phases.results[name]
        r["tokens_per_s"] = round(r["tokens"] / r["seconds"], 1)
    if args.profile:
        profile_to(
            args.profile, "eval_greedy", lambda: gen.generate(evals[:64], greedy=True, max_new_tokens=16)
        )
    gen.close()

    if cuda:
        torch.cuda.empty_cache()

    sft = recipe_for(recipe, "sft")
    with tempfile.TemporaryDirectory() as tmp:
        clock = StepClock()
        progress.set_reporter(clock)
        try:
            with phases.phase("sft"):
                out = Path(tmp) / "adapter"
                out.mkdir()
                train_with(sft, RunDir(Path(tmp) / "run"), 1, out, Path(tmp) / "ckpt", None, "bench")
            steps = [b - a for a, b in zip(clock.times, clock.times[1:], strict=False)][
                3:
            ]  # after the first 3
            if args.profile:  # steps 4-7 of a second run: past the first steps' one-off costs
                short = recipe_for(resolve_paths(load_recipe(RECIPE, {"train.max_steps": 8})), "sft")
                out2 = Path(tmp) / "adapter2"
                out2.mkdir()
                progress.set_reporter(ProfiledSteps(args.profile, "sft_steps_4_to_7", first=3, last=7))
                train_with(short, RunDir(Path(tmp) / "run2"), 1, out2, Path(tmp) / "c2", None, "profile")
        finally:
            progress.set_reporter(None)
    machine = device_summary(recipe.student)
    busy.close()
    e, g, g16, e32 = (
        phases.results[k] for k in ("eval_auto", "generate_auto", "generate_batch16", "eval_batch32")
    )
    result = {
        "device": machine["device"],
        "gpu": machine.get("gpu"),
        "dtype": machine["dtype"],
        "sizes": {"eval_items": len(evals), "prompts": len(train), "k": 4, "new_tokens": new_tokens},
        "busy_source": busy.source,
        "load_s": phases.results["load"]["seconds"],
        "eval_greedy_s": e["seconds"],
        "eval_batch_auto": auto_eval,
        "eval_greedy_s_batch32": e32["seconds"],
        "generate_tokens_per_s": g["tokens_per_s"],
        "generate_batch_auto": auto_gen,
        "generate_tokens_per_s_batch16": g16["tokens_per_s"],
        "sft_batch": sft.train.batch_size,
        "sft_steps_per_s": round(1 / statistics.median(steps), 2) if steps else None,
        "sft_stage_s": phases.results["sft"]["seconds"],
        "sft_steps": sft_steps,
        "gpu_busy": {k: v["gpu_busy"] for k, v in phases.results.items()},
        "peak_memory_mb": {k: v["peak_memory_mb"] for k, v in phases.results.items()},
        "ratios": {
            "eval_batch32_over_auto": round(e32["seconds"] / e["seconds"], 2),
            "generate_auto_over_batch16": round(g["tokens_per_s"] / g16["tokens_per_s"], 2),
        },
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
