import pytest

from rankdistill.recipe import RecipeError, load_recipe


def _load(tmp_path, judge_yaml):
    p = tmp_path / "r.yaml"
    p.write_text("data:\n  reference_field: null\njudge:\n" + judge_yaml)
    return load_recipe(p)


def test_settings_of_another_kind_are_rejected(tmp_path):
    with pytest.raises(RecipeError, match=r"judge\.concurrency does not apply to judge\.kind 'reference'"):
        load_recipe("gec-smollm2-small", {"judge.concurrency": 4})
    with pytest.raises(RecipeError, match=r"judge\.similarity does not apply to judge\.kind 'openai'"):
        _load(tmp_path, "  kind: openai\n  model: m\n  similarity: edit_distance\n")
    with pytest.raises(RecipeError, match=r"judge\.members does not apply"):
        _load(tmp_path, "  kind: openai\n  model: m\n  members: [{kind: reference}]\n")


def test_openai_needs_a_model_and_the_template_decides_the_mode(tmp_path):
    with pytest.raises(RecipeError, match=r"judge\.model.*--set judge\.model=NAME"):
        _load(tmp_path, "  kind: openai\n")
    r = _load(tmp_path, "  kind: openai\n  model: gpt-x\n  template: pairwise\n  mode: pairwise\n")
    assert r.judge.template == "pairwise"
    with pytest.raises(RecipeError, match="disagrees with template"):
        _load(tmp_path, "  kind: openai\n  model: gpt-x\n  template: pairwise\n  mode: listwise\n")


def test_unknown_kind_and_ensembles(tmp_path):
    with pytest.raises(RecipeError, match="unknown judge 'gpt'"):
        _load(tmp_path, "  kind: gpt\n")
    with pytest.raises(RecipeError, match="at least two"):
        _load(tmp_path, "  kind: ensemble\n  members: [{kind: reference}]\n")
    with pytest.raises(RecipeError, match=r"judge\.concurrency does not apply"):  # members are checked too
        _load(
            tmp_path, "  kind: ensemble\n  members: [{kind: reference}, {kind: reference, concurrency: 3}]\n"
        )
    r = _load(
        tmp_path,
        "  kind: ensemble\n  aggregate: majority\n  members: [{kind: reference}, {kind: openai, model: m}]\n",
    )
    assert [m.kind for m in r.judge.members] == ["reference", "openai"]


def test_api_key_is_never_a_setting(tmp_path):
    with pytest.raises(RecipeError, match="unknown key 'judge.api_key'"):
        _load(tmp_path, "  kind: openai\n  model: m\n  api_key: sk-123\n")


def test_a_stopped_run_resumes_with_a_higher_budget_but_not_another_teacher(tmp_path, monkeypatch):
    from rankdistill import run as run_module
    from rankdistill.run import open_run

    monkeypatch.setattr(run_module, "write_manifest", lambda run, recipe: None)  # no model loading in a unit test

    sets = {"judge": {"kind": "openai", "model": "m", "max_cost": 1.0}, "data": {"reference_field": None}}
    from rankdistill.recipe import recipe_from_dict

    open_run(tmp_path / "run", recipe_from_dict(sets))
    sets["judge"] |= {"max_cost": 5.0, "base_url": "http://127.0.0.1:9/v1", "concurrency": 2}
    open_run(tmp_path / "run", recipe_from_dict(sets))
    sets["judge"]["model"] = "other"
    with pytest.raises(RecipeError, match=r"judge\.model"):
        open_run(tmp_path / "run", recipe_from_dict(sets))
