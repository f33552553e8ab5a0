import math

import pytest
from fake_openai import FakeServer

from rankdistill.judging import make_judge
from rankdistill.judging.ensemble import borda, majority, mean_score
from rankdistill.recipe import JudgeSettings
from rankdistill.records import CandidateSet, Completion

NAN = math.nan


def test_borda_mean_and_majority_by_hand():
    a, b, c = [3.0, 2.0, 1.0], [1.0, 3.0, 2.0], [3.0, 1.0, 2.0]
    assert borda([a, b, c], 3) == [(2 + 0 + 2) / 3, (1 + 2 + 0) / 3, (0 + 1 + 1) / 3]
    assert mean_score([a, [10.0, 0.0, 5.0]], 3) == [1.0, 0.25, 0.25]
    # majority: 0 beats 1 and 2 (2 votes to 1 each); 1 beats 2 (2 votes to 1)
    assert majority([a, b, c], 3) == [1.0, 0.5, 0.0]
    # an abstaining member's NaN is left out of the vote, not counted as a loss
    assert borda([[NAN, 2.0, 1.0], [3.0, 2.0, 1.0]], 3) == [2.0, 1.0, 0.0]


def test_user_judge_by_module_path_and_ensemble_with_openai(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-x")
    item = CandidateSet(
        "p", [{"role": "user", "content": "q"}], [Completion(t, 1, "stop") for t in ["aaaa", "b", "cc"]]
    )
    long = make_judge(JudgeSettings(kind="plugin_judges:LengthJudge", options={"prefer": "long"}))
    assert long.name == "length/long" and long.rank(item).order == [0, 2, 1]
    with FakeServer() as srv:
        members = [
            {"kind": "plugin_judges:LengthJudge", "options": {"prefer": "long"}},
            {"kind": "openai", "model": "m", "base_url": srv.url},  # the fake server prefers short
            {"kind": "openai", "model": "m", "base_url": srv.url, "template": "pairwise"},
        ]
        r = make_judge(JudgeSettings(kind="ensemble", aggregate="borda", members=members)).rank(item)
    # two members prefer short, one long: Borda points [0+0+2, 2+2+0, 1+1+1]
    assert r.order == [1, 2, 0] and r.judge.startswith("ensemble/borda")


def test_unknown_user_judge_is_a_clear_error():
    with pytest.raises(ValueError, match="cannot load"):
        make_judge(JudgeSettings(kind="plugin_judges:Nope"))


def test_user_judge_by_entry_point(monkeypatch):
    import importlib.metadata

    from rankdistill import progress
    from rankdistill.judging import plugins

    ep = importlib.metadata.EntryPoint(
        name="length", value="plugin_judges:LengthJudge", group=plugins.ENTRY_POINT_GROUP
    )
    fake = lambda group=None: [ep] if group == plugins.ENTRY_POINT_GROUP else []  # noqa: E731
    monkeypatch.setattr(importlib.metadata, "entry_points", fake)
    monkeypatch.setattr(plugins, "entry_points", fake)
    monkeypatch.setattr(plugins, "_warned", set())
    item = CandidateSet(
        "p", [{"role": "user", "content": "q"}], [Completion(t, 1, "stop") for t in ["aaa", "b"]]
    )
    progress.hold()
    try:
        with pytest.warns(DeprecationWarning, match="rankdistill.judge_kinds"):  # works, and says the group is old
            assert make_judge(JudgeSettings(kind="length")).rank(item).order == [1, 0]
            make_judge(JudgeSettings(kind="length"))
    finally:
        lines = progress.release()
    assert lines == [  # the way out, in one line, once
        "warning: judge.kind 'length' is a 'rankdistill.judges' entry point, a deprecated group: name its factory "
        "(judge.kind: plugin_judges:LengthJudge) or register a judge kind in 'rankdistill.judge_kinds'"
    ]
