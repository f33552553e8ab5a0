"""preferences.skip_tied (DAPO's dynamic sampling): the generate stage keeps drawing prompts until data.max_prompts
of them have signal, stops at its bound with a line saying so, and a resumed stage draws what an uninterrupted
one would. The student is tests/toy_backend.py (a backend plug-in, no model); the judges are user judges in
tests/plugin_judges.py that tie everywhere, or everywhere but on every third prompt."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from plugins import install_plugin

HERE = Path(__file__).resolve().parent
N_PROMPTS, MAX_PROMPTS, MAX_DRAW = 30, 4, 4


@pytest.fixture
def toy(tmp_path):
    """Training data with ids p00..p29, the toy backend installed as a plug-in, and the environment to run in."""
    data = tmp_path / "train.jsonl"
    data.write_text(
        "".join(
            json.dumps({"id": f"p{i:02d}", "text": f"sentence {i}", "reference": f"Sentence {i}."}) + "\n"
            for i in range(N_PROMPTS)
        )
    )
    site = install_plugin(
        tmp_path / "site",
        "toy-backend",
        {"toy_backend.py": (HERE / "toy_backend.py").read_text()},
        {"rankdistill.backends": {"toy": "toy_backend:BACKEND"}},
    )
    path = os.pathsep.join(p for p in (str(site), str(HERE), os.environ.get("PYTHONPATH")) if p)
    return data, {**os.environ, "PYTHONPATH": path}


def generate(toy, run: Path, judge: str, **env: str) -> subprocess.CompletedProcess:
    """Open a run with the toy student and ``judge`` (a user judge of plugin_judges.py), then run round 1's
    generate stage with preferences.skip_tied."""
    data, environ = toy
    recipe = run.parent / f"{run.name}.yaml"
    recipe.write_text(
        f"name: toy\nrounds: 1\ntrain: {{schedule: null, algorithm: dpo}}\n"
        f"data: {{train: {data}, test: null, max_prompts: {MAX_PROMPTS}}}\n"
        f"preferences: {{skip_tied: true, max_draw: {MAX_DRAW}}}\n"
        f'judge: {{kind: "plugin_judges:{judge}"}}\n'
        "generation: {backend: toy, k: 2, sources: [student], toy: {answer: She goes home., tokens: 4}}\n"
    )
    if not run.exists():
        opened = subprocess.run(
            [sys.executable, "-c", "import sys; from rankdistill.recipe import load_recipe; "
             "from rankdistill.run import open_run; open_run(sys.argv[2], load_recipe(sys.argv[1]))",
             str(recipe), str(run)],
            capture_output=True, text=True, env=environ,
        )  # fmt: skip
        assert opened.returncode == 0, opened.stderr[-3000:]
    return subprocess.run(
        [sys.executable, "-m", "rankdistill", "generate", str(run), "--round", "1"],
        capture_output=True,
        text=True,
        env={**environ, **env},
        timeout=300,
    )


def pool() -> list[str]:
    """Round 1's pool worked out apart from the code: the ids shuffled with the recipe's seed (0), the first
    max_draw x max_prompts of them."""
    ids = [f"p{i:02d}" for i in range(N_PROMPTS)]
    random.Random(0).shuffle(ids)
    return ids[: MAX_DRAW * MAX_PROMPTS]


def made(proc: subprocess.CompletedProcess) -> int:
    """Prompts whose greedy answers (and so samples) a generate command made, from its progress lines."""
    return sum(int(n) for n in re.findall(r"greedy answers: start \((\d+) items\)", proc.stderr))


def lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text().splitlines()]


def test_a_judge_that_always_ties_stops_at_the_bound_and_says_so(toy, tmp_path):
    proc = generate(toy, tmp_path / "run", "TiedJudge")
    assert proc.returncode == 0, proc.stderr[-3000:]
    bound = MAX_DRAW * MAX_PROMPTS
    assert (
        f"round 1: drew {bound} prompts (preferences.max_draw {MAX_DRAW} × data.max_prompts {MAX_PROMPTS}) "
        "and kept the 0 whose candidates do not all tie" in proc.stderr
    )
    draws = json.loads((tmp_path / "run/round-01/draw.json").read_text())
    assert (draws["drawn"], draws["kept"], draws["limit"]) == (bound, 0, bound)
    assert lines(tmp_path / "run/round-01/candidates.jsonl") == []


def test_a_judge_with_signal_stops_once_the_round_holds_max_prompts(toy, tmp_path):
    proc = generate(toy, tmp_path / "run", "EveryNthJudge")
    assert proc.returncode == 0, proc.stderr[-3000:]
    # the judge separates candidates only on prompts whose number is a multiple of 3
    order = pool()
    wanted = [pid for pid in order if int(pid[1:]) % 3 == 0][:MAX_PROMPTS]
    drawn = order.index(wanted[-1]) + 1
    kept = lines(tmp_path / "run/round-01/candidates.jsonl")
    assert [x["prompt_id"] for x in kept] == wanted
    for x in kept:  # the k samples, then the greedy answer
        assert [(c["text"], c["source"]) for c in x["candidates"]] == [
            ("She goes home. #0", "student"),
            ("She goes home. #1", "student"),
            ("She goes home.", "greedy"),
        ]
    draws = json.loads((tmp_path / "run/round-01/draw.json").read_text())
    assert (draws["drawn"], draws["kept"]) == (drawn, MAX_PROMPTS)
    assert f"round 1: drew {drawn} prompts to find {MAX_PROMPTS} whose candidates do not all tie" in proc.stderr
    assert not list((tmp_path / "run/round-01").glob("*.partial.jsonl"))


def test_a_resumed_draw_keeps_what_an_uninterrupted_one_keeps(toy, tmp_path):
    whole = generate(toy, tmp_path / "whole", "EveryNthJudge")
    assert whole.returncode == 0, whole.stderr[-3000:]
    # the judge goes down at its 6th ranking: in the second chunk, after both chunks were sampled and filed
    cut = generate(toy, tmp_path / "cut", "EveryNthJudge", RD_TEST_FAIL_AFTER="5")
    assert cut.returncode != 0 and "judge stopped: the test judge is down" in cut.stderr
    round_dir = tmp_path / "cut/round-01"
    assert not (round_dir / "candidates.jsonl").exists() and not (round_dir / "draw.json").exists()
    filed = lines(round_dir / "candidates.partial.jsonl")
    assert [x["prompt_id"] for x in filed] == pool()[: len(filed)] and len(filed) > MAX_PROMPTS
    again = generate(toy, tmp_path / "cut", "EveryNthJudge")
    assert again.returncode == 0, again.stderr[-3000:]
    # nothing filed is made again: the two runs together answered as many prompts as the uninterrupted one
    assert made(cut) + made(again) == made(whole) and made(again) < made(whole)
    for name in ("candidates.jsonl", "draw.json"):
        assert (round_dir / name).read_text() == (tmp_path / "whole/round-01" / name).read_text()
