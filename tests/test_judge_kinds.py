"""The registry of judge kinds: each kind validates its own settings, old run directories still load and resume,
and a new kind is one module (a toy one, installed through the entry-point group, ranks through the judge stage)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from plugins import install_plugin

from rankdistill.judging import JUDGE_KINDS, kind_of, uses_ledger
from rankdistill.judging.kinds import resume_identity
from rankdistill.recipe import JudgeSettings, RecipeError, dump_recipe, recipe_from_dict, saved_tree

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TESTS = Path(__file__).resolve().parent


def test_every_kind_owns_a_described_settings_class():
    assert {"reference", "openai", "local", "ensemble"} <= set(JUDGE_KINDS.names())
    for kind in JUDGE_KINDS:
        fields = kind.settings.model_fields
        assert fields["kind"].default == kind.name, kind.name  # the recipe picks the class by this name
        assert kind.summary
        for name, field in fields.items():
            assert field.description, f"{kind.settings.__name__}.{name} has no description"
            assert not field.is_required(), f"{kind.settings.__name__}.{name} has no default"
        assert kind.settings.operational <= set(fields), kind.name


def test_judge_settings_returns_the_kinds_own_class():
    assert type(JudgeSettings()).__name__ == "ReferenceSettings"
    openai = JudgeSettings(kind="openai", model="m", concurrency=3)
    assert type(openai).__name__ == "OpenAISettings" and openai.concurrency == 3
    assert not hasattr(openai, "similarity")
    ensemble = JudgeSettings(
        kind="ensemble", members=[{"kind": "reference"}, {"kind": "local", "template": "pairwise"}]
    )
    assert [type(m).__name__ for m in ensemble.members] == ["ReferenceSettings", "LocalSettings"]
    user = JudgeSettings(kind="plugin_judges:LengthJudge", options={"prefer": "long"})
    assert type(user).__name__ == "UserJudgeSettings" and kind_of(user).name == "module:attr"


def test_ledger_use_is_the_kinds_and_an_ensemble_asks_its_members():
    ref, openai = {"kind": "reference"}, {"kind": "openai", "model": "m"}
    assert not uses_ledger(JudgeSettings(**ref)) and uses_ledger(JudgeSettings(**openai))
    assert uses_ledger(JudgeSettings(kind="local", template="pointwise"))
    assert not uses_ledger(JudgeSettings(kind="ensemble", members=[ref, ref]))
    assert uses_ledger(JudgeSettings(kind="ensemble", members=[ref, openai]))
    assert not uses_ledger(JudgeSettings(kind="plugin_judges:LengthJudge"))


def test_a_key_of_another_kind_is_refused_unless_it_holds_that_kinds_default():
    # old run directories saved every judge field of every kind: those at their default mean nothing and load
    r = recipe_from_dict(
        {"judge": {"kind": "reference", "concurrency": 8, "template": "listwise", "members": []}}
    )
    assert r.judge.model_dump() == {"kind": "reference", "similarity": "chrf"}
    with pytest.raises(RecipeError) as e:
        recipe_from_dict({"judge": {"kind": "local", "template": "pointwise", "concurrency": 2}})
    assert "judge.concurrency does not apply to judge.kind 'local'" in str(e.value)
    assert "(its settings: max_abstain_rate, max_cost, mode, model, template)" in str(e.value)
    assert "<" not in str(e.value).split("(got")[0]  # the union's tag never shows in the key
    with pytest.raises(RecipeError, match=r"key 'judge\.members\.0\.timeout'"):  # a member's key, named whole
        recipe_from_dict(
            {
                "judge": {
                    "kind": "ensemble",
                    "members": [{"kind": "openai", "model": "m", "timeout": 0}, {"kind": "reference"}],
                }
            }
        )
    with pytest.raises(RecipeError, match=r"unknown key 'judge\.options'|judge\.options does not apply"):
        recipe_from_dict({"judge": {"kind": "openai", "model": "m", "options": {"x": 1}}})


def test_teacher_answers_and_label_need_a_kind_that_answers():
    with pytest.raises(RecipeError, match="'teacher' asks the judge's model for its own answer.*'local'"):
        recipe_from_dict(
            {
                "judge": {"kind": "local", "template": "pointwise"},
                "generation": {"sources": ["student", "teacher"]},
                "data": {"reference_field": None},
            }
        )
    assert kind_of("openai").answers and not kind_of("local").answers


@pytest.mark.parametrize("name", ["old_run_recipe_ensemble.yaml", "old_run_recipe_reference.yaml"])
def test_an_old_run_directorys_recipe_loads_and_the_run_resumes(tmp_path, monkeypatch, name):
    from rankdistill import run as run_module
    from rankdistill.run import load_run_recipe, open_run

    monkeypatch.setattr(run_module, "write_manifest", lambda run, recipe: None)  # no model loading here
    old = yaml.safe_load((FIXTURES / name).read_text())
    for key in ("train", "test"):  # a run directory holds them resolved (open_run)
        old["data"][key] = str((TESTS.parent / old["data"][key]).resolve())
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    (run_dir / "recipe.yaml").write_text(yaml.safe_dump(old, sort_keys=False))
    recipe = load_run_recipe(run_module.RunDir(run_dir))
    flat = old["judge"]  # the flat section: every kind's fields
    assert recipe.judge.kind == flat["kind"] and "base_url" not in recipe.judge.model_dump()
    # the same run started again with the recipe it was made with resumes, and its recipe.yaml is rewritten
    given = {**old, "judge": {k: v for k, v in flat.items() if k in type(recipe.judge).model_fields}}
    open_run(run_dir, recipe_from_dict(given))
    assert "base_url_env" not in yaml.safe_load((run_dir / "recipe.yaml").read_text())["judge"]
    if flat["kind"] == "ensemble":  # a member's operational key may change; what it answers may not
        given["judge"]["members"][1]["concurrency"] = 1
        given["judge"]["members"][1]["max_retries"] = 0
        open_run(run_dir, recipe_from_dict(given))
        given["judge"]["members"][1]["template"] = "listwise"
        with pytest.raises(RecipeError, match=r"differs in: judge\.members"):
            open_run(run_dir, recipe_from_dict(given))


def test_operational_keys_are_the_kinds():
    openai = JudgeSettings(kind="openai", model="m")
    assert openai.operational == {
        "max_cost", "base_url", "base_url_env", "api_key_env", "concurrency", "timeout", "max_retries",
        "backoff", "max_abstain_rate",
    }  # fmt: skip
    identity = resume_identity(openai)
    assert "model" in identity and "template" in identity and "concurrency" not in identity
    assert set(resume_identity(JudgeSettings())) == {"kind", "similarity"}


def test_saved_recipe_keeps_no_credentials_in_any_members_url():
    url = "https://user:pw@judge.example/v1?api_key=sk-1"
    member = {"kind": "openai", "model": "m", "base_url": url}
    r = recipe_from_dict({"judge": {"kind": "ensemble", "members": [member, {"kind": "reference"}]}})
    tree = saved_tree(r)
    assert tree["judge"]["members"][0]["base_url"] == "https://judge.example/v1"
    assert "base_url" not in tree["judge"]["members"][1] and "pw" not in dump_recipe(r)
    assert (
        recipe_from_dict(yaml.safe_load(dump_recipe(r))).judge.members[0].base_url
        == "https://judge.example/v1"
    )


def test_a_kind_that_declares_no_saved_form_writes_no_credentials():
    """JudgeKind.saved's default: a plug-in that forgets it still keeps keys out of recipe.yaml and the manifest;
    a URL with nothing to hide, and any other field, are saved as given."""
    from pydantic import Field

    from rankdistill.judging import JudgeKind, JudgeKindSettings

    class Settings(JudgeKindSettings):
        kind: str = Field("forgetful", description="kind")
        server: str = Field("", description="its server")
        mirror: str = Field("https://mirror.example/v1", description="a URL without secrets")
        note: str = Field("a?b#c", description="not a URL")

    kind = JudgeKind("forgetful", "forgets saved", Settings, make=lambda s, ledger, seed: None)
    given = Settings(server="https://u:pw@judge.example/v1?key=sk-1#frag")
    saved = kind.saved(given)
    assert saved.server == "https://judge.example/v1" and "sk-1" not in saved.model_dump_json()
    assert (saved.mirror, saved.note) == (given.mirror, given.note)
    assert given.server.endswith("#frag")  # the live settings keep the credentials their calls need


# A judge kind of one's own: this one module, plus the entry point that names it (what a plug-in package's
# pyproject.toml declares: [project.entry-points."rankdistill.judge_kinds"] nearest = "toy_nearest:JUDGE_KIND").
TOY_KIND = '''
"""A toy judge kind: prefers answers whose length is nearest judge.target characters."""

from typing import Literal

from pydantic import Field

from rankdistill.judging import JudgeKind, JudgeKindSettings, ranking_from_scores


class NearestSettings(JudgeKindSettings):
    kind: Literal["nearest"] = Field("nearest", description="Answers nearest a length win.")
    target: int = Field(5, ge=0, description="The best answer's length, in characters.")


class NearestJudge:
    def __init__(self, target):
        self.target, self.name = target, f"nearest/{target}"

    def rank(self, item):
        scores = [-abs(len(c.text) - self.target) for c in item.candidates]
        return ranking_from_scores(item.prompt_id, scores, self.name)


JUDGE_KIND = JudgeKind(
    name="nearest",
    summary="answers whose length is nearest judge.target win",
    settings=NearestSettings,
    make=lambda settings, ledger, seed: NearestJudge(settings.target),
)
'''

CHECK = """
import json
from rankdistill.judging import make_judge
from rankdistill.recipe import JudgeSettings, RecipeError, recipe_from_dict
from rankdistill.records import CandidateSet, Completion

out = {}
r = recipe_from_dict({"judge": {"kind": "nearest", "target": 3}, "data": {"reference_field": None}})
out["class"], out["target"] = type(r.judge).__name__, r.judge.target
for name, judge in {
    "another kind's key": {"kind": "nearest", "similarity": "edit_distance"},
    "a typo": {"kind": "nearest", "targt": 3},
    "a bad value": {"kind": "nearest", "target": -1},
    "its key on another kind": {"kind": "reference", "target": 3},
}.items():
    try:
        recipe_from_dict({"judge": judge})
        out[name] = None
    except RecipeError as e:
        out[name] = str(e)
item = CandidateSet("p", [{"role": "user", "content": "q"}], [Completion(t, 1, "stop") for t in ["a", "abcd", "abc"]])
out["order"] = make_judge(r.judge).rank(item).order
both = JudgeSettings(kind="ensemble", members=[{"kind": "nearest", "target": 1}, {"kind": "nearest", "target": 1}])
out["ensemble"] = make_judge(both).rank(item).order
print(json.dumps(out))
"""


def _install_toy(tmp_path):
    """The toy kind's module and the entry point naming it, on PYTHONPATH (as an installed package has them)."""
    site = install_plugin(
        tmp_path / "site",
        "toy-nearest",
        {"toy_nearest.py": TOY_KIND},
        {"rankdistill.judge_kinds": {"nearest": "toy_nearest:JUDGE_KIND"}},
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]))
    return env


def _rankdistill(args, env, cwd):
    return subprocess.run(
        [sys.executable, "-m", "rankdistill", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_new_judge_kind_is_one_module(tmp_path):
    env = _install_toy(tmp_path)
    proc = subprocess.run([sys.executable, "-c", CHECK], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.splitlines()[-1])
    assert (out["class"], out["target"]) == ("NearestSettings", 3)
    assert (
        "judge.similarity does not apply to judge.kind 'nearest' (its settings: target)"
        in out["another kind's key"]
    )
    assert "unknown key 'judge.targt'" in out["a typo"]
    assert "key 'judge.target'" in out["a bad value"]
    assert (
        "judge.target does not apply to judge.kind 'reference' (its settings: similarity)"
        in out["its key on another kind"]
    )
    assert out["order"] == [2, 1, 0]  # 'abc' is 3 long; 'abcd' is 1 away, 'a' 2
    assert out["ensemble"] == [0, 2, 1]

    listed = _rankdistill(["recipes"], env, tmp_path)
    assert "nearest" in listed.stdout and "answers whose length is nearest judge.target win" in listed.stdout

    # the judge stage of a run made with it, from the command line
    from rankdistill.records import CandidateSet, Completion, read_jsonl, to_dict, write_jsonl
    from rankdistill.rundir import RunDir

    run = RunDir(tmp_path / "run")
    texts = [["a", "abcd", "abc"], ["abcdefg", "ab", "abc"]]
    items = [
        CandidateSet(f"p{i}", [{"role": "user", "content": "q"}], [Completion(t, 1, "stop") for t in ts])
        for i, ts in enumerate(texts)
    ]
    write_jsonl(run.candidates(1), [to_dict(i) for i in items])
    tree = {"name": "toy", "judge": {"kind": "nearest", "target": 3}, "data": {"reference_field": None}}
    run.recipe_path.write_text(yaml.safe_dump(tree))
    judged = _rankdistill(["judge", str(run.root), "--round", "1"], env, tmp_path)
    assert judged.returncode == 0, judged.stderr
    rankings = {r["prompt_id"]: r for r in read_jsonl(run.rankings(1))}
    assert rankings["p0"]["order"] == [2, 1, 0] and rankings["p1"]["order"] == [2, 1, 0]
    assert rankings["p0"]["judge"] == "nearest/3"
    assert not (run.root / "ledger.sqlite").exists()  # its calls cost nothing: no ledger asked for

    # a recipe with another kind's key stops iterate with one line and exit code 2, before any work
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump({"judge": {"kind": "nearest", "concurrency": 2}}))
    refused = _rankdistill(["iterate", str(bad), "--run-dir", str(tmp_path / "bad-run")], env, tmp_path)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "judge.concurrency does not apply to judge.kind 'nearest'" in refused.stderr
    assert not (tmp_path / "bad-run").exists()


# What the stages need from a kind is its JudgeKind's to say (limits, saved, environment), whatever its settings
# are called: this plug-in names its calls in flight, cost cap, abstention limit and server otherwise than openai.
PAID_KIND = """
import math
from typing import Literal

from pydantic import Field

from rankdistill.judging import JudgeKind, JudgeKindSettings, Limits, ranking_from_scores


class PaidSettings(JudgeKindSettings):
    kind: Literal["paid"] = Field("paid", description="A paid judge that never answers.")
    parallel: int = Field(3, description="Calls in flight.")
    budget_usd: float | None = Field(None, description="Dollars it may spend.")
    tolerate: float = Field(0.5, description="Share of rankings it may abstain on.")
    endpoint: str = Field("https://judge.example/v1", description="Its server; a key may ride in the query.")


class PaidJudge:
    def __init__(self, ledger):
        self.name = f"paid/cap={ledger.max_cost}"  # the cap the run's ledger holds it to

    def rank(self, item):
        return ranking_from_scores(item.prompt_id, [math.nan] * len(item.candidates), self.name)


JUDGE_KIND = JudgeKind(
    name="paid",
    summary="abstains on everything, at a price",
    settings=PaidSettings,
    make=lambda settings, ledger, seed: PaidJudge(ledger),
    uses_ledger=True,
    limits=lambda s: Limits(concurrency=s.parallel, max_cost=s.budget_usd, max_abstain_rate=s.tolerate),
    saved=lambda s: s.model_copy(update={"endpoint": s.endpoint.split("?")[0]}),
    environment=lambda s: {"PAID_ENDPOINT": s.endpoint},
)
"""

PAID_CHECK = """
import json, sys
from pathlib import Path
from rankdistill.errors import JudgeFailed
from rankdistill.judging import judge_stage, limits
from rankdistill.judging.kinds import child_environment
from rankdistill.recipe import dump_recipe, recipe_from_dict
from rankdistill.records import CandidateSet, Completion, read_jsonl, to_dict, write_jsonl
from rankdistill.rundir import RunDir

out = {}
judge = {"kind": "paid", "parallel": 5, "budget_usd": 2.5, "endpoint": "https://judge.example/v1?key=sk-secret"}
for tolerate in (1.0, 0.5):
    r = recipe_from_dict({"judge": {**judge, "tolerate": tolerate}, "data": {"reference_field": None}})
    out["limits"] = list(vars(limits(r.judge)).values())
    out["child env"] = child_environment(r.judge).get("PAID_ENDPOINT")
    out["saved"] = dump_recipe(r)
    run = RunDir(Path(sys.argv[1]) / f"run-{tolerate}")
    items = [CandidateSet(f"p{i}", [{"role": "user", "content": "q"}], [Completion(t, 1, "stop") for t in "ab"])
             for i in range(3)]
    write_jsonl(run.candidates(1), [to_dict(i) for i in items])
    try:
        judge_stage(run, 1, r)
        out[tolerate] = [row["judge"] for row in read_jsonl(run.rankings(1))]
    except JudgeFailed as e:
        out[tolerate] = str(e)
print(json.dumps(out))
"""


def test_a_judge_kind_plugin_declares_its_limits_and_credentials(tmp_path):
    site = install_plugin(
        tmp_path / "site",
        "toy-paid",
        {"toy_paid.py": PAID_KIND},
        {"rankdistill.judge_kinds": {"paid": "toy_paid:JUDGE_KIND"}},
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run(
        [sys.executable, "-c", PAID_CHECK, str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.splitlines()[-1])
    assert out["limits"] == [5, 2.5, 0.5]  # concurrency, cost cap, abstention limit: the kind's own fields
    assert out["1.0"] == ["paid/cap=2.5"] * 3  # its ledger capped at its budget; all abstained, and tolerated
    assert "3 of 3 rankings abstained" in out["0.5"] and "0.5" in out["0.5"]  # over its own limit: stopped
    assert "sk-secret" not in out["saved"] and "https://judge.example/v1" in out["saved"]  # saved as it says
    assert out["child env"] == "https://judge.example/v1?key=sk-secret"  # what compare's child runs get
