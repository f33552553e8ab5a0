"""The metrics registry: a metric added in one place (tests/toy_metric.py, registered with ``add`` or through
the ``rankdistill.metrics`` entry-point group) appears in eval.json and its per-group breakdowns, the run
summary, compare's report.md, rows.json and metrics.png, with report.py untouched; the built-in metrics keep
their columns."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from plugins import install_plugin

from rankdistill import report
from rankdistill.metrics import METRICS, add, metrics, round_difference, share

HERE = Path(__file__).resolve().parent


def row(pid, inp, ref, pred, **meta):
    return {"prompt_id": pid, "input": inp, "reference": ref, "prediction": pred, "num_tokens": 3, **meta}


ROWS = [
    row("a", "She go.", "She goes.", "She goes.", lang="en"),  # 9 characters
    row("b", "Il sont.", "Ils sont.", "Il sont.", lang="fr"),  # 8
    row("c", "Er ist.", "Er ist.", "Er ist ja.", lang="de"),  # 10
]


@pytest.fixture
def toy_metric(monkeypatch):
    """tests/toy_metric.py's METRIC, registered with ``add`` for this test only."""
    import toy_metric

    METRICS.names()  # the built-ins and installed plug-ins first
    monkeypatch.setattr(METRICS, "_entries", dict(METRICS._entries))  # put back when the test ends
    return add(toy_metric.METRIC)


def test_built_in_columns_in_their_order():
    assert (
        report.metric_columns("summary")
        == report.metric_columns("compare")
        == [
            "exact_match",
            "exact_match_needing_change",
            "copy_rate",
            "covered",
            "chrf",
            "mean_length_tokens",
        ]
    )
    assert [report._column(c)[0] for c in report.metric_columns("summary")] == [
        "exact",
        "fixed",
        "copied",
        "covered",
        "chrF",
        "len",
    ]
    # a table shows the metrics its rows have: a task without checks has no covered column
    gec = [{"round": 0, **metrics(ROWS)}]
    assert "covered" not in report.metric_columns("summary", gec)
    assert report.metric_columns("summary", [{**gec[0], "covered": 0.5}])[3] == "covered"
    assert report._column("vs_previous_round")[0] == "exact vs previous round, points (95%)"


def test_toy_metric_added_with_add_reaches_eval_json_and_every_table(toy_metric, tmp_path):
    m = metrics(ROWS)
    assert m["mean_chars"] == 9.0  # (9 + 8 + 10) / 3
    assert m["by_lang"]["de"]["mean_chars"] == 10.0 and m["by_lang"]["fr"]["mean_chars"] == 8.0
    rows = [{"round": 0, **m, "best": False}, {"round": 1, **m, "best": True, "pairs": 2}]
    headers, cells, notes = report.summary_table(rows)
    at = headers.index("chars")
    assert (
        headers[at - 1] == "len" and headers[at + 1] == "pairs"
    )  # after the built-ins, before the run's own
    assert [line[at] for line in cells] == ["9.0", "9.0"] and cells[1][at + 1] == "2"
    assert "chars: mean answer length in characters" in notes[-1]
    table = report.markdown_table([{"algorithm": "dpo", **rows[1]}])
    assert "| len | chars | exact vs previous round" in table and "| 9.0 |" in table
    # metrics.png gets a panel more: 4 inches each at 110 dpi
    base = report._metrics(m) | {"algorithm": "base", "round": 0}
    report.plot_rows([base, base | {"algorithm": "dpo", "round": 1}], tmp_path / "m.png")
    width = struct.unpack(">I", (tmp_path / "m.png").read_bytes()[16:20])[0]
    assert width == 4 * 7 * 110  # exact, fixed, copied, chrF, len, chars, win rate


def test_a_paired_share_is_compared_with_the_round_before(monkeypatch):
    METRICS.names()
    monkeypatch.setattr(METRICS, "_entries", dict(METRICS._entries))

    @share("ends_with_period", paired=True, column="period", summary=True, note="answers ending with '.'")
    def _period(r):
        return r["prediction"].endswith(".")

    after = [{**r, "prediction": r["prediction"].rstrip(".")} for r in ROWS]
    diff = round_difference(ROWS, after)
    assert diff["ends_with_period"]["n"] == 3 and diff["ends_with_period"]["delta"] == -1.0
    assert diff["exact_match"]["delta"] == -1 / 3  # the built-ins as before
    note = report.difference_note({"round": 1, "vs_previous_round": diff})
    assert note.startswith("round 1 - round 0, in points on the same 3 items")
    assert "exact -33.3 (" in note and "period -100.0 (" in note


# --- through the entry-point group, in runs ------------------------------------------------------------


def test_toy_metric_from_its_entry_point_in_eval_summary_and_compare(tmp_path):
    site = install_plugin(
        tmp_path / "site",
        "toy-plugins",
        # the toy backend answers without a model
        {m: (HERE / m).read_text() for m in ("toy_metric.py", "toy_backend.py")},
        {"rankdistill.metrics": {"mean_chars": "toy_metric:METRIC"}, "rankdistill.backends": {"toy": "toy_backend:BACKEND"}},
    )
    recipe = tmp_path / "toy.yaml"
    recipe.write_text(
        "name: toy\neval: {max_prompts: 4}\ngeneration: {backend: toy, toy: {answer: She goes.}}\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site), "COLUMNS": "200"}
    run = tmp_path / "run"

    def python(code: str) -> None:
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300
        )
        assert proc.returncode == 0, proc.stderr[-3000:]

    def rankdistill(*args: str) -> str:
        proc = subprocess.run(
            [sys.executable, "-m", "rankdistill", *args], capture_output=True, text=True, env=env, timeout=300
        )
        assert proc.returncode == 0, proc.stderr[-3000:]
        return proc.stdout

    python(f"from rankdistill.recipe import load_recipe; from rankdistill.run import open_run; "
           f"open_run({str(run)!r}, load_recipe({str(recipe)!r}))")  # fmt: skip
    result = json.loads(rankdistill("eval", str(run), "--round", "0"))
    assert result["mean_chars"] == 9.0 and result["n"] == 4  # every answer is "She goes."
    assert all(g["mean_chars"] == 9.0 for g in result["by_lang"].values())
    assert json.loads((run / "round-00/eval.json").read_text())["mean_chars"] == 9.0

    summary = rankdistill("summary", str(run))
    header = next(line for line in summary.splitlines() if "exact" in line and "pairs" in line)
    assert header.split()[:8] == ["round", "exact", "fixed", "copied", "chrF", "len", "chars", "pairs"]
    assert "chars: mean answer length in characters" in summary.replace("\n", " ")

    # compare's report: an algorithm's evaluated round beside the base (its eval files as a trained round's)
    sub = run / "compare/dpo/round-01"
    sub.mkdir(parents=True)
    shutil.copy(run / "round-00/predictions.jsonl", sub)
    (sub / "eval.json").write_text(json.dumps({**result, "round": 1}))
    python(f"from rankdistill.report import write_compare_report; from rankdistill.rundir import RunDir; "
           f"from rankdistill.run import load_run_recipe; run = RunDir({str(run)!r}); "
           f"write_compare_report(run, ['dpo'], load_run_recipe(run))")  # fmt: skip
    text = (run / "compare/report.md").read_text()
    assert "| chrF | len | chars | exact vs previous round" in text
    assert "| dpo | 1 |" in text and "| 9.0 |" in text and "chars: mean answer length in characters" in text
    rows = json.loads((run / "compare/rows.json").read_text())
    assert [r["mean_chars"] for r in rows] == [9.0, 9.0]
    assert (run / "compare/metrics.png").read_bytes()[:4] == b"\x89PNG"
