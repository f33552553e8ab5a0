"""The schedule ablation: DPO only, SFT only, SFT -> DPO and SFT -> RRHF on the same data and budget.

Every arm is a normal `rankdistill iterate` of the same recipe (default: the default recipe) in its own run
directory under --out, with the same number of rounds and optimizer steps per round; only `train.schedule`
differs. Each arm is read back from its summary and compared with the baselines a skeptic asks for: the
untrained student (round 0) and answering with the input itself (copy baseline).

    python benchmarks/ablation.py --out runs/ablation
    python benchmarks/ablation.py --arms dpo=dpo,dpo sft=sft,sft --set train.max_steps=64

Running it again resumes every arm (finished rounds are skipped). The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_ARMS = ("dpo=dpo,dpo", "sft=sft,sft", "sft-dpo=sft,dpo", "sft-rrhf=sft,rrhf")


def run_arm(recipe: str | None, name: str, schedule: list[str], out: Path, sets: list[str]) -> list[dict]:
    run_dir = out / name
    cmd = [sys.executable, "-m", "rankdistill", "iterate", *([recipe] if recipe else [])]
    cmd += ["--run-dir", str(run_dir), "--rounds", str(len(schedule))]
    cmd += ["--set", f"train.schedule=[{','.join(schedule)}]"]
    for s in sets:
        cmd += ["--set", s]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    summary = subprocess.run(
        [sys.executable, "-m", "rankdistill", "summary", str(run_dir), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(summary.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("recipe", nargs="?", help="recipe name or path (default: the default recipe)")
    ap.add_argument("--out", default="runs/ablation", help="folder holding one run directory per arm")
    ap.add_argument("--arms", nargs="+", default=list(DEFAULT_ARMS), help="NAME=alg,alg,... (one per round)")
    ap.add_argument("--set", dest="sets", action="append", default=[], help="recipe override for every arm")
    args = ap.parse_args()
    out = Path(args.out)
    result: dict[str, dict] = {}
    baseline: dict = {}
    print(
        f"{'arm':10} {'schedule':14} {'exact':>7} {'fixed':>7} {'copied':>7} {'chrF':>6} {'train s':>8} {'wall s':>7}"
    )
    for arm in args.arms:
        name, _, sched = arm.partition("=")
        schedule = [a.strip() for a in sched.split(",") if a.strip()]
        start = time.perf_counter()
        rows = run_arm(args.recipe, name, schedule, out, args.sets)
        wall = time.perf_counter() - start
        last = rows[-1]
        baseline = baseline or rows[0]
        train_s = sum(r["seconds"].get("train", 0.0) for r in rows)
        result[name] = {
            "schedule": schedule,
            "exact_match": last.get("exact_match"),
            "fixed": last.get("exact_match_needing_change"),
            "copy_rate": last.get("copy_rate"),
            "chrf": last.get("chrf"),
            "per_round_exact_match": [r.get("exact_match") for r in rows],
            "train_seconds": round(train_s, 1),
            "stage_seconds": round(sum(sum(r["seconds"].values()) for r in rows), 1),
        }
        print(
            f"{name:10} {','.join(schedule):14} {last['exact_match']:7.1%} "
            f"{last['exact_match_needing_change']:7.1%} {last['copy_rate']:7.1%} {last['chrf']:6.3f} "
            f"{train_s:8.0f} {wall:7.0f}"
        )
    print(
        f"baselines: untrained student exact {baseline['exact_match']:.1%} fixed "
        f"{baseline['exact_match_needing_change']:.1%}; copying the input exact "
        f"{baseline['copy_baseline_exact_match']:.1%} fixed 0.0%"
    )
    print(
        json.dumps(
            {
                "arms": result,
                "untrained": {
                    "exact_match": baseline["exact_match"],
                    "fixed": baseline["exact_match_needing_change"],
                    "copy_rate": baseline["copy_rate"],
                },
                "copy_baseline_exact_match": baseline["copy_baseline_exact_match"],
            }
        )
    )


if __name__ == "__main__":
    main()
