import math

import pytest

from rankdistill.judging.base import ranking_from_scores
from rankdistill.judging.reference import ReferenceJudge, chrf, edit_similarity, normalize
from rankdistill.records import CandidateSet, Completion


def test_normalize_whitespace():
    assert normalize("  a \n b\tc ") == "a b c"


def test_chrf_hand_computed():
    # "ab" vs "ac": 1-grams: hyp {a,b}, ref {a,c}, overlap 1 -> P=R=1/2; 2-grams: {ab} vs {ac}: P=R=0.
    # averaged over orders 1..2: P = R = 1/4; F2 = 5*P*R/(4P+R) = 5/16 / (5/4) = 1/4.
    assert chrf("ab", "ac") == pytest.approx(0.25)
    assert chrf("a b c", "abc") == 1.0
    assert chrf("xyz", "abc") == 0.0


def test_edit_similarity_hand_computed():
    assert edit_similarity("kitten", "sitting") == pytest.approx(1 - 3 / 7)
    assert edit_similarity("same", "same") == 1.0


def _item(texts, ref="She goes to school."):
    return CandidateSet(
        "p1", [{"role": "user", "content": "x"}], [Completion(t, 3, "stop") for t in texts], ref
    )


@pytest.mark.parametrize("similarity", ["chrf", "edit_distance"])
def test_exact_match_ranks_first_and_ties_are_explicit(similarity):
    judge = ReferenceJudge(similarity)
    r = judge.rank(
        _item(
            ["She go to school.", "She  goes to school. ", "Something else entirely.", "She goes to school."]
        )
    )
    assert r.order[:2] == [1, 3]  # both exact after whitespace normalisation
    assert [1, 3] in r.ties
    assert r.order[-1] == 2
    assert r.scores[1] == r.scores[3] > r.scores[0] > r.scores[2]


def test_reference_needed():
    with pytest.raises(ValueError, match="reference"):
        ReferenceJudge().rank(_item(["a", "b"], ref=None))


def test_ranking_from_scores_nan_is_abstention():
    r = ranking_from_scores("p", [0.5, math.nan, 0.9, 0.5], "j")
    assert r.order == [2, 0, 3, 1]
    assert r.ties == [[0, 3]]
    assert not r.abstained
    assert ranking_from_scores("p", [math.nan, math.nan], "j").abstained
