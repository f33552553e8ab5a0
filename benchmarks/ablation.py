"""The schedule ablation: SFT only and SFT -> each ranking algorithm on the same data and budget.

Every arm is a normal `rankdistill iterate` of the same recipe (default: the default recipe) in its own run
directory under --out, with the same rounds and optimizer steps per round; only `train.schedule` differs. Each
arm is read back from its run directory and compared with the baselines a skeptic asks for: the untrained
student (round 0) and answering with the input itself (copy baseline), and, paired by test item, with the SFT
round (round 1 of an arm that starts with sft): the change in exact match and in "fixed", with a 95% interval.
On a task judged by checks (eval.json has "covered", e.g. recipes/keywords-smollm2.yaml) the table shows covered,
coverage and chrF instead, covered per language, the paired change of covered against the SFT round (overall
and per language), chrF's change, and the ranking round's signal from its prefs/stats.json: the share of
prompts whose candidates all tie, headroom (a sample beats the greedy answer), pass@1 and pass@k.

    python benchmarks/ablation.py --out runs/ablation
    python benchmarks/ablation.py --arms dpo=dpo,dpo sft=sft,sft --set train.max_steps=64
    python benchmarks/ablation.py --shared-sft runs/gec-smollm2-small --arms sft-raft=sft,raft sft-dpo=sft,dpo
    python benchmarks/ablation.py --arms 'raft-k8=sft,raft@generation.k=8@generation.temperature=1.0'

An arm may add its own overrides after its schedule, each after an '@' (applied after the --set ones).
The control "more SFT on labels" is an arm whose later rounds are sft with the ranking round's budget:

    python benchmarks/ablation.py keywords-smollm2 --shared-sft runs/kw --arms \
      'sft-sft=sft,sft@train.per_algorithm.sft.max_steps=32@train.per_algorithm.sft.batch_size=4'

--shared-sft RUN gives every arm that starts with sft the rounds 0 and 1 of RUN (copied before the arm starts),
so the arms differ only after the SFT round, and the SFT round is trained once; RUN must be a run of the same
recipe (student, data, seed and SFT settings); an arm that trains sft again after round 1 may change the SFT
settings with its own overrides (they apply to its later rounds only: round 1 is the shared one). Running it
again resumes every arm (finished rounds are skipped).
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


def check_shared_recipe(shared: Path, recipe: str | None, sets: list[str], sft_later: bool = False) -> None:
    """Refuse arms whose round 1 would not be the shared one (another student, data, seed or SFT settings);
    ``sft_later``: the arm trains sft again after round 1, so its SFT settings are its later rounds' own."""
    from rankdistill.recipe import dump_recipe, load_recipe, parse_overrides
    from rankdistill.run import resolve_paths

    mine = yaml.safe_load(dump_recipe(resolve_paths(load_recipe(recipe, parse_overrides(sets)))))
    theirs = yaml.safe_load((shared / "recipe.yaml").read_text())

    def parts(r: dict) -> dict:
        t = r["train"]
        own = dict((t.get("per_algorithm") or {}).get("sft", {}))  # every sft setting (alpha, max_examples, ...)
        for k in ("max_steps", "learning_rate", "batch_size", "gradient_accumulation_steps"):
            own[k] = own.get(k) if own.get(k) is not None else t[k]  # None: the train section's value
        return {
            "sft": own,
            "shared": [r[k] for k in SHARED_KEYS if k != "data"],
            "data": {k: v for k, v in r["data"].items() if k != "max_prompts"},  # ranking rounds' prompts only
        }

    # an arm that trains sft again later may change the SFT settings: they are its later rounds' own then
    compared = ("shared", "data") if sft_later else ("sft", "shared", "data")
    if any(parts(mine)[k] != parts(theirs)[k] for k in compared):
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
    """Metrics of the last round (overall and per language), the paired difference to round 1, seconds; on a
    task judged by checks, covered's instead of exact match's, and the last ranking round's signal."""
    from rankdistill.metrics import round_difference
    from rankdistill.records import read_json, read_jsonl

    evals = [read_json(run_dir / f"round-{r:02d}" / "eval.json") for r in range(rounds + 1)]
    last = evals[-1]
    seconds = []
    for r in range(rounds + 1):
        t = run_dir / f"round-{r:02d}" / "timings.json"
        seconds.append(sum(read_json(t).values()) if t.exists() else 0.0)
    sft_preds = last_preds = None
    diff = None
    if rounds > 1:
        sft_preds = list(read_jsonl(run_dir / "round-01" / "predictions.jsonl"))
        last_preds = list(read_jsonl(run_dir / f"round-{rounds:02d}" / "predictions.jsonl"))
        diff = round_difference(sft_preds, last_preds)
    common = {
        "round_seconds": [round(s, 1) for s in seconds],
        "signal": _signal(run_dir / f"round-{rounds:02d}" / "prefs" / "stats.json"),
    }
    if "covered" in last:
        return {**common, **_covered_arm(evals, diff, sft_preds, last_preds)}
    return {
        **common,
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
        "untrained": {
            "exact_match": evals[0]["exact_match"],
            "fixed": evals[0].get("exact_match_needing_change"),
            "copy_rate": evals[0].get("copy_rate"),
        },
    }


def _covered_arm(
    evals: list[dict], diff: dict | None, sft_preds: list | None, last_preds: list | None
) -> dict:
    """A checked task's figures: covered, coverage and chrF of the last round, per language, and against the SFT
    round (round 1): covered's paired change with its interval, overall and per language, and chrF's change."""
    from rankdistill.metrics import round_difference

    last, sft = evals[-1], evals[1] if len(evals) > 2 else None
    by_lang = {
        lang: {"covered": m.get("covered"), "coverage": m.get("coverage")}
        for lang, m in (last.get("by_lang") or {}).items()
    }
    if diff is not None:
        for lang in by_lang:
            mine = [p for p in last_preds if p.get("lang") == lang]
            theirs = [p for p in sft_preds if p.get("lang") == lang]
            by_lang[lang]["covered_vs_sft_round"] = _interval(round_difference(theirs, mine)["covered"])
    return {
        "covered": last["covered"],
        "coverage": last.get("coverage"),
        "chrf": last.get("chrf"),
        "copy_baseline_covered": last.get("copy_baseline_covered"),
        "by_lang": by_lang,
        "vs_sft_round": diff
        and {
            "covered": _interval(diff["covered"]),
            "chrf": None if sft is None else round(100 * (last["chrf"] - sft["chrf"]), 1),
        },
        "untrained": {k: evals[0].get(k) for k in ("covered", "coverage", "chrf")},
        "sft_round": sft and {k: sft.get(k) for k in ("covered", "coverage", "chrf")},
    }


def _signal(stats: Path) -> dict | None:
    """The ranking round's signal (prefs/stats.json): all tied, headroom, pass@1, pass@k; None for a round
    that ranked nothing (sft, grpo)."""
    from rankdistill.records import read_json

    if not stats.exists():
        return None
    st = read_json(stats).get("signal") or {}
    keys = ("prompts", "drawn", "all_tied_share", "headroom", "headroom_any_source", "pass_at_1", "pass_at_k")
    return {k: st.get(k) for k in (*keys, "pass_k")}


def _interval(d: dict) -> list[float]:
    return [round(100 * d[k], 1) for k in ("delta", "ci95_low", "ci95_high")]


def _fmt(iv: list[float] | None) -> str:
    return "-" if not iv else f"{iv[0]:+.1f} ({iv[1]:+.1f} to {iv[2]:+.1f})"


GEC_HEADER = (
    f"{'arm':18} {'exact':>6} {'fixed':>6} {'copied':>6} {'de fixed':>8}  {'exact vs SFT (95%)':>22}  "
    f"{'fixed vs SFT (95%)':>22} {'round s':>8} {'wall s':>7}"
)
LANGS = ("en", "fr", "es", "de")
COVERED_HEADER = (
    f"{'arm':18} {'covered':>7} {'cover':>6} {'chrF':>5} {'en':>4} {'fr':>4} {'es':>4} {'de':>4}  "
    f"{'covered vs SFT (95%)':>22} {'chrF':>5}  {'tied':>4} {'head':>4} {'p@1':>4} {'p@k':>4} "
    f"{'round s':>8} {'wall s':>7}"
)


def _pct(v: float | None, width: int) -> str:
    return f"{'-':>{width}}" if v is None else f"{100 * v:{width}.0f}"


def arm_line(name: str, row: dict) -> str:
    """One row of the table: a GEC arm's exact / fixed, or a checked task's covered with its signal."""
    vs = row["vs_sft_round"] or {}
    tail = f"{row['round_seconds'][-1]:8.0f} {row['wall_seconds']:7.0f}"
    if "covered" not in row:
        de = row["by_lang"].get("de", {}).get("fixed")
        return (
            f"{name:18} {row['exact_match']:6.1%} {row['fixed']:6.1%} {row['copy_rate']:6.1%} "
            f"{'-' if de is None else format(de, '.1%'):>8}  {_fmt(vs.get('exact_match')):>22}  "
            f"{_fmt(vs.get('fixed')):>22} {tail}"
        )
    sig = row["signal"] or {}
    langs = " ".join(_pct(row["by_lang"].get(lang, {}).get("covered"), 4) for lang in LANGS)
    chrf = vs.get("chrf")
    return (
        f"{name:18} {row['covered']:7.1%} {row['coverage']:6.1%} {100 * row['chrf']:5.1f} {langs}  "
        f"{_fmt(vs.get('covered')):>22} {'-' if chrf is None else format(chrf, '+.1f'):>5}  "
        f"{_pct(sig.get('all_tied_share'), 4)} {_pct(sig.get('headroom'), 4)} {_pct(sig.get('pass_at_1'), 4)} "
        f"{_pct(sig.get('pass_at_k'), 4)} {tail}"
    )


def baselines_line(first: dict) -> str:
    u = first["untrained"]
    if "covered" not in first:
        return (
            f"baselines: untrained student exact {u['exact_match']:.1%} fixed {u['fixed']:.1%}; copying the "
            f"input exact {first['already_correct_share']:.1%} fixed 0.0%"
        )
    sft = first.get("sft_round")
    line = f"baselines: untrained student covered {u['covered']:.1%}, chrF {100 * u['chrf']:.1f}"
    if sft:
        line += f"; the SFT round covered {sft['covered']:.1%}, chrF {100 * sft['chrf']:.1f}"
    line += f"; answering with the list itself covered {first['copy_baseline_covered']:.1%}"
    return line


def per_language_lines(result: dict) -> list[str]:
    """A checked task: each arm's covered per language against the SFT round (points, 95% interval)."""
    out = []
    for name, row in result.items():
        if "covered" not in row or not row["vs_sft_round"]:
            continue
        parts = [
            f"{lang} {_fmt(row['by_lang'][lang].get('covered_vs_sft_round'))}"
            for lang in LANGS
            if lang in row["by_lang"]
        ]
        out.append(f"  {name:18} " + "; ".join(parts))
    return ["covered vs the SFT round per language, points (95% interval):", *out] if out else []


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
    for arm in args.arms:
        name, _, spec = arm.partition("=")
        sched, *own = spec.split("@")
        schedule = [a.strip() for a in sched.split(",") if a.strip()]
        if args.shared_sft and own:
            check_shared_recipe(args.shared_sft, args.recipe, [*args.sets, *own], "sft" in schedule[1:])
        start = time.perf_counter()
        row = run_arm(args.recipe, name, schedule, out, [*args.sets, *own], args.shared_sft)
        row["schedule"] = schedule
        row["overrides"] = own
        row["wall_seconds"] = round(time.perf_counter() - start, 1)
        if not result:
            print(COVERED_HEADER if "covered" in row else GEC_HEADER)
        result[name] = row
        print(arm_line(name, row), flush=True)
    first = next(iter(result.values()))
    print(baselines_line(first))
    if "covered" in first:
        print("\n".join(per_language_lines(result)))
        print(
            "tied: share of the ranking round's prompts whose candidates all tie; head: headroom (a sample beats "
            "the greedy answer); p@1 / p@k: the greedy answer / any of the student's answers passes every check"
        )
        print(json.dumps({"arms": result}))
        return
    print(json.dumps({"arms": result, "copy_baseline_exact_match": first["already_correct_share"]}))


if __name__ == "__main__":
    main()
