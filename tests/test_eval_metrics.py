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
    # d = after - before = [0, 1, 0, -1]: mean 0, sd = sqrt((0 + 1 + 0 + 1) / 3) = 0.8165, half-width
    # 1.96 * 0.8165 / sqrt(4) = 0.8002
    d = paired_difference([True, False, False, True], [True, True, False, False])
    assert d["n"] == 4 and d["delta"] == 0.0
    assert math.isclose(d["ci95_high"], 1.96 * math.sqrt(2 / 3) / 2) and math.isclose(d["ci95_low"], -d["ci95_high"])
    # every item changes the same way: no spread, the interval is the point
    assert paired_difference([False] * 3, [True] * 3) == {"delta": 1.0, "ci95_low": 1.0, "ci95_high": 1.0, "n": 3}


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
