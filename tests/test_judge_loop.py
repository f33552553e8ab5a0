"""A whole round with the openai teacher (the GEC recipe, the gec rubric) against the local fake server."""

import json
import os

import pytest
from fake_openai import FakeServer
from test_integration import rankdistill

pytestmark = pytest.mark.integration

KEY = "sk-loop-never-on-disk-93b1"
TINY = ["data.max_prompts=4", "generation.k=3", "generation.max_new_tokens=16", "train.max_steps=1", "train.batch_size=2"]
TINY += ["eval.max_prompts=4", "eval.max_new_tokens=16"]


def test_round_with_openai_teacher_rerun_is_free(tmp_path):
    run = tmp_path / "run"
    env = {**os.environ, "OPENAI_API_KEY": KEY}
    with FakeServer() as srv:
        sets = [x for s in [*TINY, f"judge.base_url={srv.url}"] for x in ("--set", s)]
        rankdistill(
            "iterate", "gec-smollm2-dpo-openai", "--rounds", "1", "--run-dir", str(run), *sets, env=env
        )
        calls = srv.requests
        assert calls == 4  # one listwise call per prompt
        assert all("<reference>" in b["messages"][-1]["content"] for b in srv.bodies)  # the GEC rubric's slot
        rankdistill("judge", str(run), "--round", "1", "--force", env=env)
        assert srv.requests == calls  # judged again, all from the ledger
    ledger = json.loads(rankdistill("ledger", str(run), "--json").stdout)
    assert (ledger["calls"], ledger["cache_hits"], ledger["abstained"]) == (4, 4, 0)
    rankings = [json.loads(x) for x in (run / "round-01" / "rankings.jsonl").read_text().splitlines()]
    assert len(rankings) == 4 and all(r["judge"] == "openai/gpt-4o-mini/gec" for r in rankings)
    for f in run.rglob("*"):
        if f.is_file():
            assert KEY.encode() not in f.read_bytes(), f


def test_credentials_in_the_judge_url_work_on_resume_and_are_never_saved(tmp_path):
    run = tmp_path / "run"
    env = {**os.environ, "OPENAI_API_KEY": KEY}
    env.pop("OPENAI_BASE_URL", None)
    with FakeServer() as srv:
        srv.basic_auth = "judge:pw-never-on-disk-77"  # without them: 401, and the command stops
        url = srv.url.replace("http://", "http://judge:pw-never-on-disk-77@")
        sets = [x for s in [*TINY, f"judge.base_url={url}"] for x in ("--set", s)]
        args = ["iterate", "gec-smollm2-dpo-openai", "--run-dir", str(run), *sets]
        rankdistill(*args, "--rounds", "1", env=env)
        assert srv.ok == 4
        rankdistill(*args, "--rounds", "2", env=env)  # resumed with the URL given again
        assert srv.ok == 8 and srv.requests == 8
    assert (run / "round-02" / "rankings.jsonl").exists()
    saved = (run / "recipe.yaml").read_text()
    assert f"base_url: {srv.url}\n" in saved
    files = [f for f in run.rglob("*") if f.is_file()]
    assert "ledger.sqlite" in {f.name for f in files} and "manifest.json" in {f.name for f in files}
    for f in files:
        assert b"pw-never-on-disk-77" not in f.read_bytes(), f
