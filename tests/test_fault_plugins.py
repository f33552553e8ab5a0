"""Fault catalogue, part 3 (issue 27): plug-ins fail loudly and alone. A plug-in that cannot be loaded, is named
like a built-in or has a bad settings class is named in one line when it is used or listed, and every other
command keeps working; a metric or user judge that raises or answers in the wrong shape fails its stage in one
line naming it. And what the recipe loader has to say (migration notes) reaches the user."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from plugins import install_plugin

from rankdistill.cli import main
from rankdistill.records import CandidateSet, Completion, to_dict, write_jsonl
from rankdistill.rundir import RunDir

HERE = Path(__file__).resolve().parent

BROKEN = "import nonexistent_dependency_of_the_plugin\n"
REQUIRED_FIELD = """
from pydantic import Field
from rankdistill.train import common
from rankdistill.train.sft import train


class Settings(common.AlgorithmSettings):
    must: int = Field(description="A setting without a default.")


ALGORITHM = common.Algorithm(name="needy", summary="settings with a required field", train=train, settings=Settings)
"""
NOT_PYDANTIC = """
from rankdistill.train import common
from rankdistill.train.sft import train


class Settings:
    pass


ALGORITHM = common.Algorithm(name="plain", summary="settings that are no pydantic class", train=train, settings=Settings)
"""
NO_SHAPE = """
from rankdistill.train import common
from rankdistill.train.sft import train

ALGORITHM = common.Algorithm(name="nope", summary="reads no prefs dataset", train=train, reads="nope")
"""
CLASH = """
from rankdistill.train import common
from rankdistill.train.sft import train

ALGORITHM = common.Algorithm(name="dpo", summary="my own dpo", train=train)
"""
RAISING_METRIC = """
from rankdistill.metrics import Metric


def boom(rows):
    return 1 / 0


METRIC = Metric("boom", boom)
"""


@pytest.fixture
def env(tmp_path):
    site = install_plugin(
        tmp_path / "site",
        "broken-plugins",
        {
            "broken_algo.py": BROKEN,
            "needy_algo.py": REQUIRED_FIELD,
            "plain_algo.py": NOT_PYDANTIC,
            "clash_algo.py": CLASH,
            "nope_algo.py": NO_SHAPE,
            "broken_kind.py": BROKEN,
        },
        {
            "rankdistill.algorithms": {
                "broken": "broken_algo:ALGORITHM",
                "needy": "needy_algo:ALGORITHM",
                "plain": "plain_algo:ALGORITHM",
                "dpo": "clash_algo:ALGORITHM",
                "nope": "nope_algo:ALGORITHM",
            },
            "rankdistill.judge_kinds": {"toykind": "broken_kind:JUDGE_KIND"},
        },
    )
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(HERE)]), "COLUMNS": "200"}


def rankdistill(env, *args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "rankdistill", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=300
    )


def test_broken_plugins_are_listed_each_on_one_line_and_the_rest_works(env, tmp_path):
    listed = rankdistill(env, "recipes")
    assert listed.returncode == 0, listed.stderr
    out = listed.stdout + listed.stderr
    assert "Traceback" not in out
    for name, why in [
        ("broken", "nonexistent_dependency_of_the_plugin"),
        ("needy", "must"),
        ("plain", "pydantic"),
        ("dpo", "built-in"),
        ("nope", "no prefs dataset (known: pairs, lists, best"),
        ("toykind", "nonexistent_dependency_of_the_plugin"),
    ]:
        lines = [line for line in out.splitlines() if f"'{name}'" in line and why in line]
        assert len(lines) == 1, (name, out)
    assert "  dpo " in listed.stdout and "sft" in listed.stdout  # the built-ins are all there
    # another command that reads recipes works (a run's summary, a recipe loaded with its defaults)
    run = tmp_path / "run"
    made = subprocess.run(
        [sys.executable, "-c", f"from rankdistill.recipe import load_recipe; from rankdistill.run import open_run; "
         f"open_run({str(run)!r}, load_recipe('gec-smollm2-small'))"],  # fmt: skip
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert made.returncode == 0, made.stderr[-2000:]
    assert rankdistill(env, "summary", str(run)).returncode == 0


@pytest.mark.parametrize(
    "setting,named",
    [
        ("train.algorithm=broken", "nonexistent_dependency_of_the_plugin"),
        ("train.algorithm=needy", "must"),
        ("train.schedule=[sft, plain]", "pydantic"),
        ("train.schedule=[sft, nope]", "it reads 'nope', which is no prefs dataset"),
        ("judge.kind=toykind", "nonexistent_dependency_of_the_plugin"),
    ],
)
def test_using_a_broken_plugin_names_it_in_one_line(env, tmp_path, setting, named):
    proc = rankdistill(env, "iterate", "gec-smollm2-small", "--run-dir", str(tmp_path / "run"), "--set", setting)
    assert proc.returncode == 2, proc.stderr[-2000:]
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and named in errors[0] and "plug-in" in errors[0], proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr


def test_a_plugin_named_like_a_builtin_is_named_when_that_name_is_used(env, tmp_path):
    code = "from rankdistill.recipe import load_recipe; load_recipe('gec-smollm2-small', {'train.algorithm': 'dpo'})"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = rankdistill(env, "iterate", "gec-smollm2-small", "--run-dir", str(tmp_path / "run"), "--set", "train.args.bogus=1")
    warned = [line for line in result.stderr.splitlines() if "clash_algo" in line]
    assert len(warned) == 1 and "built-in" in warned[0], result.stderr[-2000:]


def test_a_metric_plugin_that_raises_fails_the_eval_in_one_line(tmp_path):
    site = install_plugin(
        tmp_path / "site",
        "toy-plugins",
        {"boom_metric.py": RAISING_METRIC, "toy_backend.py": (HERE / "toy_backend.py").read_text()},
        {"rankdistill.metrics": {"boom": "boom_metric:METRIC"}, "rankdistill.backends": {"toy": "toy_backend:BACKEND"}},
    )
    recipe = tmp_path / "toy.yaml"
    recipe.write_text("name: toy\neval: {max_prompts: 4}\ngeneration: {backend: toy, toy: {answer: She goes.}}\n")
    env = {**os.environ, "PYTHONPATH": str(site)}
    run = tmp_path / "run"
    code = (
        "from rankdistill.recipe import load_recipe; from rankdistill.run import open_run; "
        f"open_run({str(run)!r}, load_recipe({str(recipe)!r}))"
    )
    assert subprocess.run([sys.executable, "-c", code], env=env, timeout=300).returncode == 0
    proc = rankdistill(env, "eval", str(run), "--round", "0")
    assert proc.returncode == 2, proc.stderr[-2000:]
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "'boom'" in errors[0] and "boom_metric:METRIC" in errors[0], proc.stderr
    assert "ZeroDivisionError" in errors[0] and "Traceback" not in proc.stderr
    assert (run / "round-00" / "predictions.jsonl").exists()  # the answers are kept: a rerun only scores them


# --- user judges that answer in the wrong shape (judge.kind 'module:attr') -------------------------------

USER_JUDGES = '''
from rankdistill.judging import ranking_from_scores


class Wrong:
    def __init__(self, how):
        self.how, self.name = how, f"wrong/{how}"

    def rank(self, item):
        if self.how == "none":
            return None
        if self.how == "prompt_id":
            return ranking_from_scores("another", [1.0] * len(item.candidates), self.name)
        if self.how == "short":
            return ranking_from_scores(item.prompt_id, [1.0], self.name)
        raise RuntimeError("the judge's own bug")
'''


@pytest.mark.parametrize("how,problem", [("none", "None"), ("prompt_id", "another"), ("short", "1 score"),
                                         ("raises", "RuntimeError")])  # fmt: skip
def test_a_user_judge_that_answers_wrongly_fails_the_stage_in_one_line(tmp_path, monkeypatch, how, problem):
    from rankdistill.recipe import dump_recipe, recipe_from_dict

    (tmp_path / "wrong_judges.py").write_text(USER_JUDGES)
    monkeypatch.syspath_prepend(str(tmp_path))
    run = RunDir(tmp_path / "run")
    items = [
        CandidateSet(f"p{n}", [{"role": "user", "content": "q"}], [Completion(t, 1, "stop") for t in ("a", "bb")])
        for n in range(3)
    ]
    write_jsonl(run.candidates(1), [to_dict(i) for i in items])
    judge = {"kind": "wrong_judges:Wrong", "options": {"how": how}}
    run.recipe_path.write_text(dump_recipe(recipe_from_dict({"judge": judge, "data": {"reference_field": None}})))
    result = CliRunner().invoke(main, ["judge", str(run.root), "--round", "1"])
    assert result.exit_code == 2, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "wrong_judges:Wrong" in errors[0] and problem in errors[0], result.output
    assert not run.is_done("judge", 1)


# --- notes from the recipe loader reach the user -------------------------------------------------------


def test_migration_notes_of_an_old_recipe_are_printed(tmp_path):
    old = tmp_path / "old.yaml"
    old.write_text("name: old\ntrain: {algorithm: dpo, beta: 0.2}\njudge: {kind: nonesuch_kind_x}\n")
    result = CliRunner().invoke(main, ["iterate", str(old), "--run-dir", str(tmp_path / "run")])
    assert result.exit_code == 2  # (the made-up judge stops it: the note comes first all the same)
    notes = [line for line in result.output.splitlines() if "train.beta" in line]
    assert len(notes) == 1 and "train.per_algorithm.dpo.beta" in notes[0], result.output
    assert json.dumps  # (json imported for the helpers above)
