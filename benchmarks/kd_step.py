"""What a kd round costs against an SFT round of the same steps, on the same student and data, in one run.

    python benchmarks/kd_step.py                                   # gec-gemma3-270m, its base model as the teacher
    python benchmarks/kd_step.py --teacher runs/teacher-merged --steps 16 --on-policy

Each variant trains a fresh adapter for ``--steps`` steps of ``--batch-size`` items (seeded: the same batches) and
is timed twice: the training loop alone (``trainer.train``: steps, with the teacher's forward passes for kd) and the
whole round (loading the student, and for kd the teacher, to the saved adapter). The issue's goal: a kd round at
most 1.5x an SFT round of the same steps on CPU, teacher forward included. A teacher of the student's own size is
the cheapest case; a bigger one costs its forward pass per step (about a third of a training step of its size).

Run it with the kernels of the machine you project for (e.g. ATEN_CPU_CAPABILITY=avx2 MKL_ENABLE_INSTRUCTIONS=AVX2
ONEDNN_MAX_CPU_ISA=AVX2); on a shared CPU only the ratios mean something. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

# as the CLI does, before torch loads: OpenMP threads that spin at barriers make a shared CPU's timings meaningless
if "OMP_WAIT_POLICY" not in os.environ:
    os.environ.setdefault("GOMP_SPINCOUNT", "10000")


def measure(recipe, name: str, work: Path) -> dict:
    """One round of ``recipe``'s algorithm; seconds of the whole round and of its training loop."""
    import rankdistill.train.trainer as trainer_module
    from rankdistill.train import recipe_for, run_algorithm

    loop: dict[str, float] = {}
    original = trainer_module.run_trainer

    def timed(trainer, checkpoints, bar):  # noqa: ANN001
        start = time.perf_counter()
        original(trainer, checkpoints, bar)
        loop["seconds"] = time.perf_counter() - start
        loop["steps"] = trainer.state.global_step

    trainer_module.run_trainer = timed
    try:
        out = work / name
        out.mkdir(parents=True)
        start = time.perf_counter()
        run_algorithm(recipe_for(recipe, recipe.train.algorithm), None, out, work / f"{name}-checkpoints", None)
        total = time.perf_counter() - start
    finally:
        trainer_module.run_trainer = original
    return {"round_s": round(total, 2), "loop_s": round(loop["seconds"], 2), "steps": loop["steps"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipe", default="gec-gemma3-270m")
    parser.add_argument("--teacher", default=None, help="the kd teacher (default: the student's own base model)")
    parser.add_argument("--steps", type=int, default=8)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--on-policy", action="store_true", help="also time on-policy kd (it samples every step)")
    args = parser.parse_args()

    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from rankdistill.recipe import load_recipe
    from rankdistill.run import resolve_paths

    base = {"train.schedule": None, "train.max_steps": args.steps, "train.batch_size": args.batch_size,
            "train.save_steps": 10_000, "train.per_algorithm.sft.max_steps": None,
            "train.per_algorithm.sft.batch_size": None, "train.per_algorithm.sft.learning_rate": None}  # fmt: skip
    probe = resolve_paths(load_recipe(args.recipe, base))
    teacher = args.teacher or probe.student.model
    variants = {"sft": {"train.algorithm": "sft"}, "kd": {"train.algorithm": "kd"}}
    if args.on_policy:
        variants["kd_on_policy"] = {"train.algorithm": "kd", "train.per_algorithm.kd.on_policy": True}
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, sets in variants.items():
            recipe = resolve_paths(load_recipe(args.recipe, {**base, **sets, "train.per_algorithm.kd.teacher": teacher}))
            results[name] = measure(recipe, name, Path(tmp))
            r = results[name]
            print(f"{name:14s} round {r['round_s']:7.1f} s   loop {r['loop_s']:7.1f} s   "
                  f"{r['loop_s'] / r['steps']:.2f} s/step", flush=True)  # fmt: skip
    sft = results["sft"]
    ratios = {
        f"{name}_vs_sft": {"loop": round(r["loop_s"] / sft["loop_s"], 2), "round": round(r["round_s"] / sft["round_s"], 2)}
        for name, r in results.items()
        if name != "sft"
    }
    for name, ratio in ratios.items():
        print(f"{name}: {ratio['loop']:.2f}x the SFT loop, {ratio['round']:.2f}x the SFT round (goal: <= 1.5x)")
    print(json.dumps({"recipe": args.recipe, "teacher": teacher, "steps": args.steps, "batch_size": args.batch_size,
                      "results": results, "ratios": ratios}))  # fmt: skip


if __name__ == "__main__":
    main()
