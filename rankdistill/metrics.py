"""Evaluation metrics on prediction rows: pure functions, no model, no judge.

Used by the eval stage (eval.json), the ``reference`` judge (chrF, edit similarity) and the reports. For
rewriting tasks such as error correction, exact match alone hides what a student learned: copying the input
scores the share of already-correct items. So beside it come "fixed" (exact match on the items that need a
change), the copy rate, the exact match that copying would score, and exact match per group (language, error
type) when the data has those fields; and each round against the one before it on the same items, with a 95%
score interval, so a reader sees whether a difference is more than the test set's size can tell apart.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

# Prompt fields broken down in eval.json when the data has them (a list value counts in each of its groups;
# an empty list is the group "none", e.g. items with no injected error).
GROUP_FIELDS = ("lang", "errors")


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


def _share(hits: int, n: int) -> float:
    return hits / n if n else 0.0


def rewrite_metrics(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Exact match, "fixed" (exact match on items whose input differs from the reference), the copy rate, and
    the exact match / fixed that answering with the input itself would score (the baseline to beat)."""
    n = len(rows)
    exact = [same(r["prediction"], r["reference"]) for r in rows]
    needs_change = [not same(r["input"], r["reference"]) for r in rows]
    n_change = sum(needs_change)
    return {
        "n": n,
        "exact_match": _share(sum(exact), n),
        "exact_match_needing_change": _share(
            sum(e and c for e, c in zip(exact, needs_change, strict=True)), n_change
        ),
        "n_needing_change": n_change,
        "copy_rate": _share(sum(same(r["prediction"], r["input"]) for r in rows), n),
        "copy_baseline_exact_match": _share(
            n - n_change, n
        ),  # copying is right exactly where nothing changes
    }


def _groups(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v) for v in value] or ["none"]
    return [str(value)]


def group_metrics(rows: list[dict[str, Any]], field: str) -> dict[str, dict[str, Any]]:
    """``rewrite_metrics`` per value of ``field`` (rows without the field are left out)."""
    by: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        if r.get(field) is None:
            continue
        for g in _groups(r[field]):
            by.setdefault(g, []).append(r)
    return {g: rewrite_metrics(rs) for g, rs in sorted(by.items())}


def metrics(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Everything eval.json reports about prediction rows (input, reference, prediction, num_tokens, and
    optionally lang / errors). Without references (open-ended prompts) only the length metrics."""
    n = len(rows)
    if n == 0:
        return {"n": 0, "exact_match": 0.0, "chrf": 0.0, "mean_length_tokens": 0.0, "mean_length_words": 0.0}
    lengths = {
        "mean_length_tokens": sum(r["num_tokens"] for r in rows) / n,
        "mean_length_words": sum(len(r["prediction"].split()) for r in rows) / n,
    }
    if any(r.get("reference") is None for r in rows):
        return {"n": n, **lengths}
    out: dict[str, Any] = {
        "n": n,
        "exact_match": _share(sum(same(r["prediction"], r["reference"]) for r in rows), n),
        "chrf": sum(chrf(normalize(r["prediction"]), normalize(r["reference"])) for r in rows) / n,
        **lengths,
    }
    if all(r.get("input") is not None for r in rows):
        out.update(rewrite_metrics(rows))
        for field in GROUP_FIELDS:
            groups = group_metrics(rows, field)
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


def round_difference(previous: list[dict[str, Any]], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Exact match and "fixed" of ``rows`` minus those of ``previous`` (another round's predictions), paired by
    prompt_id over the items both have (``paired_difference``)."""
    before = {r["prompt_id"]: r for r in previous}
    both = [(before[r["prompt_id"]], r) for r in rows if r["prompt_id"] in before]
    right = lambda r: same(r["prediction"], r["reference"])  # noqa: E731
    out = {"exact_match": paired_difference([right(b) for b, _ in both], [right(a) for _, a in both])}
    change = [(b, a) for b, a in both if not same(a["input"], a["reference"])]
    out["exact_match_needing_change"] = paired_difference(
        [right(b) for b, _ in change], [right(a) for _, a in change]
    )
    return out


def best_round(rows: list[dict[str, Any]]) -> int | None:
    """The trained round with the highest exact match (ties: the earlier round); None if none is evaluated."""
    scored = [r for r in rows if r.get("round", 0) > 0 and r.get("exact_match") is not None]
    if not scored:
        return None
    return max(scored, key=lambda r: (r["exact_match"], -r["round"]))["round"]
