"""Soft targets against sequence-level KD: a teacher rankdistill trained distils into a fresh student that has a few
labelled items plus the teacher on unlabelled prompts.

    python benchmarks/kd_ablation.py --teacher-run runs/gec-gemma3-270m --out runs/kd-ablation

1. The teacher: the last round of --teacher-run (by default the default recipe's run), ``rankdistill export
   --merge`` into OUT/teacher-merged.
2. The data: data/gec/train.jsonl shuffled (seed 29); the first --labelled items keep their references
   (kd/gold256.jsonl), the next --unlabelled are the teacher's to answer (kd/pool768.jsonl; their references
   are used only to score the teacher's answers).
3. The teacher's greedy answers to those (``rankdistill eval TEACHER_RUN --data``), written as their references:
   kd/seqkd1024.jsonl = the labelled items + the teacher's answers.
4. Three arms, each one round of the recipe (--recipe, default gec-gemma3-270m: its SFT settings, 96 steps of 8)
   from the untrained student, on data/gec test:
   - ``labels``: sft on the labelled items alone;
   - ``seqkd``: sft on seqkd1024 (sequence-level KD: the teacher's answers as labels);
   - ``kd``: kd on seqkd1024 (the same answers, plus the teacher's top-k distribution at every answer token).
5. Paired by test item: kd − seqkd and seqkd − labels, in exact match and "fixed", with 95 % intervals; per
   language; each arm's training seconds.

Running it again resumes (finished steps and arms are skipped). The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, log: Path | None = None) -> None:
    print("$", " ".join(args), flush=True)
    with open(log, "a") if log else open("/dev/null", "w") as out:
        subprocess.run(args, check=True, stdout=out if log else None, stderr=subprocess.STDOUT if log else None)


def split(out: Path, labelled: int, unlabelled: int) -> list[dict]:
    rows = [json.loads(line) for line in (ROOT / "data/gec/train.jsonl").open(encoding="utf-8")]
    random.Random(29).shuffle(rows)
    write(out / "gold256.jsonl", rows[:labelled])
    write(out / "pool768.jsonl", rows[labelled : labelled + unlabelled])
    return rows[: labelled + unlabelled]


def write(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def teacher_answers(teacher_run: Path, pool: Path) -> dict[str, str]:
    preds = next(p for p in teacher_run.rglob("predictions.jsonl") if "pool768" in str(p.parent))
    return {r["prompt_id"]: r["prediction"] for r in map(json.loads, preds.open(encoding="utf-8"))}


def paired(a: Path, b: Path) -> dict:
    """b − a on the test items, paired (round 1 of each run)."""
    from rankdistill.metrics import round_difference
    from rankdistill.records import read_jsonl

    diff = round_difference(list(read_jsonl(a / "round-01/predictions.jsonl")), list(read_jsonl(b / "round-01/predictions.jsonl")))
    return {k: diff[k] for k in ("exact_match", "exact_match_needing_change")}


def arm(run_dir: Path) -> dict:
    from rankdistill.records import read_json

    m = read_json(run_dir / "round-01/eval.json")
    timings = read_json(run_dir / "round-01/timings.json")
    return {
        "exact_match": m["exact_match"],
        "fixed": m.get("exact_match_needing_change"),
        "chrf": m.get("chrf"),
        "copy_rate": m.get("copy_rate"),
        "fixed_by_lang": {k: v.get("exact_match_needing_change") for k, v in (m.get("by_lang") or {}).items()},
        "train_s": round(timings.get("train", 0.0), 1),
    }


def one_round(algorithm: str) -> list[str]:
    return ["--set", f"train.algorithm={algorithm}", "--set", "train.schedule=null"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teacher-run", type=Path, default=Path("runs/gec-gemma3-270m"))
    parser.add_argument("--out", type=Path, default=Path("runs/kd-ablation"))
    parser.add_argument("--recipe", default="gec-gemma3-270m")
    parser.add_argument("--labelled", type=int, default=256)
    parser.add_argument("--unlabelled", type=int, default=768)
    args = parser.parse_args()
    out, cli = args.out.resolve(), [sys.executable, "-m", "rankdistill"]
    if not (args.teacher_run / "round-01").exists():
        run(*cli, "iterate", "--run-dir", str(args.teacher_run), log=out / "teacher.log")
    teacher = out / "teacher-merged"
    if not teacher.exists():
        run(*cli, "export", str(args.teacher_run), "--merge", "--out", str(teacher))
    rows = split(out / "kd", args.labelled, args.unlabelled)
    run(*cli, "eval", str(args.teacher_run), "--data", str(out / "kd/pool768.jsonl"), log=out / "teacher-eval.log")
    answers = teacher_answers(args.teacher_run, out / "kd/pool768.jsonl")
    pool = rows[args.labelled :]
    agree = sum(answers.get(r["id"]) == r["reference"] for r in pool) / len(pool)
    write(out / "kd/seqkd1024.jsonl", rows[: args.labelled] + [{**r, "reference": answers[r["id"]]} for r in pool if r["id"] in answers])
    import yaml

    from rankdistill.recipe import recipes_dir

    path = Path(args.recipe) if args.recipe.endswith(".yaml") else recipes_dir() / f"{args.recipe}.yaml"
    sft = yaml.safe_load(path.read_text())["train"]["per_algorithm"]["sft"]  # kd trains with the SFT round's budget
    seqkd = ["--set", f"data.train={out / 'kd/seqkd1024.jsonl'}"]
    arms = {
        "labels": ["--set", f"data.train={out / 'kd/gold256.jsonl'}", *one_round("sft")],
        "seqkd": [*seqkd, *one_round("sft")],
        "kd": [*seqkd, *one_round("kd"), "--set", f"train.per_algorithm.kd.teacher={teacher}"]
        + [x for k in ("learning_rate", "max_steps", "batch_size") for x in ("--set", f"train.per_algorithm.kd.{k}={sft[k]}")],
    }  # fmt: skip
    dirs = {"labels": "A-sft-gold256", "seqkd": "B-seqkd1024", "kd": "C-kd1024"}
    results = {}
    for name, sets in arms.items():
        run_dir = out / "runs" / dirs[name]
        if not (run_dir / "round-01/eval.json").exists():
            run(*cli, "iterate", args.recipe, "--run-dir", str(run_dir), "--rounds", "1", *sets, log=out / f"{name}.log")
        results[name] = arm(run_dir)
    runs = {name: out / "runs" / d for name, d in dirs.items()}
    diffs = {"kd_vs_seqkd": paired(runs["seqkd"], runs["kd"]), "seqkd_vs_labels": paired(runs["labels"], runs["seqkd"]),
             "kd_vs_labels": paired(runs["labels"], runs["kd"])}  # fmt: skip
    print(f"teacher's answers equal to the reference on the unlabelled items: {100 * agree:.1f} %")
    print(f"{'arm':8s} {'exact':>6s} {'fixed':>6s} {'chrF':>6s}  fixed en/fr/es/de        train s")
    for name, r in results.items():
        langs = "/".join(f"{100 * r['fixed_by_lang'].get(k, 0):.1f}" for k in ("en", "fr", "es", "de"))
        print(f"{name:8s} {100 * r['exact_match']:6.1f} {100 * r['fixed']:6.1f} {r['chrf']:6.3f}  {langs:24s} {r['train_s']:7.1f}")
    for name, d in diffs.items():
        f, e = d["exact_match_needing_change"], d["exact_match"]
        print(f"{name}: fixed {100 * f['delta']:+.1f} ({100 * f['ci95_low']:+.1f} to {100 * f['ci95_high']:+.1f}), "
              f"exact {100 * e['delta']:+.1f} ({100 * e['ci95_low']:+.1f} to {100 * e['ci95_high']:+.1f})")  # fmt: skip
    print(json.dumps({"teacher_agreement": agree, "arms": results, "paired": diffs}))


if __name__ == "__main__":
    main()
