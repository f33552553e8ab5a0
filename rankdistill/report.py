"""Tables and plots of runs: ``compare``'s report.md and metrics.png, one line per algorithm per round."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from .headroom import signal_line, signal_warning
from .metrics import METRICS, Metric, number, percent
from .recipe import Recipe
from .records import atomic_write_json, read_json, read_jsonl
from .rundir import STAGES, RunDir

# compare's own figure beside the metrics of eval.json (metrics.METRICS): the judge's win rate against the base
WIN_RATE_TITLE = "win rate vs base"


def _win_rate_cached(run: RunDir, r: int, base_run: RunDir, recipe: Recipe, judge: Any) -> float | None:
    """Round r's win rate against the base, computed once and kept in round-NN/winrate.json."""
    path = run.round_dir(r) / "winrate.json"
    if not path.exists():
        if judge is None or not run.predictions(r).exists() or not base_run.predictions(0).exists():
            return None
        try:
            from .evaluate import win_rate
            from .train import task_prefix

            base, rows = list(read_jsonl(base_run.predictions(0))), list(read_jsonl(run.predictions(r)))
            result = win_rate(judge, recipe.data, base, rows, task_prefix(recipe))
        except ValueError:  # e.g. a reference judge on prompts without references
            return None
        atomic_write_json(path, result)
    value = read_json(path)["win_rate"]
    return None if value is None or math.isnan(value) else value


def compare_rows(run: RunDir, algorithms: list[str], recipe: Recipe) -> list[dict[str, Any]]:
    """One row for the base (round 0) and one per algorithm per evaluated round; win rates are asked through the
    run's judge (``run_judge``: capped, recorded as stage win_rate of the algorithm's run and round, cached)."""
    from .judging import run_judge, set_round

    rows: list[dict[str, Any]] = []
    if run.eval_json(0).exists():
        rows.append({"algorithm": "base", "round": 0, **_metrics(read_json(run.eval_json(0)))})
    for algorithm in algorithms:
        sub = RunDir(run.root / "compare" / algorithm)
        rounds = [r for r in sub.rounds() if r > 0 and sub.eval_json(r).exists()]
        with run_judge(sub, recipe.judge, "win_rate", seed=recipe.seed) as judge:
            for r in rounds:
                row: dict[str, Any] = {
                    "algorithm": algorithm,
                    "round": r,
                    **_metrics(read_json(sub.eval_json(r))),
                }
                set_round(judge, r)
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
    return {k: e.get(k) for k in ("n", *METRICS.names(), "vs_previous_round")}


def _points(d: dict[str, float] | None) -> str:
    """A paired difference (metrics.paired_difference) in points with its 95% interval: "+1.2 (-0.4 to +2.8)"."""
    if not d:
        return "-"
    return f"{d['delta']:+.1%} ({d['ci95_low']:+.1%} to {d['ci95_high']:+.1%})".replace("%", "")


def _paired() -> list[Metric]:
    """The metrics compared with the round before (vs_previous_round), the headline one (exact match) first."""
    return [m for m in METRICS if m.paired and m.column]


def _column(key: str) -> tuple[str, Any]:
    """(header, formatter) of a table column: a metric's own (metrics.METRICS), or one of the run's figures."""
    if key in COLUMNS:
        return COLUMNS[key]
    if key == "vs_previous_round":  # the headline paired metric's change from the round before
        m = _paired()[0]
        return f"{m.column} vs previous round, points (95%)", lambda d: _points((d or {}).get(m.name))
    m = METRICS.get(key)
    return m.column or m.name, m.fmt


def _shown(m: Metric, rows: list[dict[str, Any]] | None) -> bool:
    """Whether a row has a value of the metric (a task's own metrics, e.g. covered, stay out of other tasks')."""
    return rows is None or any(r.get(m.name) is not None for r in rows)


def metric_columns(where: str, rows: list[dict[str, Any]] | None = None) -> list[str]:
    """The metrics shown as columns of the summary table (``summary``) or compare's report (``compare``); given
    ``rows``, those that a row has."""
    return [m.name for m in METRICS if m.column and getattr(m, where) and _shown(m, rows)]


def column_notes(where: str, rows: list[dict[str, Any]] | None = None) -> str:
    """What each metric column of that table means."""
    return "; ".join(
        f"{m.column}: {m.note}" for m in METRICS if m.column and getattr(m, where) and m.note and _shown(m, rows)
    )


# The columns that are not metrics of eval.json: the row's labels and the figures of the run itself.
COLUMNS: dict[str, tuple[str, Any]] = {
    "algorithm": ("algorithm", str),
    "round": ("round", str),
    "pairs": ("pairs", lambda v: "-" if v is None else str(v)),
    "win_rate": ("win rate", percent),
    "train_seconds": ("train s", number(".0f")),
    "peak_memory_mb": ("peak MB", number(".0f")),
}
# the summary's seconds columns: the stages (rundir.STAGES) grouped by the column each counts in
STAGE_COLUMNS = {c: tuple(s.name for s in STAGES if s.column == c) for c in dict.fromkeys(s.column for s in STAGES)}


def device_note(run: RunDir) -> str | None:
    """The summary's first line: where the run ran ('device: cuda (NVIDIA H200), bf16', 'device: cpu, fp32'),
    from its manifest (None without one)."""
    from .models import device_line

    if not run.manifest_path.exists():
        return None
    manifest = read_json(run.manifest_path)
    student = manifest.get("student", {})  # manifests before the machine section named dtype there only
    machine = {"dtype": student.get("dtype"), "quantization": student.get("quantization", "none")}
    return device_line({**machine, **manifest.get("machine", {})})


def table_cells(rows: list[dict[str, Any]], columns: list[str]) -> tuple[list[str], list[list[str]]]:
    """(headers, formatted rows) for ``columns`` (metric names, or keys of COLUMNS)."""
    formats = [_column(c) for c in columns]
    cells = [[fmt(r.get(c)) for c, (_, fmt) in zip(columns, formats, strict=True)] for r in rows]
    return [h for h, _ in formats], cells


def summary_table(rows: list[dict[str, Any]]) -> tuple[list[str], list[list[str]], list[str]]:
    """A run's summary as (headers, cells, notes): metrics and seconds per stage, one row per round, the best
    round marked, and what copying the input would score (the baseline a rewriting student must beat)."""
    best = next((r["round"] for r in rows if r.get("best")), None)
    columns = ["round", *metric_columns("summary", rows), "pairs"]
    headers, cells = table_cells(rows, columns)
    headers += [*STAGE_COLUMNS, "total"]
    for row, line in zip(rows, cells, strict=True):
        if row["round"] == best:
            line[0] += "*"
        if row.get("skipped"):
            line[columns.index("pairs")] = "skip"
        secs = row.get("seconds", {})
        for stages in (*STAGE_COLUMNS.values(), tuple(secs)):
            done = [secs[s] for s in stages if s in secs]
            line.append(f"{sum(done):.0f}" if done else "-")
    notes = []
    copy = copy_note(rows)
    if copy:
        notes.append(copy + (f"; * best round ({best})" if best is not None else ""))
    notes += [difference_note(r) for r in rows if r.get("vs_previous_round")]
    for row in rows:  # what each ranking round could teach: ties, headroom over the greedy answer, pass@k
        if row.get("signal"):
            notes.append(signal_line(row["round"], row["signal"]))
            warning = signal_warning(row["round"], row["signal"])
            if warning:
                notes.append(warning)
    signal = (
        "; signal: all tied = no candidate scores above another, headroom = a sample of the student scores above "
        "its greedy answer (any source: any other candidate does), pass@k = one of the student's k own answers "
        "(samples and greedy) passes the judge"
        if any(r.get("signal") for r in rows)
        else ""
    )
    notes.append(
        column_notes("summary", rows)
        + "; pairs: preference pairs trained on; gen … total: seconds per stage (judge: judge + prefs)"
        + signal
        + "."
    )
    return headers, cells, notes


def markdown_table(rows: list[dict[str, Any]]) -> str:
    columns = ["algorithm", "round", *metric_columns("compare", rows)]
    headers, cells = table_cells(
        rows, [*columns, "vs_previous_round", "win_rate", "train_seconds", "peak_memory_mb"]
    )
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(c) + " |" for c in cells]
    return "\n".join(lines)


def plot_rows(rows: list[dict[str, Any]], path: Path) -> None:
    """Each metric against the round, one line per algorithm, all starting from the base at round 0."""
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    base = next((r for r in rows if r["algorithm"] == "base"), None)
    algorithms = sorted({r["algorithm"] for r in rows} - {"base"})
    panels = [(m.name, m.title) for m in METRICS if m.title and _shown(m, rows)] + [("win_rate", WIN_RATE_TITLE)]
    fig, axes = plt.subplots(1, len(panels), figsize=(4 * len(panels), 3.4))
    for ax, (key, title) in zip(axes, panels, strict=True):
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


def difference_note(row: dict[str, Any]) -> str:
    """Round r against round r-1 on the same test items, in points with the 95% interval (metrics.paired_difference)."""
    diff = row["vs_previous_round"]
    paired = [m for m in _paired() if m.name in diff]
    # the headline metric always; the others where they counted items (fixed: items needing a change)
    parts = [
        f"{m.column} {_points(diff[m.name])}" for i, m in enumerate(paired) if i == 0 or diff[m.name]["n"]
    ]
    n = diff[paired[0].name]["n"]
    return (
        f"round {row['round']} - round {row['round'] - 1}, in points on the same {n} items (95% interval): "
        + ", ".join(parts)
    )


def copy_note(rows: list[dict[str, Any]]) -> str:
    """What answering with the input itself scores on the rows' test set ("" when no row knows)."""
    base = next((r for r in rows if r.get("copy_baseline_exact_match") is not None), None)
    checked = next((r for r in rows if r.get("copy_baseline_covered") is not None), None)
    parts = []
    if base is not None:
        parts.append(f"exact {percent(base['copy_baseline_exact_match'])}, fixed 0.0%")
    if checked is not None:
        parts.append(f"covered {percent(checked['copy_baseline_covered'])}")
    return "copying the input would score " + ", ".join(parts) if parts else ""


def write_compare_report(run: RunDir, algorithms: list[str], recipe: Recipe) -> Path:
    """DIR/compare/report.md (final round per algorithm, then every round) and DIR/compare/metrics.png."""
    from .records import atomic_write_text

    rows = compare_rows(run, algorithms, recipe)
    copy = copy_note(rows)
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
            copy[:1].upper() + copy[1:] + "." if copy else "",
            column_notes("compare", rows)
            + "; exact vs previous round: the change in exact match from the round before (for "
            "round 1, the base) on the same test items, in points with its 95% interval (paired by item: an "
            "interval that holds 0 is within what the test set's size can tell apart)"
            "; win rate: the judge ranks [base, trained] answers of each test prompt, in both "
            "orders (ties count half); train s: wall seconds of the train stage; peak MB: "
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
