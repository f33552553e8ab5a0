"""The local judge on the packaged SmolLM2: verdicts from log-probabilities, cached in the ledger."""

import math

import pytest

from rankdistill.judging import make_judge
from rankdistill.judging.ledger import Ledger
from rankdistill.recipe import JudgeSettings, RecipeError, load_recipe
from rankdistill.records import CandidateSet, Completion


@pytest.mark.integration
def test_local_pointwise_scores_from_logprobs_and_caches(tmp_path):
    item = CandidateSet(
        "p",
        [{"role": "user", "content": "Correct this sentence: i has a cat"}],
        [Completion(t, 3, "stop") for t in ["I have a cat.", "Banana phone purple seven."]],
    )
    ledger = Ledger(tmp_path / "ledger.sqlite")
    judge = make_judge(JudgeSettings(kind="local", template="pointwise"), ledger)
    r = judge.rank(item)
    assert not r.abstained and all(1 <= s <= 10 and not math.isnan(s) for s in r.scores)
    assert r.scores[0] != r.scores[1]  # an expected score over the scale, not a coarse argmax
    again = judge.rank(item)
    assert again.scores == r.scores
    n_cached = ledger.db.execute("SELECT COUNT(*) FROM calls WHERE cached = 1").fetchone()[0]
    assert n_cached == 2


def test_local_judge_refuses_listwise(tmp_path):
    p = tmp_path / "r.yaml"
    p.write_text("data: {reference_field: null}\njudge: {kind: local, template: listwise}\n")
    with pytest.raises(RecipeError, match="pairwise or pointwise"):
        load_recipe(p)
