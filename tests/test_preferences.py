import math

from rankdistill.judging.base import ranking_from_scores
from rankdistill.recipe import PreferenceSettings
from rankdistill.records import CandidateSet, Completion
from rankdistill.shapes import build_pairs, list_rows, pair_rows


def _set(pid, texts):
    return CandidateSet(
        pid, [{"role": "user", "content": pid}], [Completion(t, 1, "stop") for t in texts], "ref"
    )


def test_best_vs_worst():
    r = ranking_from_scores("p", [0.2, 0.9, 0.5, 0.1], "j")
    pairs = build_pairs(r, "best_vs_worst")
    assert [(p.chosen, p.rejected) for p in pairs] == [(1, 3)]
    assert math.isclose(pairs[0].margin, 0.8)


def test_all_pairs_skip_ties():
    r = ranking_from_scores("p", [0.9, 0.5, 0.5, 0.1], "j")
    got = {(p.chosen, p.rejected) for p in build_pairs(r, "all_pairs")}
    assert got == {(0, 1), (0, 2), (0, 3), (1, 3), (2, 3)}  # (1, 2) tie never a pair


def test_best_vs_rest_and_best_vs_next():
    r = ranking_from_scores("p", [0.2, 0.9, 0.5, 0.9, 0.1], "j")  # 1 and 3 tie for best
    rest = [(p.chosen, p.rejected) for p in build_pairs(r, "best_vs_rest")]
    assert rest == [(1, 2), (1, 0), (1, 4)]  # the tied best is not a pair
    nxt = build_pairs(r, "best_vs_next")
    assert [(p.chosen, p.rejected) for p in nxt] == [(1, 2)] and math.isclose(nxt[0].margin, 0.4)
    # the next-best inside the margin is passed over for the next one beyond it
    assert [(p.chosen, p.rejected) for p in build_pairs(r, "best_vs_next", min_margin=0.5)] == [(1, 0)]


def test_samples_with_the_same_text_make_one_pair():
    items = [_set("a", ["right", "copy", "copy", "wrong"])]
    rankings = [ranking_from_scores("a", [1.0, 0.8, 0.8, 0.2], "j")]
    rows, stats = pair_rows(items, rankings, PreferenceSettings(strategy="best_vs_rest"))
    assert [r["rejected"][0]["content"] for r in rows] == ["copy", "wrong"]
    assert stats["pairs"] == 2 and stats["duplicate_pairs"] == 1


def test_min_margin():
    r = ranking_from_scores("p", [0.9, 0.85, 0.1], "j")
    got = {(p.chosen, p.rejected) for p in build_pairs(r, "all_pairs", min_margin=0.1)}
    assert got == {(0, 2), (1, 2)}
    assert build_pairs(ranking_from_scores("p", [0.5, 0.45], "j"), "best_vs_worst", min_margin=0.1) == []


def test_nan_scores_left_out():
    r = ranking_from_scores("p", [math.nan, 0.7, 0.2], "j")
    assert {(p.chosen, p.rejected) for p in build_pairs(r, "all_pairs")} == {(1, 2)}


def test_all_tied_prompts_skipped_and_counted():
    items = [_set("a", ["x", "y", "z"]), _set("b", ["same", "same", "same"]), _set("c", ["q", "r", "s"])]
    rankings = [
        ranking_from_scores("a", [1.0, 0.5, 0.2], "j"),
        ranking_from_scores("b", [0.7, 0.7, 0.7], "j"),
        ranking_from_scores("c", [math.nan, math.nan, math.nan], "j"),
    ]
    rows, stats = pair_rows(items, rankings, PreferenceSettings())
    assert stats == {
        "prompts": 3,
        "pairs": 1,
        "skipped_all_tied": 1,
        "skipped_abstained": 1,
        "skipped_margin": 0,
        "duplicate_pairs": 0,
        "chosen_sources": {"student": 1},
    }
    row = rows[0]
    # TRL's conversational preference format
    assert row["prompt"] == [{"role": "user", "content": "a"}]
    assert row["chosen"] == [{"role": "assistant", "content": "x"}]
    assert row["rejected"] == [{"role": "assistant", "content": "z"}]
    lists = list_rows(items, rankings)
    assert lists[0]["completions"] == ["x", "y", "z"] and lists[0]["scores"] == [1.0, 0.5, 0.2]
