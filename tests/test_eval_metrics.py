"""Evaluation metrics on prediction rows: exact match, and what it is made of for rewriting tasks."""

import json
import math

from rankdistill.metrics import best_round, metrics, paired_difference, round_difference
from rankdistill.report import summary_table


def row(inp, ref, pred, tokens=5, **meta):
    return {"input": inp, "reference": ref, "prediction": pred, "num_tokens": tokens, **meta}


def test_exact_match_split_into_copies_and_fixes():
    rows = [
        row("She go home.", "She goes home.", "She goes home."),  # a fix
        row("She go home.", "She goes home.", "She go home."),  # a copy of a wrong input
        row("Il est grand.", "Il est grand.", " Il  est grand. "),  # a copy of a correct input (whitespace)
        row("Er spielt.", "Er spielt.", "The sentence is correct."),  # chatter
    ]
    m = metrics(rows)
    assert m["n"] == 4
    assert m["exact_match"] == 2 / 4
    assert m["copy_rate"] == 2 / 4
    assert m["n_needing_change"] == 2
    assert m["exact_match_needing_change"] == 1 / 2
    assert m["copy_baseline_exact_match"] == 2 / 4  # copying is right on the two already-correct items
    assert m["mean_length_tokens"] == 5.0


def test_per_language_and_per_error_type_worked_by_hand(tmp_path):
    # A small predictions file, as the eval stage writes it (fields lang and errors come from the data).
    lines = [
        row("She go home.", "She goes home.", "She goes home.", lang="en", errors=["agreement"]),
        row("I has a the cat.", "I have a cat.", "I has a cat.", lang="en", errors=["agreement", "article"]),
        row("It is fine.", "It is fine.", "It is fine.", lang="en", errors=[]),
        row("Il sont grand.", "Il est grand.", "Il est grand.", lang="fr", errors=["agreement"]),
        row("Je mange le pomme.", "Je mange la pomme.", "Je mange le pomme.", lang="fr", errors=["article"]),
    ]
    path = tmp_path / "predictions.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in lines))
    m = metrics([json.loads(x) for x in path.read_text().splitlines()])
    # en: 2 of 3 exact (rows 1 and 3); of its 2 items needing a change, 1 fixed; copying scores 1 of 3
    en = m["by_lang"]["en"]
    assert (en["n"], en["exact_match"], en["exact_match_needing_change"]) == (3, 2 / 3, 1 / 2)
    assert en["copy_baseline_exact_match"] == 1 / 3 and en["copy_rate"] == 1 / 3
    fr = m["by_lang"]["fr"]
    assert (fr["n"], fr["exact_match"], fr["copy_rate"], fr["copy_baseline_exact_match"]) == (2, 1 / 2, 1 / 2, 0.0)
    # an item with two errors counts in both error groups; no error is the group "none"
    assert m["by_errors"]["agreement"]["n"] == 3 and m["by_errors"]["agreement"]["exact_match"] == 2 / 3
    assert m["by_errors"]["article"]["n"] == 2 and m["by_errors"]["article"]["exact_match"] == 0.0
    assert m["by_errors"]["none"] == {**m["by_errors"]["none"], "n": 1, "exact_match": 1.0}
    assert m["exact_match"] == 3 / 5 and m["copy_baseline_exact_match"] == 1 / 5


def test_without_group_fields_there_is_no_breakdown():
    m = metrics([row("a b", "a c", "a c")])
    assert "by_lang" not in m and "by_errors" not in m


def test_best_round_is_the_highest_exact_match_earliest_on_ties():
    rows = [
        {"round": 0, "exact_match": 0.9},  # the untrained student is never "best"
        {"round": 1, "exact_match": 0.3},
        {"round": 2, "exact_match": 0.5},
        {"round": 3, "exact_match": 0.5},
    ]
    assert best_round(rows) == 2
    assert best_round([{"round": 0, "exact_match": 0.1}]) is None


def test_paired_difference_worked_by_hand():
    z2 = 1.96**2
    # No item changes (b = c = 0): the constrained estimate of the share that became wrong is q = 0 for δ > 0, so
    # Z(δ) = -nδ / sqrt(nδ(1 - δ)) and Z² = z² at δ = z² / (n + z²): ±1.58 points on 240 items, not a point.
    d = paired_difference([False] * 240, [False] * 240)
    assert d["delta"] == 0.0 and d["n"] == 240
    assert math.isclose(d["ci95_high"], z2 / (240 + z2), rel_tol=1e-9)
    assert math.isclose(d["ci95_low"], -z2 / (240 + z2), rel_tol=1e-9)
    # Every item of 3 becomes right (b = 3, c = 0): B = 3(1 - δ), q = (1 - δ)/2, variance 3(1 - δ²), so
    # Z(δ) = sqrt(3 (1 - δ) / (1 + δ)) and the lower bound is δ = (3 - z²) / (3 + z²) = -0.123; the upper is 1.
    d = paired_difference([False] * 3, [True] * 3)
    assert d["delta"] == 1.0 and d["ci95_high"] == 1.0
    assert math.isclose(d["ci95_low"], (3 - z2) / (3 + z2), rel_tol=1e-9)
    # swapping before and after mirrors the interval
    up, down = paired_difference([True] * 3, [False] * 3), d
    assert math.isclose(up["ci95_high"], -down["ci95_low"]) and up["ci95_low"] == -1.0


def test_paired_difference_bounds_are_where_the_score_test_rejects():
    # Independent of the closed form: at each bound, maximise the multinomial likelihood over q (share that
    # became wrong) numerically with δ fixed, and check the score statistic there is ±1.96.
    before = [True] * 30 + [False] * 70 + [True] * 4 + [False] * 6  # 110 items
    after = [True] * 30 + [False] * 70 + [False] * 4 + [True] * 6  # b = 6 became right, c = 4 became wrong
    d = paired_difference(before, after)
    n, b, c = 110, 6, 4
    assert math.isclose(d["delta"], 2 / 110)

    def z_at(delta: float) -> float:
        def loglik(q: float) -> float:
            return b * math.log(q + delta) + c * math.log(q) + (n - b - c) * math.log(1 - 2 * q - delta)

        lo, hi = max(0.0, -delta) + 1e-12, (1 - delta) / 2 - 1e-12
        for _ in range(200):  # ternary search: the log-likelihood is concave in q
            m1, m2 = lo + (hi - lo) / 3, hi - (hi - lo) / 3
            lo, hi = (m1, hi) if loglik(m1) < loglik(m2) else (lo, m2)
        q = (lo + hi) / 2
        return (b - c - n * delta) / math.sqrt(n * (2 * q + delta * (1 - delta)))

    assert math.isclose(z_at(d["ci95_low"]), 1.96, rel_tol=1e-6)
    assert math.isclose(z_at(d["ci95_high"]), -1.96, rel_tol=1e-6)
    # wider than the normal approximation's 1.96·sd/√n when few items change
    mean = (b - c) / n
    sd = math.sqrt((b * (1 - mean) ** 2 + c * (1 + mean) ** 2 + (n - b - c) * mean**2) / (n - 1))
    assert d["ci95_high"] - d["ci95_low"] > 2 * 1.96 * sd / math.sqrt(n)


def test_round_difference_pairs_items_by_id_and_reports_fixed_on_items_needing_a_change():
    def r(pid, inp, ref, pred):
        return {"prompt_id": pid, **row(inp, ref, pred)}

    before = [
        r("a", "She go.", "She goes.", "She go."),  # wrong -> right
        r("b", "He run.", "He runs.", "He runs."),  # right -> wrong
        r("c", "It is.", "It is.", "It is."),  # right -> right (needs no change)
        r("d", "We is.", "We are.", "We is."),  # wrong -> right
    ]
    after = [
        r("d", "We is.", "We are.", "We are."),  # order does not matter: paired by prompt_id
        r("a", "She go.", "She goes.", "She goes."),
        r("b", "He run.", "He runs.", "He run."),
        r("c", "It is.", "It is.", "It is."),
        r("e", "New.", "New.", "New."),  # not in the earlier round: left out
    ]
    diff = round_difference(before, after)
    assert diff["exact_match"]["n"] == 4 and diff["exact_match"]["delta"] == (2 - 1) / 4
    fixed = diff["exact_match_needing_change"]
    assert fixed["n"] == 3 and math.isclose(fixed["delta"], 1 / 3)
    # the summary prints it in points, with its interval
    rows = [{"round": 0, "exact_match": 0.5}, {"round": 1, "exact_match": 0.75, "vs_previous_round": diff}]
    notes = summary_table(rows)[2]
    assert any(n.startswith("round 1 - round 0, in points on the same 4 items") and "exact +25.0 (" in n for n in notes)
