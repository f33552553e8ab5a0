"""Signal before spending: what a ranking round can teach, counted from its candidates and rankings (worked by hand
on small files), recorded in prefs/stats.json, printed when the prefs stage ends and shown by the summary; the
judges that pass or fail answers; and where each round's prompts start in the training set."""

from __future__ import annotations

import json
import math

import pytest
from click.testing import CliRunner

from rankdistill import progress
from rankdistill.cli import main
from rankdistill.headroom import signal_line, signal_stats, signal_warning
from rankdistill.preferences import prefs_stage, round_signal
from rankdistill.recipe import load_recipe
from rankdistill.records import CandidateSet, Completion, Ranking, read_json, to_dict, write_jsonl
from rankdistill.rundir import RunDir

NAN = math.nan
S, G, R = "student", "greedy", "reference"
# (prompt id, candidates as (text, source), scores, passed). Worked by hand below.
CASES = [
    # a sample (0.9) beats the greedy answer (0.7); the reference beats it too; only the reference passes
    ("p1", [("a", S), ("b", S), ("c", G), ("ref", R)], [0.5, 0.9, 0.7, 2.0], [False, False, False, True]),
    # everything ties (all equal the reference): no signal, no headroom; greedy and samples pass
    ("p2", [("ref", S), ("ref", S), ("ref", G), ("ref", R)], [2.0, 2.0, 2.0, 2.0], [True] * 4),
    # the best sample only equals the greedy answer: no headroom; the reference is above it: headroom from any source
    ("p3", [("a", S), ("c", S), ("c", G), ("ref", R)], [0.3, 0.6, 0.6, 2.0], [False, False, False, True]),
    # a sample passes where the greedy answer fails: headroom, and pass@k without pass@1
    ("p4", [("ref", S), ("b", S), ("c", G), ("ref", R)], [2.0, 0.4, 0.8, 2.0], [True, False, False, True]),
    # the judge abstained on all but one: left out of every share, counted
    ("p5", [("a", S), ("b", S), ("c", G), ("ref", R)], [NAN, NAN, NAN, 0.2], [False, False, False, True]),
    # the judge abstained on the greedy answer alone: out of headroom's base, still judged pass / fail
    ("p6", [("a", S), ("b", S), ("c", G), ("d", R)], [0.5, 0.7, NAN, 0.9], [False, False, False, False]),
]


def write_round(run: RunDir, r: int, cases=CASES, passed: bool = True) -> None:
    from rankdistill.judging.base import ranking_from_scores

    candidates, rankings = [], []
    for pid, cands, scores, passes in cases:
        item = CandidateSet(
            pid,
            [{"role": "user", "content": f"input {pid}"}],
            [Completion(text, 1, "stop", source=source) for text, source in cands],
            "ref",
        )
        candidates.append(to_dict(item))
        ranking = ranking_from_scores(pid, scores, "hand")
        ranking.passed = passes if passed else None
        rankings.append(to_dict(ranking))
    write_jsonl(run.candidates(r), candidates)
    write_jsonl(run.rankings(r), rankings)


def test_signal_worked_by_hand_on_a_candidates_and_rankings_file(tmp_path):
    run = RunDir(tmp_path / "run")
    write_round(run, 2)
    st = round_signal(run, 2)
    # 6 prompts, p5 abstained: 5 ranked. All tied: p2 (1 of 5). Greedy scored: p1-p4 (p6's abstained).
    # Headroom (a sample above greedy): p1, p4 = 2 of 4; any source: p1, p3, p4 = 3 of 4.
    # Pass / fail judged on p1-p4 and p6: greedy passes on p2 (1 of 5); an own answer (samples, greedy) passes on
    # p2 and p4 (2 of 5); k = 2 samples + greedy = 3.
    assert st == {
        "prompts": 6,
        "abstained": 1,
        "all_tied": 1,
        "all_tied_share": pytest.approx(1 / 5),
        "greedy_scored": 4,
        "greedy_unscored": 1,
        "headroom": pytest.approx(2 / 4),
        "headroom_any_source": pytest.approx(3 / 4),
        "pass_judged": 5,
        "pass_at_1": pytest.approx(1 / 5),
        "pass_at_k": pytest.approx(2 / 5),
        "pass_k": 3,
    }
    assert signal_line(2, st) == (
        "round 2 signal: 6 prompts, 1 abstained, 20% all tied, headroom 50% (any source 75%), pass@1 20%, pass@3 40%"
    )
    assert signal_warning(2, st) is None


def test_candidates_without_a_greedy_answer_give_unknown_headroom_never_zero():
    old = [  # an old round: samples and the reference only
        (pid, [c for c in cands if c[1] != G], [s for s, c in zip(scores, cands, strict=True) if c[1] != G], None)
        for pid, cands, scores, _ in CASES
    ]
    items = [CandidateSet(p, [], [Completion(t, 1, "stop", source=s) for t, s in c], "ref") for p, c, _, _ in old]
    from rankdistill.judging.base import ranking_from_scores

    st = signal_stats(items, [ranking_from_scores(p, s, "hand") for p, _, s, _ in old])
    assert st["headroom"] is None and st["headroom_any_source"] is None and st["greedy_scored"] == 0
    assert st["pass_at_1"] is None and st["pass_at_k"] is None  # a judge without pass / fail
    line = signal_line(3, st)
    assert "headroom unknown" in line and "pass@" not in line and "0%" not in line.split("tied")[1]
    assert signal_warning(3, st) is None  # unknown is not low


def test_warnings_when_there_is_little_to_rank():
    st = {"prompts": 10, "abstained": 0, "all_tied_share": 0.5, "headroom": 0.05, "headroom_any_source": 0.6}
    assert "beat its greedy answer on 5% of prompts" in signal_warning(4, st)
    st = {**st, "headroom": None, "all_tied_share": 0.95}
    assert "all tie" in signal_warning(4, st) and "skip_tied" in signal_warning(4, st)


def test_the_reference_judge_passes_exact_matches_and_an_ensemble_every_members_verdict():
    from rankdistill.judging.ensemble import combine
    from rankdistill.judging.reference import ReferenceJudge

    item = CandidateSet(
        "x",
        [],
        [Completion(t, 1, "stop") for t in ["She goes  home.", "She go home.", "she goes home."]],
        "She goes home.",
    )
    ranking = ReferenceJudge().rank(item)
    assert ranking.passed == [True, False, False]  # whitespace aside; case counts
    other = Ranking("x", [0, 1, 2], [1.0, 0.5, 0.2], passed=[True, True, False])
    assert combine("x", [ranking, other], "borda", "e").passed == [True, False, False]
    no_verdict = Ranking("x", [0, 1, 2], [1.0, 0.5, 0.2])  # a member without pass/fail does not vote
    assert combine("x", [ranking, no_verdict], "borda", "e").passed == [True, False, False]
    assert combine("x", [no_verdict, no_verdict], "borda", "e").passed is None
    assert Ranking.from_dict({k: v for k, v in to_dict(ranking).items() if k != "passed"}).passed is None


class _Lines:
    def __init__(self):
        self.lines: list[str] = []

    def start(self, *a, **k):
        return progress._NullBar()

    def stop(self, bar):
        pass

    def log(self, message):
        self.lines.append(message)


def test_prefs_stage_records_and_prints_the_signal_and_the_summary_shows_it(tmp_path, monkeypatch):
    run = RunDir(tmp_path / "run")
    write_round(run, 1)
    lines = _Lines()
    progress.set_reporter(lines)
    try:
        stats = prefs_stage(run, 1, load_recipe("gec-smollm2-small"))
    finally:
        progress.set_reporter(None)
    line = "round 1 signal: 6 prompts, 1 abstained, 20% all tied, headroom 50% (any source 75%), pass@1 20%, pass@3 40%"
    assert line in lines.lines
    assert read_json(run.prefs(1) / "stats.json")["signal"] == stats["signal"] == round_signal(run, 1)

    # round 2 has prefs made before stats.json held the signal, and candidates without a greedy answer
    old = [(p, [c for c in cands if c[1] != G], [s for s, c in zip(sc, cands, strict=True) if c[1] != G], ps[:3])
           for p, cands, sc, ps in CASES]  # fmt: skip
    write_round(run, 2, old)
    stats2 = prefs_stage(run, 2, load_recipe("gec-smollm2-small"))
    del stats2["signal"]
    (run.prefs(2) / "stats.json").write_text(json.dumps(stats2))

    monkeypatch.setenv("COLUMNS", "200")  # one note per line
    out = CliRunner().invoke(main, ["summary", str(run.root)])
    assert out.exit_code == 0, out.output
    assert line in out.output
    assert "round 2 signal: 6 prompts, 1 abstained, 20% all tied, headroom unknown" in out.output
    rows = json.loads(CliRunner().invoke(main, ["summary", str(run.root), "--json"]).output)
    assert rows[0]["signal"]["headroom"] == 0.5 and rows[1]["signal"]["headroom"] is None


def test_low_headroom_warns_as_the_prefs_stage_ends(tmp_path):
    run = RunDir(tmp_path / "run")
    flat = [(f"q{i}", [("a", S), ("b", S), ("a", G)], [0.5, 0.2, 0.5], None) for i in range(12)]
    write_round(run, 1, flat, passed=False)
    lines = _Lines()
    progress.set_reporter(lines)
    try:
        prefs_stage(run, 1, load_recipe("gec-smollm2-small"))
    finally:
        progress.set_reporter(None)
    assert "round 1 signal: 12 prompts, 0% all tied, headroom 0% (any source 0%)" in lines.lines
    assert any(m.startswith("warning: round 1: the student's samples beat its greedy answer on 0%") for m in lines.lines)


def test_rounds_start_after_the_prompts_earlier_rounds_drew(tmp_path):
    """Each round takes the next data.max_prompts of the shuffled set; after a round that drew more (skip_tied),
    the next starts after all it drew, so no two rounds share a prompt."""
    from rankdistill.generation import draw_pool, training_prompts
    from rankdistill.records import atomic_write_json
    from rankdistill.run import load_run_recipe, open_run

    recipe = load_recipe("gec-smollm2-small", {"data.max_prompts": 5, "preferences.max_draw": 3})
    run = open_run(tmp_path / "run", recipe)
    recipe = load_run_recipe(run)
    every = [p.prompt_id for p in training_prompts(recipe)]
    ids = lambda ps: [p.prompt_id for p in ps]  # noqa: E731
    assert ids(training_prompts(recipe, 2, run)) == every[5:10]  # as before: round 2 after round 1's five
    assert ids(draw_pool(recipe, 2, run)) == every[5:20]  # at most 3 x 5, from the same start
    atomic_write_json(run.draws(2), {"drawn": 12, "kept": 5, "target": 5, "limit": 15, "abstained": 0})
    assert ids(training_prompts(recipe, 3, run)) == every[17:22]  # 5 (round 1) + 12 drawn in round 2
    assert ids(draw_pool(recipe, 3, run)) == every[17:32]
