"""Evaluation metrics on prediction rows: exact match, and what it is made of for rewriting tasks."""

from rankdistill.evaluate import metrics


def row(inp, ref, pred, tokens=5):
    return {"input": inp, "reference": ref, "prediction": pred, "num_tokens": tokens}


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
    assert m["mean_length_tokens"] == 5.0
