"""The schedule ablation: SFT only and SFT -> each ranking algorithm on the same data and budget.

Every arm is a normal `rankdistill iterate` of the same recipe (default: the default recipe) in its own run
directory under --out, with the same rounds and optimizer steps per round; only `train.schedule` differs. Each
arm is read back from its run directory and compared with the baselines a skeptic asks for: the untrained
student (round 0) and answering with the input itself (copy baseline), and, paired by test item, with the SFT
round (round 1 of an arm that starts with sft): the change in exact match and in "fixed", with a 95% interval.

    python benchmarks/ablation.py --out runs/ablation
    python benchmarks/ablation.py --arms dpo=dpo,dpo sft=sft,sft --set train.max_steps=64
    python benchmarks/ablation.py --shared-sft runs/gec-smollm2-dpo --arms sft-raft=sft,raft sft-dpo=sft,dpo
    python benchmarks/ablation.py --arms 'raft-k8=sft,raft@generation.k=8@generation.temperature=1.0'

An arm may add its own overrides after its schedule, each after an '@' (applied after the --set ones).

--shared-sft RUN gives every arm that starts with sft the rounds 0 and 1 of RUN (copied before the arm starts),
so the arms differ only after the SFT round, and the SFT round is trained once; RUN must be a run of the same
recipe (student, data, seed and SFT settings). Running it again resumes every arm (finished rounds are skipped).
The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

DEFAULT_ARMS = (
    "sft=sft",
    "sft-dpo=sft,dpo",
    "sft-rrhf=sft,rrhf",
    "sft-raft=sft,raft",
    "sft-dpo_listwise=sft,dpo_listwise",
)
SHARED_KEYS = ("seed", "student", "data")  # what round 1 (SFT) depends on, beside train's SFT settings


def share_sft_round(shared: Path, run_dir: Path) -> None:
    """Copy rounds 0 and 1 of ``shared`` into a new arm's run directory (an arm already started keeps its own)."""
    if run_dir.exists():
        return
    if not (shared / "round-01" / "eval.json").exists():
        sys.exit(f"--shared-sft {shared}: round 1 is not finished (no round-01/eval.json)")
    tmp = run_dir.with_name(f".{run_dir.name}.copy")
    shutil.rmtree(tmp, ignore_errors=True)
    for r in ("round-00", "round-01"):
        shutil.copytree(shared / r, tmp / r, ignore=shutil.ignore_patterns("checkpoints", ".*"))
    tmp.rename(run_dir)


def check_shared_recipe(shared: Path, recipe: str | None, sets: list[str]) -> None:
    """Refuse arms whose round 1 would not be the shared one (another student, data, seed or SFT settings)."""
    from rankdistill.recipe import dump_recipe, load_recipe, parse_overrides
    from rankdistill.run import resolve_paths

    mine = yaml.safe_load(dump_recipe(resolve_paths(load_recipe(recipe, parse_overrides(sets)))))
    theirs = yaml.safe_load((shared / "recipe.yaml").read_text())

    def sft_part(r: dict) -> tuple:
        t = r["train"]
        own = (t.get("per_algorithm") or {}).get("sft", {})
        keys = ("max_steps", "learning_rate", "batch_size", "gradient_accumulation_steps")
        data = {k: v for k, v in r["data"].items() if k != "max_prompts"}  # ranking rounds' prompts only
        return tuple(own.get(k, t[k]) for k in keys), [r[k] for k in SHARED_KEYS if k != "data"], data

    if sft_part(mine) != sft_part(theirs):
        sys.exit(
            f"--shared-sft {shared}: its round 1 was made with another student, data, seed or SFT settings"
        )


def run_arm(
    recipe: str | None, name: str, schedule: list[str], out: Path, sets: list[str], shared: Path | None
):
    run_dir = out / name
    if shared and schedule[0] == "sft":
        share_sft_round(shared, run_dir)
    cmd = [sys.executable, "-m", "rankdistill", "iterate", *([recipe] if recipe else [])]
    cmd += ["--run-dir", str(run_dir), "--rounds", str(len(schedule))]
    cmd += ["--set", f"train.schedule=[{','.join(schedule)}]"]
    for s in sets:
        cmd += ["--set", s]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return read_arm(run_dir, len(schedule))


def read_arm(run_dir: Path, rounds: int) -> dict:
    """Metrics of the last round (overall and per language), the paired difference to round 1, seconds."""
    from rankdistill.metrics import round_difference
    from rankdistill.records import read_json, read_jsonl

    evals = [read_json(run_dir / f"round-{r:02d}" / "eval.json") for r in range(rounds + 1)]
    last = evals[-1]
    seconds = []
    for r in range(rounds + 1):
        t = run_dir / f"round-{r:02d}" / "timings.json"
        seconds.append(sum(read_json(t).values()) if t.exists() else 0.0)
    diff = None
    if rounds > 1:
        diff = round_difference(
            list(read_jsonl(run_dir / "round-01" / "predictions.jsonl")),
            list(read_jsonl(run_dir / f"round-{rounds:02d}" / "predictions.jsonl")),
        )
    return {
        "exact_match": last["exact_match"],
        "fixed": last.get("exact_match_needing_change"),
        "copy_rate": last.get("copy_rate"),
        "chrf": last.get("chrf"),
        "already_correct_share": last.get("copy_baseline_exact_match"),
        "by_lang": {
            lang: {"exact_match": m.get("exact_match"), "fixed": m.get("exact_match_needing_change")}
            for lang, m in (last.get("by_lang") or {}).items()
        },
        "vs_sft_round": diff
        and {
            "exact_match": _interval(diff["exact_match"]),
            "fixed": _interval(diff["exact_match_needing_change"]),
        },
        "round_seconds": [round(s, 1) for s in seconds],
        "untrained": {
            "exact_match": evals[0]["exact_match"],
            "fixed": evals[0].get("exact_match_needing_change"),
            "copy_rate": evals[0].get("copy_rate"),
        },
    }


def _interval(d: dict) -> list[float]:
    return [round(100 * d[k], 1) for k in ("delta", "ci95_low", "ci95_high")]


def _fmt(iv: list[float] | None) -> str:
    return "-" if not iv else f"{iv[0]:+.1f} ({iv[1]:+.1f} to {iv[2]:+.1f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("recipe", nargs="?", help="recipe name or path (default: the default recipe)")
    ap.add_argument("--out", default="runs/ablation", help="folder holding one run directory per arm")
    ap.add_argument("--arms", nargs="+", default=list(DEFAULT_ARMS), help="NAME=alg,alg,... (one per round)")
    ap.add_argument("--set", dest="sets", action="append", default=[], help="recipe override for every arm")
    ap.add_argument(
        "--shared-sft", type=Path, help="a run of the same recipe whose rounds 0-1 every sft arm reuses"
    )
    args = ap.parse_args()
    out = Path(args.out)
    if args.shared_sft:
        check_shared_recipe(args.shared_sft, args.recipe, args.sets)
    result: dict[str, dict] = {}
    print(
        f"{'arm':18} {'exact':>6} {'fixed':>6} {'copied':>6} {'de fixed':>8}  {'exact vs SFT (95%)':>22}  "
        f"{'fixed vs SFT (95%)':>22} {'round s':>8} {'wall s':>7}"
    )
    for arm in args.arms:
        name, _, spec = arm.partition("=")
        sched, *own = spec.split("@")
        schedule = [a.strip() for a in sched.split(",") if a.strip()]
        if args.shared_sft and own:
            check_shared_recipe(args.shared_sft, args.recipe, [*args.sets, *own])
        start = time.perf_counter()
        row = run_arm(args.recipe, name, schedule, out, [*args.sets, *own], args.shared_sft)
        row["schedule"] = schedule
        row["overrides"] = own
        row["wall_seconds"] = round(time.perf_counter() - start, 1)
        result[name] = row
        vs = row["vs_sft_round"] or {}
        de = row["by_lang"].get("de", {}).get("fixed")
        print(
            f"{name:18} {row['exact_match']:6.1%} {row['fixed']:6.1%} {row['copy_rate']:6.1%} "
            f"{'-' if de is None else format(de, '.1%'):>8}  {_fmt(vs.get('exact_match')):>22}  "
            f"{_fmt(vs.get('fixed')):>22} {row['round_seconds'][-1]:8.0f} {row['wall_seconds']:7.0f}"
        )
    first = next(iter(result.values()))
    print(
        f"baselines: untrained student exact {first['untrained']['exact_match']:.1%} fixed "
        f"{first['untrained']['fixed']:.1%}; copying the input exact {first['already_correct_share']:.1%} fixed 0.0%"
    )
    print(json.dumps({"arms": result, "copy_baseline_exact_match": first["already_correct_share"]}))


if __name__ == "__main__":
    main()
