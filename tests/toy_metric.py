"""A metric in one file (the proof for issue 21): mean answer length in characters.

A plug-in ships a module like this one and names its ``METRIC`` in its package metadata:

    [project.entry-points."rankdistill.metrics"]
    mean_chars = "toy_metric:METRIC"

eval.json, its per-group breakdowns, the run summary, compare's report.md and metrics.png then show it.
"""

from __future__ import annotations

from typing import Any

from rankdistill.metrics import Metric, number


def mean_chars(rows: list[dict[str, Any]]) -> float:
    return sum(len(r["prediction"]) for r in rows) / len(rows) if rows else 0.0


METRIC = Metric(
    "mean_chars",
    mean_chars,
    by_group=True,
    column="chars",
    fmt=number(".1f"),
    note="mean answer length in characters",
    summary=True,
    compare=True,
    title="mean length (characters)",
)
