"""generation.sources: candidates from the reference and the openai teacher beside the student's k samples."""

from __future__ import annotations

import json

import pytest
from fake_openai import SLOTS, FakeServer

from rankdistill.generation import generate_stage
from rankdistill.judging import judge_stage
from rankdistill.judging.ledger import summarize
from rankdistill.preferences import prefs_stage
from rankdistill.recipe import RecipeError, load_recipe
from rankdistill.records import read_jsonl

TINY = {
    "data.max_prompts": 3,
    "generation.k": 2,
    "generation.max_new_tokens": 6,  # too short for a full sentence: the student rarely matches the reference
}


def test_sources_must_include_the_student_and_fit_the_judge():
    with pytest.raises(RecipeError, match="generation.sources.*student"):
        load_recipe("gec-smollm2-small", {"generation.sources": ["reference"]})
    with pytest.raises(RecipeError, match="teacher.*openai"):
        load_recipe("gec-smollm2-small", {"generation.sources": ["student", "teacher"]})
    with pytest.raises(RecipeError, match="twice"):
        load_recipe("gec-smollm2-small", {"generation.sources": ["student", "reference", "reference"]})
    assert load_recipe("gec-smollm2-small", {"generation.sources": ["student"]}).generation.sources == ["student"]
    assert load_recipe("gec-smollm2-small").generation.sources == ["student", "reference"]  # the small recipe


@pytest.mark.integration
def test_reference_candidate_is_ranked_and_chosen_where_it_wins(tmp_path):
    from rankdistill.run import load_run_recipe, open_run

    recipe = load_recipe("gec-smollm2-small", {**TINY, "generation.sources": ["student", "reference"]})
    run = open_run(tmp_path / "run", recipe)
    recipe = load_run_recipe(run)
    generate_stage(run, 1, recipe)
    items = list(read_jsonl(run.candidates(1)))
    assert len(items) == 3
    for item in items:
        sources = [c["source"] for c in item["candidates"]]
        assert sources == ["student", "student", "greedy", "reference"]  # k samples, greedy, the reference once
        assert item["candidates"][-1]["text"] == item["reference"]
        assert item["candidates"][-1]["num_tokens"] > 0
    judge_stage(run, 1, recipe)
    stats = prefs_stage(run, 1, recipe)
    rankings = {r["prompt_id"]: r for r in read_jsonl(run.rankings(1))}
    from datasets import load_from_disk

    pairs = load_from_disk(str(run.prefs(1) / "pairs")).to_list()
    for item in items:
        ranking = rankings[item["prompt_id"]]
        assert len(ranking["scores"]) == 4  # the reference was ranked with the student's answers
        ref_score = ranking["scores"][3]
        student_best = max(ranking["scores"][:3])  # its samples and its greedy answer
        mine = [p for p in pairs if p["prompt_id"] == item["prompt_id"]]
        if ref_score > student_best:  # the reference won: it is the chosen answer of the prompt's pair
            assert [p["chosen"][0]["content"] for p in mine] == [item["reference"]]
            assert [p["chosen_source"] for p in mine] == ["reference"]
            assert all(p["rejected_source"] in ("student", "greedy") for p in mine)
    assert stats["chosen_sources"].get("reference", 0) >= 1
    lists = load_from_disk(str(run.prefs(1) / "lists")).to_list()
    assert all(row["sources"] == ["student", "student", "greedy", "reference"] for row in lists)


@pytest.mark.integration
def test_teacher_answers_join_the_pool_cached_in_the_ledger(tmp_path, monkeypatch):
    from rankdistill.run import load_run_recipe, open_run

    monkeypatch.setenv("OPENAI_API_KEY", "sk-teacher")
    with FakeServer() as srv:
        sets = {**TINY, "generation.sources": ["student", "teacher"], "judge.base_url": srv.url}
        recipe = load_recipe("gec-smollm2-dpo-openai", sets)
        run = open_run(tmp_path / "run", recipe)
        recipe = load_run_recipe(run)
        generate_stage(run, 1, recipe)
        teacher_calls = srv.requests
        assert teacher_calls == 3  # one answer per prompt
        items = list(read_jsonl(run.candidates(1)))
        for item in items:
            teacher = [c for c in item["candidates"] if c["source"] == "teacher"]
            assert len(teacher) == 1 and teacher[0]["text"].startswith("Corrected:")
            # the teacher was asked the student's own prompt, not a judge prompt
        assert all(b["messages"][-1]["content"].startswith("Correct this sentence:") for b in srv.bodies)
        judge_stage(run, 1, recipe)
        # the judge saw every candidate's text and nothing else about it: no source label
        judged = srv.bodies[teacher_calls:]
        assert len(judged) == len(items)
        for item in items:
            body = next(b for b in judged if item["candidates"][0]["text"] in b["messages"][-1]["content"])
            shown = sorted(text for _, text in SLOTS.findall(body["messages"][-1]["content"]))
            assert shown == sorted(c["text"] for c in item["candidates"])
            assert "source" not in json.dumps(body["messages"])
        # a second round asks the ledger, not the server, for the same prompts' teacher answers
        before = srv.requests
        run.candidates(1).rename(run.round_dir(1) / "old.jsonl")
        generate_stage(run, 1, recipe)
        assert srv.requests == before
    totals = summarize(run.root / "ledger.sqlite")
    assert totals["cache_hits"] >= 3


@pytest.mark.integration
def test_teacher_down_stops_generation_unfinished_then_asks_only_what_failed(tmp_path, monkeypatch):
    import socket

    from rankdistill.errors import JudgeFailed
    from rankdistill.run import load_run_recipe, open_run

    monkeypatch.setenv("OPENAI_API_KEY", "sk-teacher")
    with socket.socket() as s:  # a port nobody listens on: the teacher is down
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/v1"
    sets = {**TINY, "generation.sources": ["student", "teacher"], "judge.max_retries": 0}
    recipe = load_recipe("gec-smollm2-dpo-openai", {**sets, "judge.base_url": dead})
    run = open_run(tmp_path / "run", recipe)
    with pytest.raises(JudgeFailed, match="3 of 3 prompts got no answer"):
        generate_stage(run, 1, load_run_recipe(run))
    assert not run.is_done("generate", 1)  # nothing filed: no candidate set lacks its teacher answer
    with FakeServer() as srv:  # the server is back (at another URL: an operational setting)
        recipe = load_recipe("gec-smollm2-dpo-openai", {**sets, "judge.base_url": srv.url})
        run = open_run(tmp_path / "run", recipe)
        generate_stage(run, 1, load_run_recipe(run))
        assert srv.requests == 3
    assert all(c[-1]["source"] == "teacher" for c in (i["candidates"] for i in read_jsonl(run.candidates(1))))
