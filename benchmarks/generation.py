"""Generation throughput: a plain batched ``model.generate``, the transformers backend and the vLLM backend on
the same prompts, side by side in one run.

    python benchmarks/generation.py [--prompts 24 --k 4 --max-new-tokens 48 --repeats 1 --data recipe]

Each measurement runs in its own process (so peak memory is its own): the packaged SmolLM2 student in fp32
(recipe gec-smollm2-small), k sampled candidates per prompt from the shipped instruction prompts. tokens/s
counts generated tokens (up to the end of sequence) over generation time only; loading the model, starting
vLLM's engine and one warm-up call of the same size (other prompts, 2 new tokens) are reported apart. Peak
memory is the resident memory of the process and its children (vLLM's engine may run in child processes), and
the GPU memory in use on CUDA. The last line is one JSON object.

On a CPU shared with other busy processes, torch's OpenMP threads spin-wait at every barrier and lose most of
their time (measured on 2 shared cores: 6 tokens/s with 2 threads, 38 with 1, 35 with 2 and
OMP_WAIT_POLICY=PASSIVE): set OMP_WAIT_POLICY=PASSIVE or --threads 1 there, or the figures measure the
neighbours.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROMPTS = ROOT / "data/prompts/instructions.jsonl"
RECIPE = "gec-smollm2-small"  # SmolLM2, the student these figures were measured on (docs/results.md)
KINDS = ("plain", "transformers", "vllm")


class PeakMemory:
    """Samples resident memory of this process tree (and GPU memory in use) in a background thread."""

    def __init__(self, interval: float = 0.25):
        import psutil

        self.me, self.interval, self.rss, self.gpu = psutil.Process(), interval, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        import psutil
        import torch

        rss = 0
        for p in [self.me, *self.me.children(recursive=True)]:
            try:
                rss += p.memory_info().rss
            except psutil.Error:
                pass
        self.rss = max(self.rss, rss)
        if torch.cuda.is_available():
            free, total = torch.cuda.mem_get_info()
            self.gpu = max(self.gpu, total - free)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()


def conversations(n: int, data: str = "instructions") -> list[list[dict[str, str]]]:
    """n prompts: the shipped instructions (short prompts, long answers), or RECIPE's own training prompts
    ("recipe": GEC with its system prompt, longer prompts and short answers)."""
    if data == "recipe":
        from rankdistill.generation import training_prompts
        from rankdistill.loop import resolve_paths
        from rankdistill.recipe import load_recipe

        prompts = training_prompts(resolve_paths(load_recipe(RECIPE, {"data.max_prompts": None})))
        return [prompts[i % len(prompts)].messages for i in range(n)]
    rows = [json.loads(x) for x in PROMPTS.read_text().splitlines()]
    return [[{"role": "user", "content": rows[i % len(rows)]["prompt"]}] for i in range(n)]


def measure(kind: str, args: argparse.Namespace) -> dict:
    """Generate k candidates for every prompt with one engine; time start-up and generation apart."""
    from rankdistill.recipe import load_recipe

    recipe = load_recipe(
        RECIPE,
        {"student.dtype": args.dtype, "generation.backend": "vllm" if kind == "vllm" else "transformers"},
    )
    msgs = conversations(args.prompts, args.data)
    warm = [[*m[:-1], {"role": "user", "content": "(warm-up) " + m[-1]["content"][::-1]}] for m in msgs]
    if args.threads:  # the same number of cores for every kind
        import torch

        torch.set_num_threads(args.threads)
        os.environ.setdefault("VLLM_CPU_OMP_THREADS_BIND", f"0-{args.threads - 1}")
        os.environ.setdefault("VLLM_CPU_NUM_OF_RESERVED_CPU", "0")
    with PeakMemory() as peak:
        start = time.perf_counter()
        if kind == "plain":
            gen = PlainGenerate(recipe.student)
        else:
            from rankdistill.generation import make_generator

            gen = make_generator(recipe, None)
        startup = time.perf_counter() - start

        cpu = 0.0

        def run(prompts: list, max_new_tokens: int) -> tuple[int, float]:
            """As the generate stage calls it: transformers in batches of --batch-size, vLLM all at once."""
            nonlocal cpu
            start, tokens, cpu = time.perf_counter(), 0, time.process_time()
            seeds = list(range(len(prompts)))
            for done in gen.stream(prompts, seeds, args.batch_size, k=args.k, max_new_tokens=max_new_tokens):
                tokens += sum(c.num_tokens for _, cands in done for c in cands)
            cpu = time.process_time() - cpu
            return tokens, time.perf_counter() - start

        # A warm-up of the same size outside the timing: the first big batch pays one-off costs (buffers,
        # kernels for new shapes: ~3 s for vLLM on 2 cores). Other prompts, so no prefix is cached.
        _, warmup = run(warm, 2)
        tokens, seconds = run(msgs, args.max_new_tokens)
        gen.close()
    return {
        "kind": kind,
        "startup_s": round(startup, 2),
        "warmup_s": round(warmup, 2),
        "generate_s": round(seconds, 2),
        "candidates": len(msgs) * args.k,
        "tokens": tokens,
        "tokens_per_s": round(tokens / seconds, 2),
        # per CPU-second of this process (vLLM's engine runs in other processes: not comparable there)
        "tokens_per_cpu_s": round(tokens / cpu, 2) if kind != "vllm" and cpu > 0 else None,
        "peak_rss_mib": round(peak.rss / 2**20),
        "peak_gpu_mib": round(peak.gpu / 2**20) if peak.gpu else None,
    }


class PlainGenerate:
    """The baseline: a batched ``model.generate`` on left-padded chat prompts, nothing else
    (``num_return_sequences=k`` prefills every prompt k times)."""

    def __init__(self, student):
        from rankdistill.models import load_base_model, load_tokenizer

        self.tok = load_tokenizer(student)
        self.model = load_base_model(student)

    def generate(self, messages, k, max_new_tokens, seed):
        import torch

        texts = [
            self.tok.apply_chat_template(m, tokenize=False, add_generation_prompt=True) for m in messages
        ]
        enc = self.tok(texts, return_tensors="pt", padding=True, add_special_tokens=False).to(
            self.model.device
        )
        torch.manual_seed(seed)
        with torch.inference_mode():
            out = self.model.generate(
                **enc, do_sample=True, num_return_sequences=k, max_new_tokens=max_new_tokens, top_k=0,
                pad_token_id=self.tok.pad_token_id,
            )  # fmt: skip
        new = out[:, enc["input_ids"].shape[1] :].tolist()
        eos = self.tok.eos_token_id

        class C:  # just the token count, as the backends' Completion has
            def __init__(self, ids):
                self.num_tokens = ids.index(eos) if eos in ids else len(ids)

        return [[C(ids) for ids in new[i * k : (i + 1) * k]] for i in range(len(messages))]

    def stream(self, messages, seeds, group, k, max_new_tokens):
        for start in range(0, len(messages), group):
            out = self.generate(messages[start : start + group], k, max_new_tokens, seeds[start])
            yield list(enumerate(out, start))

    def close(self):
        self.model = None


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--prompts", type=int, default=24, help="prompts (each gets k candidates)")
    p.add_argument("--k", type=int, default=4)
    p.add_argument("--max-new-tokens", type=int, default=48)
    p.add_argument(
        "--batch-size", type=int, default=24, help="prompts per generate() call (plain, transformers)"
    )
    p.add_argument(
        "--data",
        choices=("instructions", "recipe"),
        default="instructions",
        help="prompts: the shipped instructions, or the gec-smollm2-small recipe's training prompts (GEC)",
    )
    p.add_argument("--dtype", default="float32")
    p.add_argument("--threads", type=int, help="CPU threads for every kind (default: torch's and vLLM's own)")
    p.add_argument("--repeats", type=int, default=1, help="measure every kind this many times, interleaved")
    p.add_argument("--kinds", default=",".join(KINDS), help=f"comma-separated subset of {','.join(KINDS)}")
    p.add_argument("--only", choices=KINDS, help=argparse.SUPPRESS)  # internal: one measurement, JSON out
    args = p.parse_args()
    if args.only:
        print(json.dumps(measure(args.only, args)))
        return

    passthrough = [
        f"--{name.replace('_', '-')}={getattr(args, name)}"
        for name in ("prompts", "k", "max_new_tokens", "batch_size", "data", "dtype", "threads")
        if getattr(args, name) is not None
    ]
    env = {**os.environ, "TRANSFORMERS_VERBOSITY": "error", "VLLM_LOGGING_LEVEL": "WARNING"}
    results: dict[str, list[dict]] = {k: [] for k in args.kinds.split(",")}
    for rep in range(args.repeats):
        for kind in results:
            proc = subprocess.run(
                [sys.executable, __file__, *passthrough, "--only", kind],
                capture_output=True, text=True, env=env,
            )  # fmt: skip
            if proc.returncode != 0:
                sys.exit(f"{kind} failed:\n{proc.stderr[-3000:]}")
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            results[kind].append(r)
            print(
                f"[{rep + 1}] {kind:12s} {r['tokens_per_s']:7.1f} tokens/s  ({r['tokens']} tokens, "
                f"{r['candidates']} candidates in {r['generate_s']} s)  start-up {r['startup_s']} s + warm-up {r['warmup_s']} s  "
                f"peak RSS {r['peak_rss_mib']} MiB" + (f"  GPU {r['peak_gpu_mib']} MiB" if r["peak_gpu_mib"] else ""),
                flush=True,
            )  # fmt: skip

    def best(kind: str) -> float | None:
        return max(r["tokens_per_s"] for r in results[kind]) if results.get(kind) else None

    summary = {
        "plain_generate_tokens_per_s": best("plain"),
        "hf_tokens_per_s": best("transformers"),
        "vllm_tokens_per_s": best("vllm"),
    }
    if summary["hf_tokens_per_s"] and summary["vllm_tokens_per_s"]:
        summary["ratio"] = round(summary["vllm_tokens_per_s"] / summary["hf_tokens_per_s"], 2)
    if summary["hf_tokens_per_s"] and summary["plain_generate_tokens_per_s"]:
        # the transformers backend prefills each prompt once for its k samples; plain generate k times
        summary["hf_over_plain"] = round(
            summary["hf_tokens_per_s"] / summary["plain_generate_tokens_per_s"], 2
        )
        # the same by CPU time: steadier where other jobs share the cores (run with --threads 1 there)
        summary["hf_over_plain_cpu_time"] = round(
            max(r["tokens_per_cpu_s"] for r in results["transformers"])
            / max(r["tokens_per_cpu_s"] for r in results["plain"]),
            2,
        )
    for kind, rs in results.items():
        summary[f"{kind}_startup_s"] = statistics.median(r["startup_s"] for r in rs)
        summary[f"{kind}_warmup_s"] = statistics.median(r["warmup_s"] for r in rs)
        summary[f"{kind}_peak_rss_mib"] = max(r["peak_rss_mib"] for r in rs)
        summary[f"{kind}_all_tokens_per_s"] = [r["tokens_per_s"] for r in rs]
    summary.update(
        prompts=args.prompts, data=args.data, k=args.k, max_new_tokens=args.max_new_tokens, dtype=args.dtype,
        device="cuda" if _cuda() else "cpu", cpus=len(os.sched_getaffinity(0)), threads=args.threads,
        omp_wait_policy=os.environ.get("OMP_WAIT_POLICY"),
    )  # fmt: skip
    print(
        f"vLLM / transformers: {summary.get('ratio')}x;  transformers / plain generate: {summary.get('hf_over_plain')}x"
    )
    print(json.dumps(summary))


def _cuda() -> bool:
    import torch

    return torch.cuda.is_available()


if __name__ == "__main__":  # vLLM's engine starts processes that re-import the main module
    main()
