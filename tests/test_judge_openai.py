"""The openai judge against a local fault-injecting server: retries, abstentions, ledger, cost cap, secrets."""

import json
import math

import pytest
from click.testing import CliRunner
from fake_openai import FakeServer

from rankdistill.cli import main
from rankdistill.judging import judge_stage
from rankdistill.judging.ledger import CostLimitReached, summarize
from rankdistill.recipe import dump_recipe, recipe_from_dict
from rankdistill.records import CandidateSet, Completion, read_jsonl, to_dict, write_jsonl
from rankdistill.rundir import RunDir

KEY = "sk-test-DO-NOT-STORE-4f1c9a"


@pytest.fixture(autouse=True)
def _key(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def make_run(tmp_path, texts_per_prompt, **judge):
    run = RunDir(tmp_path / "run")
    items = [
        CandidateSet(
            f"p{n}",
            [{"role": "user", "content": f"Answer question {n}"}],
            [Completion(t, 3, "stop") for t in texts],
        )
        for n, texts in enumerate(texts_per_prompt)
    ]
    write_jsonl(run.candidates(1), [to_dict(i) for i in items])
    settings = {
        "kind": "openai",
        "model": "teacher",
        "timeout": 2.0,  # generous: a busy machine must not turn a normal reply into a timeout
        "backoff": 0.01,
        "max_retries": 3,
        **judge,
    }
    recipe = recipe_from_dict({"judge": settings, "data": {"reference_field": None}})
    run.recipe_path.write_text(dump_recipe(recipe))
    return run, recipe


def rankings(run):
    return {r["prompt_id"]: r for r in read_jsonl(run.rankings(1))}


def test_faults_are_retried_or_abstained_and_counted(tmp_path):
    faults = ["429", "500", "slow", "badbody", "badjson", "refuse"]
    prompts = [["a", "bbb", "cc"]] + [["a", "bbb", f"cc [fault={f}]"] for f in faults]
    with FakeServer(slow_s=3.0) as srv:
        run, recipe = make_run(tmp_path, prompts, base_url=srv.url, template="listwise")
        judge_stage(run, 1, recipe)
    got = rankings(run)
    assert len(got) == 7
    assert got["p0"]["order"] == [0, 2, 1]  # the server's honest rule: shorter wins
    for pid in ("p1", "p2", "p3", "p4"):  # transient faults: retried, then judged like any other
        assert not got[pid]["abstained"] and got[pid]["order"] == [0, 1, 2], pid
    for pid in ("p5", "p6"):  # broken JSON and a refusal: asked twice, then abstained, never a default score
        assert got[pid]["abstained"] and all(math.isnan(s) for s in got[pid]["scores"]), pid
    s = summarize(run.root / "ledger.sqlite")
    assert s["retries"] == 1 + 2 + 1 + 1  # 429 once, 500 twice, one timeout, one broken body
    assert s["abstained"] == 2 and s["rankings_abstained"] == 2 and s["rankings"] == 7
    assert s["calls"] == 5 + 2 * 2 and s["cache_hits"] == 0 and s["errors"] == 0


def test_rerun_makes_zero_calls_and_secret_never_hits_disk(tmp_path):
    with FakeServer() as srv:
        run, recipe = make_run(
            tmp_path, [["a", "bbb", "cc"], ["dd", "e"]], base_url=srv.url, template="pairwise"
        )
        judge_stage(run, 1, recipe)
        first, calls = rankings(run), srv.requests
        assert calls == 3 * 2 + 1 * 2  # every pair, both orders
        assert all(a == f"Bearer {KEY}" for a in srv.auth)  # the key was used...
        run.rankings(1).unlink()
        judge_stage(run, 1, recipe)
        assert srv.requests == calls  # ...and the rerun asked nothing
    assert rankings(run) == first
    s = summarize(run.root / "ledger.sqlite")
    assert (s["calls"], s["cache_hits"]) == (calls, calls)
    for f in run.root.rglob("*"):  # ...but is nowhere on disk
        if f.is_file():
            assert KEY.encode() not in f.read_bytes(), f


def test_pairwise_position_bias_is_recorded_as_inconsistent(tmp_path):
    with FakeServer() as srv:
        run, recipe = make_run(
            tmp_path, [["a", "bbb [fault=biased]", "cc"]], base_url=srv.url, template="pairwise"
        )
        judge_stage(run, 1, recipe)
    r = rankings(run)["p0"]
    assert (
        not r["consistent"] and r["order"][0] == 0
    )  # "a" beats "cc" consistently; the biased pairs are ties
    s = summarize(run.root / "ledger.sqlite")
    assert (s["comparisons"], s["inconsistent"]) == (3, 2)


def test_cost_cap_stops_cleanly_and_resumes(tmp_path):
    prompts = [["a", "bb"], ["ccc", "d"], ["ee", "f"], ["g", "hh"], ["i", "jjjj"]]
    with FakeServer() as srv:
        # ~10 prompt tokens a call at $1000 / Mtok: about a cent a call
        judge = dict(base_url=srv.url, concurrency=1, price_per_mtok={"input": 1000.0}, max_cost=0.025)
        run, recipe = make_run(tmp_path, prompts, **judge)
        with pytest.raises(CostLimitReached):
            judge_stage(run, 1, recipe)
        assert not run.is_done("judge", 1)
        stopped_at = srv.requests
        assert 1 <= stopped_at < 5
        assert len(list(read_jsonl(run.rankings(1).with_name("rankings.partial.jsonl")))) == stopped_at
        recipe.judge.max_cost = 1.0
        judge_stage(run, 1, recipe)
        assert run.is_done("judge", 1) and srv.requests == 5  # nothing asked twice
    s = summarize(run.root / "ledger.sqlite")
    assert s["calls"] == 5 and s["cost_usd"] > 0.025


def test_schema_is_requested_and_dropped_when_refused(tmp_path):
    with FakeServer(reject_schema=True) as srv:
        run, recipe = make_run(
            tmp_path, [["a", "b b"], ["c c c", "d"]], base_url=srv.url, template="pointwise"
        )
        judge_stage(run, 1, recipe)
        assert srv.bodies[0]["response_format"]["type"] == "json_schema"
        assert "response_format" not in srv.bodies[-1]
    assert [r["order"] for r in rankings(run).values()] == [[0, 1], [1, 0]]


def test_ledger_command(tmp_path):
    with FakeServer() as srv:
        run, recipe = make_run(
            tmp_path, [["a", "bb"]], base_url=srv.url, price_per_mtok={"input": 2.0, "output": 8.0}
        )
        judge_stage(run, 1, recipe)
    out = CliRunner().invoke(main, ["ledger", str(run.root), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    keys = {
        "calls",
        "cache_hits",
        "prompt_tokens",
        "completion_tokens",
        "cost_usd",
        "abstained",
        "inconsistent",
    }
    assert keys <= set(data) and data["calls"] == 1 and data["cost_usd"] > 0
    assert data["rounds"][0]["round"] == 1
    table = CliRunner().invoke(main, ["ledger", str(run.root)])
    assert table.exit_code == 0 and "judge ledger" in table.output and "all" in table.output


def test_missing_key_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY")
    run, recipe = make_run(tmp_path, [["a", "bb"]])
    with pytest.raises(ValueError, match="OPENAI_API_KEY"):
        judge_stage(run, 1, recipe)


def test_cli_judge_stops_at_the_cost_cap_with_a_message(tmp_path):
    with FakeServer() as srv:
        judge = dict(base_url=srv.url, concurrency=1, price_per_mtok={"input": 1000.0}, max_cost=0.015)
        run, _ = make_run(tmp_path, [["a", "bb"], ["ccc", "d"], ["ee", "f"]], **judge)
        result = CliRunner().invoke(main, ["judge", str(run.root), "--round", "1"])
    assert result.exit_code == 3 and "judge.max_cost" in result.output
    assert not run.is_done("judge", 1)


def _candidates(run, round_idx, texts):
    item = CandidateSet(f"p{round_idx}", [{"role": "user", "content": f"Answer question {round_idx}"}], [])
    item.candidates = [Completion(t, 3, "stop") for t in texts]
    write_jsonl(run.candidates(round_idx), [to_dict(item)])


def test_credentials_in_the_judge_url_are_used_but_never_saved(tmp_path, monkeypatch):
    import base64

    from rankdistill.judging import openai_client
    from rankdistill.run import load_run_recipe, open_run

    secrets = [b"hunter2", b"sk-in-the-query", base64.b64encode(b"user:hunter2")]
    with FakeServer() as srv:
        srv.basic_auth = "user:hunter2"  # anything else is answered 401
        url = srv.url.replace("http://", "http://user:hunter2@") + "?api_key=sk-in-the-query"
        judge = {"kind": "openai", "model": "teacher", "base_url": url, "timeout": 5.0, "backoff": 0.01}
        given = recipe_from_dict({"judge": judge, "data": {"reference_field": None}})
        run = open_run(tmp_path / "run", given)  # as `iterate` does: save the recipe, then read it back
        saved = load_run_recipe(run)
        assert saved.judge.base_url == srv.url
        _candidates(run, 1, ["a", "bb"])
        judge_stage(run, 1, saved)  # this process was given the credentials: its calls carry them
        assert srv.ok == 1

        monkeypatch.setattr(openai_client, "_LIVE_URLS", {})  # a later process: nothing in memory
        _candidates(run, 2, ["ccc", "d"])
        result = CliRunner().invoke(main, ["judge", str(run.root), "--round", "2"])
        assert result.exit_code == 2 and "401" in result.output and "base_url" in result.output, result.output
        assert not any(s in result.output.encode() for s in secrets)
        monkeypatch.setenv("OPENAI_BASE_URL", url)  # given again: the stage command works
        result = CliRunner().invoke(main, ["judge", str(run.root), "--round", "2"])
        assert result.exit_code == 0 and srv.ok == 2, result.output

        monkeypatch.delenv("OPENAI_BASE_URL")
        monkeypatch.setattr(openai_client, "_LIVE_URLS", {})
        run = open_run(tmp_path / "run", given)  # a resumed `iterate`: the user's recipe gives it again
        _candidates(run, 3, ["ee", "f"])
        judge_stage(run, 3, load_run_recipe(run))
        assert srv.ok == 3
    files = [f for f in run.root.rglob("*") if f.is_file()]
    assert {"recipe.yaml", "manifest.json", "ledger.sqlite"} <= {f.name for f in files}
    for f in files:
        assert not any(s in f.read_bytes() for s in secrets), f


def test_a_saved_url_takes_its_credentials_back_only_for_its_own_server(monkeypatch):
    from rankdistill.judging import openai_client
    from rankdistill.judging.kinds import child_environment
    from rankdistill.judging.openai_client import OpenAIClient, saved_url

    monkeypatch.setattr(openai_client, "_LIVE_URLS", {})
    full = "https://user:pw@judge.example:8443/v1"
    saved = saved_url(full)
    assert saved == "https://judge.example:8443/v1" and saved_url(saved) == saved
    settings = recipe_from_dict({"judge": {"kind": "openai", "model": "m", "base_url": saved}}).judge
    assert OpenAIClient(settings).base_url() == full  # this process was given it
    assert child_environment(settings)["OPENAI_BASE_URL"] == full  # what compare hands its child runs
    monkeypatch.setattr(openai_client, "_LIVE_URLS", {})  # a child process
    assert OpenAIClient(settings).base_url() == saved
    monkeypatch.setenv("OPENAI_BASE_URL", full)
    assert OpenAIClient(settings).base_url() == full
    monkeypatch.setenv("OPENAI_BASE_URL", "https://user:pw@elsewhere.example/v1")
    assert OpenAIClient(settings).base_url() == saved  # another server's credentials are not sent here
