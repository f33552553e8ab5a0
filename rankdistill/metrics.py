"""Evaluation metrics on prediction rows: pure functions, no model, no judge.

Used by the eval stage (eval.json), the ``reference`` judge (chrF, edit similarity) and the reports. Each
metric is one registry entry (``Metric``): its key in eval.json, how it is computed from the rows and which row
fields it needs, whether it is broken down per group and compared round to round, and its column and plot in
the reports. A new metric is a ``@metric`` / ``@share`` function here, or a plug-in's Metric registered through
the ``rankdistill.metrics`` entry-point group; eval.json, the summary table, compare's report.md and
metrics.png pick it up from the registry.

For rewriting tasks such as error correction, exact match alone hides what a student learned: copying the input
scores the share of already-correct items. So beside it come "fixed" (exact match on the items that need a
change), the copy rate, the exact match that copying would score, and exact match per group (language, error
type) when the data has those fields; and each round against the one before it on the same items, with a 95%
score interval, so a reader sees whether a difference is more than the test set's size can tell apart.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .data import GROUP_FIELDS
from .errors import UserError
from .registry import Registry, one_line


def normalize(text: str) -> str:
    """Whitespace-normalised text: what exact match compares."""
    return " ".join(text.split())


def chrf(hypothesis: str, reference: str, max_order: int = 6, beta: float = 2.0) -> float:
    """chrF (Popović, 2015) in [0, 1]: F-beta of character n-gram precision and recall, n = 1..6, spaces removed.

    Precision and recall are averaged over the n-gram orders that both strings are long enough to have.
    """
    hyp, ref = "".join(hypothesis.split()), "".join(reference.split())
    if hyp == ref:
        return 1.0
    precisions, recalls = [], []
    for n in range(1, max_order + 1):
        h = Counter(hyp[i : i + n] for i in range(len(hyp) - n + 1))
        r = Counter(ref[i : i + n] for i in range(len(ref) - n + 1))
        if not h or not r:
            continue
        overlap = sum((h & r).values())
        precisions.append(overlap / sum(h.values()))
        recalls.append(overlap / sum(r.values()))
    if not precisions:
        return 0.0
    p, r = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    if p + r == 0:
        return 0.0
    return (1 + beta**2) * p * r / (beta**2 * p + r)


def edit_similarity(a: str, b: str) -> float:
    """1 - Levenshtein(a, b) / max(len): 1 for equal strings, 0 for nothing in common."""
    if a == b:
        return 1.0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return 1 - prev[-1] / max(len(a), len(b))


def same(a: str, b: str) -> bool:
    return normalize(a) == normalize(b)


def percent(v: Any) -> str:
    return "-" if v is None else f"{v:.1%}"


def number(fmt: str) -> Callable[[Any], str]:
    return lambda v: "-" if v is None else format(v, fmt)


Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class Metric:
    """One number eval.json reports about prediction rows (prompt_id, prediction, num_tokens, and the fields in
    ``needs``), and how the reports show it."""

    name: str  # its key in eval.json, in each per-group breakdown and in compare's rows
    compute: Callable[[Rows], Any]  # the rows -> its value
    needs: tuple[str, ...] = ()  # row fields every row must have for it to apply: "reference", "input"
    item: Callable[[dict[str, Any]], bool | None] | None = (
        None  # a share's per-row outcome (None: not counted)
    )
    paired: bool = False  # compared with the round before, item by item (eval.json's vs_previous_round)
    by_group: bool = False  # also computed per language / error type (eval.json's by_lang, by_errors)
    column: str | None = None  # its short header in the summary table and compare's report (None: no column)
    fmt: Callable[[Any], str] = number(".3f")  # how a value is printed in those tables
    note: str = ""  # what the column means, printed under the tables
    summary: bool = False  # a column of the run summary (`rankdistill summary`, the end of `iterate`)
    compare: bool = False  # a column of compare's report.md
    title: str | None = None  # its panel's title in compare's metrics.png (None: not plotted)


class MetricFailed(UserError):
    """A metric that raised or gave no number: the evaluation stops (its predictions are kept)."""


def value_of(m: Metric, rows: Rows) -> Any:
    """``m.compute(rows)``, a number (or None); MetricFailed, naming the metric and its plug-in, otherwise."""
    where = f" (plug-in {METRICS.origin(m.name)})" if METRICS.origin(m.name) else ""
    try:
        value = m.compute(rows)
    except Exception as e:  # noqa: BLE001 - a plug-in's code: whatever it raises, one line naming it
        raise MetricFailed(
            f"metric {m.name!r}{where} failed: {one_line(e)}; the predictions are kept: evaluating again only "
            "computes the metrics"
        ) from e
    if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise MetricFailed(f"metric {m.name!r}{where} returned {value!r} ({type(value).__name__}), not a number")
    return value


def _check_metric(entry: Any) -> None:
    if not isinstance(entry, Metric) or not callable(entry.compute):
        raise TypeError(f"{type(entry).__name__} is not a rankdistill.metrics.Metric")


METRICS: Registry[Metric] = Registry("metric", group="rankdistill.metrics", check=_check_metric)


def add(metric: Metric) -> Metric:
    """Register a metric (a plug-in's entry point names a Metric; ``rankdistill.metrics`` group)."""
    return METRICS.add(metric)


def metric(name: str, **how: Any) -> Callable[[Callable[[Rows], Any]], Metric]:
    """Decorator: register ``fn(rows) -> value`` as metric ``name`` (``how``: Metric's other fields)."""
    return lambda fn: add(Metric(name, fn, **how))


def share(name: str, **how: Any) -> Callable[[Callable[[dict[str, Any]], bool | None]], Metric]:
    """Decorator: register ``fn(row) -> bool | None`` as metric ``name``, the share of rows where it is True
    among those where it is not None (0 when none counts)."""

    def register(fn: Callable[[dict[str, Any]], bool | None]) -> Metric:
        def compute(rows: Rows) -> float:
            counted = [x for x in map(fn, rows) if x is not None]
            return _share(sum(map(bool, counted)), len(counted))

        return add(Metric(name, compute, item=fn, **how))

    return register


def _share(hits: int, n: int) -> float:
    return hits / n if n else 0.0


# The built-in metrics, in eval.json's order (and the reports' columns' order). For rewriting tasks such as error correction (inputs with
# references), exact match alone hides what a student learned: copying the input scores the share of
# already-correct items; "fixed", the copy rate and what copying would score say which it is.


@share(
    "exact_match",
    needs=("reference",),
    paired=True,
    by_group=True,
    column="exact",
    fmt=percent,
    note="exact match on the test set (round 0 = the student before training)",
    summary=True,
    compare=True,
    title="exact match",
)
def _exact(row: dict[str, Any]) -> bool:
    return same(row["prediction"], row["reference"])


@share(
    "exact_match_needing_change",
    needs=("reference", "input"),
    paired=True,
    by_group=True,
    column="fixed",
    fmt=percent,
    note="exact match on the items whose input needs a change",
    summary=True,
    compare=True,
    title="fixed (items needing a change)",
)
def _fixed(row: dict[str, Any]) -> bool | None:
    return same(row["prediction"], row["reference"]) if not same(row["input"], row["reference"]) else None


@metric("n_needing_change", needs=("reference", "input"), by_group=True)
def _needing_change(rows: Rows) -> int:
    return sum(not same(r["input"], r["reference"]) for r in rows)


@share(
    "copy_rate",
    needs=("reference", "input"),
    by_group=True,
    column="copied",
    fmt=percent,
    note="answers equal to the input",
    summary=True,
    compare=True,
    title="answers copying the input",
)
def _copied(row: dict[str, Any]) -> bool:
    return same(row["prediction"], row["input"])


@share("copy_baseline_exact_match", needs=("reference", "input"), by_group=True)
def _copy_baseline(row: dict[str, Any]) -> bool:
    return same(row["input"], row["reference"])  # copying is right exactly where nothing changes


# Tasks a program checks (the checks judge: concepts to a sentence): the eval stage puts the judge's verdict on
# each prediction in its row (JudgeKind.check_row): "passed", "coverage", and "copy_passed" for the input itself.


@share(
    "covered",
    needs=("passed",),
    paired=True,
    by_group=True,
    column="covered",
    fmt=percent,
    note="answers that pass every check of the judge (covers the listed words, one sentence, ...)",
    summary=True,
    compare=True,
    title="covered (passes every check)",
)
def _covered(row: dict[str, Any]) -> bool:
    return bool(row["passed"])


@metric("coverage", needs=("coverage",), by_group=True, column="cover", note="mean share of the listed words used")
def _coverage(rows: Rows) -> float:
    return sum(r["coverage"] for r in rows) / len(rows) if rows else 0.0


@share("copy_baseline_covered", needs=("copy_passed",), by_group=True)
def _copy_baseline_covered(row: dict[str, Any]) -> bool:
    return bool(row["copy_passed"])  # what answering with the input (the list itself) would score on covered


@metric(
    "chrf", needs=("reference",), column="chrF", note="mean chrF", summary=True, compare=True, title="chrF"
)
def _chrf(rows: Rows) -> float:
    total = sum(chrf(normalize(r["prediction"]), normalize(r["reference"])) for r in rows)
    return total / len(rows) if rows else 0.0


@metric(
    "mean_length_tokens",
    column="len",
    fmt=number(".1f"),
    note="mean answer length in tokens",
    summary=True,
    compare=True,
    title="mean length (tokens)",
)
def _length_tokens(rows: Rows) -> float:
    return sum(r["num_tokens"] for r in rows) / len(rows) if rows else 0.0


@metric("mean_length_words")
def _length_words(rows: Rows) -> float:
    return sum(len(r["prediction"].split()) for r in rows) / len(rows) if rows else 0.0


def _present(rows: Rows) -> set[str]:
    """The fields (of those metrics need) that every row has. No rows: the reference metrics, each 0."""
    if not rows:
        return {"reference"}
    needed = {f for m in METRICS for f in m.needs}
    return {f for f in needed if all(r.get(f) is not None for r in rows)}


def applicable(rows: Rows) -> list[Metric]:
    """The metrics whose fields every row has."""
    present = _present(rows)
    return [m for m in METRICS if set(m.needs) <= present]


def _groups(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v) for v in value] or ["none"]
    return [str(value)]


def group_metrics(rows: Rows, field: str, which: list[Metric]) -> dict[str, dict[str, Any]]:
    """The metrics ``which`` per value of ``field`` (rows without the field are left out)."""
    by: dict[str, Rows] = {}
    for r in rows:
        if r.get(field) is None:
            continue
        for g in _groups(r[field]):
            by.setdefault(g, []).append(r)
    return {g: {"n": len(rs), **{m.name: value_of(m, rs) for m in which}} for g, rs in sorted(by.items())}


def metrics(rows: Rows) -> dict[str, Any]:
    """Everything eval.json reports about prediction rows: every registered metric whose fields the rows have
    (without references, only the lengths), and per group (language, error type) when the data has those fields."""
    which = applicable(rows)
    out: dict[str, Any] = {"n": len(rows), **{m.name: value_of(m, rows) for m in which}}
    grouped = [m for m in which if m.by_group]
    for field in GROUP_FIELDS if grouped else ():
        groups = group_metrics(rows, field, grouped)
        if groups:
            out[f"by_{field}"] = groups
    return out


def paired_difference(before: list[bool], after: list[bool], z: float = 1.96) -> dict[str, float]:
    """The share right after minus the share right before, on the same items, with its 95% interval.

    Pairing by item is what makes two rounds comparable on a small test set: on 240 items one round's exact match
    alone is only known to about ±6 points, but most items stay right or stay wrong from one round to the next,
    and only the items that change count. The interval is Tango's score interval for a difference of paired
    proportions (Stat. Med. 1998): every difference δ whose score statistic |Z(δ)| ≤ z, where with b items
    that became right, c that became wrong, out of n,

        Z(δ) = (b - c - nδ) / sqrt(n (2 q + δ (1 - δ))),
        q = (B + sqrt(B² + 8 n c δ (1 - δ))) / (4 n),   B = b (1 - δ) + c (1 - 3δ) - 2 (n - b - c) δ,

    q being the share that became wrong under δ (the constrained maximum-likelihood estimate). Unlike the normal
    approximation, it does not shrink to a point when few items change (a ranking round typically changes a
    handful): with none changed on 240 items it still spans ±1.6 points.
    """
    n = len(before)
    if n == 0:
        return {"delta": 0.0, "ci95_low": 0.0, "ci95_high": 0.0, "n": 0}
    b = sum(1 for x, y in zip(before, after, strict=True) if y and not x)
    c = sum(1 for x, y in zip(before, after, strict=True) if x and not y)
    delta = (b - c) / n

    def score(d: float) -> float:
        num = b - c - n * d
        big = b * (1 - d) + c * (1 - 3 * d) - 2 * (n - b - c) * d
        q = (big + math.sqrt(max(big * big + 8 * n * c * d * (1 - d), 0.0))) / (4 * n)
        var = n * (2 * q + d * (1 - d))
        return 0.0 if num == 0 else num / math.sqrt(var) if var > 0 else math.copysign(math.inf, num)

    def bound(lo: float, hi: float, target: float) -> float:
        # score() falls as d rises: bisect for score(d) = target between lo and hi
        for _ in range(60):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if score(mid) > target else (lo, mid)
        return (lo + hi) / 2

    return {"delta": delta, "ci95_low": bound(-1.0, delta, z), "ci95_high": bound(delta, 1.0, -z), "n": n}


def round_difference(previous: Rows, rows: Rows) -> dict[str, Any]:
    """Each paired metric (exact match, "fixed") of ``rows`` minus that of ``previous`` (another round's
    predictions), paired by prompt_id over the items both have (``paired_difference``)."""
    before = {r["prompt_id"]: r for r in previous}
    both = [(before[r["prompt_id"]], r) for r in rows if r["prompt_id"] in before]
    present = _present([r for pair in both for r in pair])
    out = {}
    for m in METRICS:
        if m.paired and m.item is not None and set(m.needs) <= present:
            counted = [(m.item(b), m.item(a)) for b, a in both]
            counted = [(x, y) for x, y in counted if x is not None and y is not None]
            out[m.name] = paired_difference([bool(x) for x, _ in counted], [bool(y) for _, y in counted])
    return out


# The headline metric: the first of these that the rounds have (a checked task's covered, else exact match).
HEADLINES = ("covered", "exact_match")


def best_round(rows: list[dict[str, Any]]) -> int | None:
    """The trained round with the highest headline metric, covered or exact match (ties: the earlier round);
    None if none is evaluated."""
    trained = [r for r in rows if r.get("round", 0) > 0]
    key = next((k for k in HEADLINES if any(r.get(k) is not None for r in trained)), None)
    if key is None:
        return None
    scored = [r for r in trained if r.get(key) is not None]
    return max(scored, key=lambda r: (r[key], -r["round"]))["round"]
