"""Tables and plots of runs: ``compare``'s report.md and metrics.png, one line per algorithm per round."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from .data import build_messages
from .recipe import Recipe
from .records import CandidateSet, Completion, atomic_write_json, read_json, read_jsonl
from .rundir import RunDir

METRICS = [
    ("exact_match", "exact match"),
    ("chrf", "chrF"),
    ("mean_length_tokens", "mean length (tokens)"),
    ("win_rate", "win rate vs base"),
]


def win_rate(judge: Any, recipe: Recipe, base_rows: list[dict], rows: list[dict]) -> dict[str, float]:
    """Share of prompts where the judge ranks the trained answer above the base answer (ties count half).

    Each prompt is ranked through the Judge protocol in both orders, [base, trained] and [trained, base],
    so a judge's position bias cancels; abstentions (NaN) are left out and counted.
    """
    base = {r["prompt_id"]: r for r in base_rows}
    points: list[float] = []
    abstained = 0
    for row in rows:
        b = base.get(row["prompt_id"])
        if b is None:
            continue
        messages = build_messages(recipe.data, row["input"])
        for first, second, trained_at in ((b, row, 1), (row, b, 0)):
            item = CandidateSet(
                row["prompt_id"],
                messages,
                [Completion(x["prediction"], x.get("num_tokens", 0), "stop") for x in (first, second)],
                row.get("reference"),
            )
            s = judge.rank(item).scores
            if any(math.isnan(x) for x in s):
                abstained += 1
                continue
            t, o = s[trained_at], s[1 - trained_at]
            points.append(1.0 if t > o + 1e-9 else 0.0 if o > t + 1e-9 else 0.5)
    return {
        "win_rate": sum(points) / len(points) if points else float("nan"),
        "judged": len(points),
        "abstained": abstained,
    }


def _win_rate_cached(run: RunDir, r: int, base_run: RunDir, recipe: Recipe, judge: Any) -> float | None:
    """Round r's win rate against the base, computed once and kept in round-NN/winrate.json."""
    path = run.round_dir(r) / "winrate.json"
    if not path.exists():
        if judge is None or not run.predictions(r).exists() or not base_run.predictions(0).exists():
            return None
        try:
            result = win_rate(
                judge, recipe, list(read_jsonl(base_run.predictions(0))), list(read_jsonl(run.predictions(r)))
            )
        except ValueError:  # e.g. a reference judge on prompts without references
            return None
        atomic_write_json(path, result)
    value = read_json(path)["win_rate"]
    return None if value is None or math.isnan(value) else value


def compare_rows(run: RunDir, algorithms: list[str], recipe: Recipe) -> list[dict[str, Any]]:
    """One row for the base (round 0) and one per algorithm per evaluated round."""
    from .judging import make_judge

    try:
        judge = make_judge(recipe.judge)
    except Exception:  # noqa: BLE001 - no usable judge: the report goes without win rates
        judge = None
    rows: list[dict[str, Any]] = []
    if run.eval_json(0).exists():
        rows.append({"algorithm": "base", "round": 0, **_metrics(read_json(run.eval_json(0)))})
    for algorithm in algorithms:
        sub = RunDir(run.root / "compare" / algorithm)
        for r in sub.rounds():
            if r == 0 or not sub.eval_json(r).exists():
                continue
            row: dict[str, Any] = {
                "algorithm": algorithm,
                "round": r,
                **_metrics(read_json(sub.eval_json(r))),
            }
            row["win_rate"] = _win_rate_cached(sub, r, run, recipe, judge)
            stats = sub.adapter(r) / "train_stats.json"
            if stats.exists():
                s = read_json(stats)
                row.update(
                    train_seconds=s["seconds"],
                    peak_memory_mb=s["peak_memory_mb"],
                    memory_kind=s["memory_kind"],
                )
            rows.append(row)
    return rows


def _metrics(e: dict[str, Any]) -> dict[str, Any]:
    return {k: e.get(k) for k in ("n", "exact_match", "chrf", "mean_length_tokens")}


def _fmt(v: Any, kind: str) -> str:
    if v is None:
        return "-"
    return {"pct": f"{v:.1%}", "f3": f"{v:.3f}", "f1": f"{v:.1f}", "f0": f"{v:.0f}"}[kind]


def markdown_table(rows: list[dict[str, Any]]) -> str:
    head = "| algorithm | round | exact match | chrF | mean length | win rate vs base | train s | peak MB |"
    lines = [head, "|" + "---|" * 8]
    for r in rows:
        lines.append(
            f"| {r['algorithm']} | {r['round']} | {_fmt(r.get('exact_match'), 'pct')} | "
            f"{_fmt(r.get('chrf'), 'f3')} | {_fmt(r.get('mean_length_tokens'), 'f1')} | "
            f"{_fmt(r.get('win_rate'), 'pct')} | {_fmt(r.get('train_seconds'), 'f0')} | "
            f"{_fmt(r.get('peak_memory_mb'), 'f0')} |"
        )
    return "\n".join(lines)


def plot_rows(rows: list[dict[str, Any]], path: Path) -> None:
    """Each metric against the round, one line per algorithm, all starting from the base at round 0."""
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    base = next((r for r in rows if r["algorithm"] == "base"), None)
    algorithms = sorted({r["algorithm"] for r in rows} - {"base"})
    fig, axes = plt.subplots(1, len(METRICS), figsize=(4 * len(METRICS), 3.4))
    for ax, (key, title) in zip(axes, METRICS, strict=True):
        for algorithm in algorithms:
            pts = [
                (r["round"], r[key]) for r in rows if r["algorithm"] == algorithm and r.get(key) is not None
            ]
            if base is not None and base.get(key) is not None:
                pts.insert(0, (0, base[key]))
            elif key == "win_rate":
                pts.insert(0, (0, 0.5))  # the base against itself
            if pts:
                ax.plot(*zip(*sorted(pts), strict=True), marker="o", label=algorithm)
        ax.set_title(title)
        ax.set_xlabel("round")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.grid(alpha=0.3)
    axes[0].legend()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_compare_report(run: RunDir, algorithms: list[str], recipe: Recipe) -> Path:
    """DIR/compare/report.md (final round per algorithm, then every round) and DIR/compare/metrics.png."""
    from .records import atomic_write_text

    rows = compare_rows(run, algorithms, recipe)
    out = run.root / "compare"
    plot_rows(rows, out / "metrics.png")
    last = {}
    for r in rows:
        last[r["algorithm"]] = r
    kinds = {r.get("memory_kind") for r in rows if r.get("memory_kind")}
    text = "\n\n".join(
        [
            f"# rankdistill compare — {run.root.name}",
            f"Student `{recipe.student.model}` ({recipe.student.quantization}), judge `{recipe.judge.kind}`, "
            f"{recipe.train.max_steps} steps per round; every algorithm starts from the same student and "
            "trains on the same round-1 candidates and rankings.",
            "## Final round\n\n" + markdown_table(list(last.values())),
            "## Every round\n\n" + markdown_table(rows),
            "exact match and chrF against the references of the test set; mean length of the greedy answers "
            "in tokens; win rate: the judge ranks [base, trained] answers of each test prompt, in both orders "
            "(ties count half); train s: wall seconds of the train stage; peak MB: "
            + (
                "peak CUDA memory allocated"
                if kinds == {"cuda_max_allocated"}
                else "peak resident memory of the training process"
            )
            + " during training.",
            "![metrics per round](metrics.png)",
        ]
    )
    atomic_write_text(out / "report.md", text + "\n")
    atomic_write_json(out / "rows.json", rows)
    return out / "report.md"
