"""The student's greedy answer among the candidates, as greedy generation gives it, and dynamic sampling resumed
after a failure drawing what an uninterrupted stage draws, with real seeded sampling (a tiny random-weight model
with the packaged SmolLM2 tokenizer)."""

from __future__ import annotations

import pytest
from tiny_models import build_base_model

from rankdistill.generation import generate_stage, make_generator
from rankdistill.recipe import load_recipe
from rankdistill.records import read_jsonl, to_dict
from rankdistill.run import load_run_recipe, open_run

pytestmark = pytest.mark.integration  # the tiny model borrows the packaged tokenizer (converted on first use)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return build_base_model(tmp_path_factory.mktemp("base"))


def _sets(tiny, **more):
    return {
        "student.model": str(tiny),
        "generation.backend": "transformers",
        "generation.k": 2,
        "generation.max_new_tokens": 12,
        "data.max_prompts": 5,
        "train.schedule": None,
        **more,
    }


def test_the_greedy_candidate_is_what_greedy_generation_answers(tiny, tmp_path):
    run = open_run(tmp_path / "run", load_recipe("gec-smollm2-small", _sets(tiny)))
    recipe = load_run_recipe(run)
    generate_stage(run, 1, recipe)
    items = list(read_jsonl(run.candidates(1)))
    generator = make_generator(recipe, None)
    try:
        greedy = generator.generate([it["messages"] for it in items], greedy=True, max_new_tokens=12)
    finally:
        generator.close()
    assert len(items) == 5
    for item, answer in zip(items, greedy, strict=True):
        # the k samples, the greedy answer, then the reference (the default recipe's sources)
        assert [c["source"] for c in item["candidates"]] == ["student", "student", "greedy", "reference"]
        assert item["candidates"][2] == {**to_dict(answer[0]), "source": "greedy"}
    assert any(c["text"] != item["candidates"][2]["text"] for item in items for c in item["candidates"][:2])
    assert not list(run.round_dir(1).glob("*.partial.jsonl"))  # the greedy answers' file went with the stage

    off = open_run(tmp_path / "off", load_recipe("gec-smollm2-small", _sets(tiny, **{"generation.greedy": False})))
    generate_stage(off, 1, load_run_recipe(off))
    for item, before in zip(read_jsonl(off.candidates(1)), items, strict=True):
        assert [c["source"] for c in item["candidates"]] == ["student", "student", "reference"]
        assert item["candidates"][:2] == before["candidates"][:2]  # the samples are the same with or without


def test_a_resumed_draw_samples_and_keeps_what_an_uninterrupted_one_does(tiny, tmp_path, monkeypatch):
    import plugin_judges

    from rankdistill.errors import JudgeFailed

    sets = _sets(
        tiny,
        **{"data.max_prompts": 4, "preferences.skip_tied": True, "judge": {"kind": "plugin_judges:EveryNthJudge"}},
    )
    whole = open_run(tmp_path / "whole", load_recipe("gec-smollm2-small", sets))
    generate_stage(whole, 1, load_run_recipe(whole))

    cut = open_run(tmp_path / "cut", load_recipe("gec-smollm2-small", sets))
    monkeypatch.setattr(plugin_judges, "RANKINGS", [0])
    monkeypatch.setenv("RD_TEST_FAIL_AFTER", "6")  # in the second chunk, once both were sampled and filed
    with pytest.raises(JudgeFailed, match="the test judge is down"):
        generate_stage(cut, 1, load_run_recipe(cut))
    filed = list(read_jsonl(cut.round_dir(1) / "candidates.partial.jsonl"))
    assert len(filed) > 4 and not cut.candidates(1).exists()
    monkeypatch.delenv("RD_TEST_FAIL_AFTER")
    generate_stage(cut, 1, load_run_recipe(cut))
    kept = list(read_jsonl(cut.candidates(1)))
    assert kept == list(read_jsonl(whole.candidates(1)))  # same prompts, same samples, same greedy answers
    assert cut.draws(1).read_text() == whole.draws(1).read_text()
    assert len(kept) == 4 and all(int(x["prompt_id"][-4:]) % 3 == 0 for x in kept)
    filed_by_id = {x["prompt_id"]: x for x in filed}
    assert all(x == filed_by_id[x["prompt_id"]] for x in kept if x["prompt_id"] in filed_by_id)
