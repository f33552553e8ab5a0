"""kd with a server teacher (train.per_algorithm.kd.teacher_server) against the fake OpenAI-compatible server: the
targets are the server's top-k, kept in the round's directory; training on them moves the student; faults fail
the round in one line and a resumed round pays nothing twice (the ledger); the tokenizer is checked first, free;
the key never reaches the run directory; on-policy, each step's samples are asked."""

from __future__ import annotations

import json
import math
import sqlite3
import types

import pytest
from fake_openai import FakeServer, fake_prompt_logprobs
from test_kd import _lora_b, _recipe, tiny  # noqa: F401 (tiny: the fixture)

from rankdistill.recipe import RecipeError
from rankdistill.rundir import RunDir

SECRET = "sk-kd-secret-7f3a9"
K = 5


@pytest.fixture
def server(monkeypatch, tiny):  # noqa: F811
    from transformers import AutoTokenizer

    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    tokenizer = AutoTokenizer.from_pretrained(str(tiny[0]))
    with FakeServer(api_key=SECRET, slow_s=1.5) as s:
        s.tokenize = lambda text: tokenizer(text, add_special_tokens=False)["input_ids"]
        yield s


def _server_recipe(tmp_path, student, url, **sets):
    base = {
        "train.per_algorithm.kd.teacher_server": {
            "base_url": url,
            "model": "teacher",
            "price_per_mtok": {"input": 2.0, "output": 8.0},
            "max_retries": 1,
            "backoff": 0.0,
            "timeout": 0.5,
        },
        "train.per_algorithm.kd.top_k": K,
    }
    return _recipe(tmp_path, student, None, **{**base, **sets})


def _train(recipe, run: RunDir, name: str = "adapter"):
    import shutil

    from rankdistill.train import recipe_for, train_with

    out = run.root / name
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    return train_with(recipe_for(recipe, "kd"), run, 1, out, run.root / f"{name}-checkpoints", None, "kd")


def _calls(run: RunDir) -> list[sqlite3.Row]:
    db = sqlite3.connect(run.root / "ledger.sqlite")
    db.row_factory = sqlite3.Row
    return db.execute("SELECT * FROM calls ORDER BY id").fetchall()


def _no_secret(root) -> None:
    for path in root.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), f"the API key is in {path}"


def test_targets_are_the_servers_top_k_and_a_resumed_round_pays_nothing(tiny, server, tmp_path):  # noqa: F811
    from rankdistill.train.kd_server import TARGETS_FILE, read_targets, row_key

    run = RunDir(tmp_path / "run")
    recipe = _server_recipe(tmp_path, tiny[0], server.url)
    result = _train(recipe, run)
    log = result["history"]
    assert server.requests == 4 and server.tokenized == 1  # one call per row, after one free tokenizer check
    assert all(a == f"Bearer {SECRET}" for a in server.auth)
    # the file holds, per row, exactly the server's top-k at each answer position
    targets = read_targets(run.round_dir(1) / TARGETS_FILE, {"model": "teacher", "top_k": str(K)})
    assert targets is not None and len(targets) == 4
    for body in server.bodies:
        ids = body["prompt"]
        assert body["prompt_logprobs"] == K and body["max_tokens"] == 1
        got_ids, got_lp = targets[row_key(ids)]
        fake = fake_prompt_logprobs(ids, K)
        n = len(got_ids)
        assert 0 < n < len(ids)
        for row, j in enumerate(range(len(ids) - n, len(ids))):  # the answer is the rows' last tokens
            best = sorted(fake[j].items(), key=lambda kv: -kv[1]["logprob"])[:K]
            assert got_ids[row].tolist() == [int(t) for t, _ in best]
            assert got_lp[row].tolist() == pytest.approx([v["logprob"] for _, v in best])
    # it trained on them: the divergence falls and the adapter moved
    assert log[-1]["kl"] < log[0]["kl"] and _lora_b(run.root / "adapter") > 0
    calls = _calls(run)
    assert len(calls) == 4 and all(c["stage"] == "kd_teacher" and c["round"] == 1 for c in calls)
    assert all(c["cost_usd"] > 0 and c["cached"] == 0 for c in calls)
    # the round again, its targets file lost: every row from the ledger, nothing paid again
    (run.round_dir(1) / TARGETS_FILE).unlink()
    _train(recipe, run, "again")
    assert server.requests == 4
    again = _calls(run)
    assert len(again) == 8 and all(c["cached"] == 1 and c["cost_usd"] == 0 for c in again[4:])
    _no_secret(tmp_path)


def _rows(tokenizer_dir, n=4):
    """Rows as the trainer tokenizes them: token ids, and labels on the last three."""
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(tokenizer_dir))
    rows = []
    for i in range(n):
        ids = tok(f"Correct this {i}: She go to school. She goes to school.")["input_ids"]
        rows.append({"input_ids": ids, "labels": [-100] * (len(ids) - 3) + ids[-3:]})
    return rows


def _ask(run, recipe, rows):
    from rankdistill.train import recipe_for
    from rankdistill.train.kd_server import teacher_targets

    settings = recipe_for(recipe, "kd").train.per_algorithm.kd
    return teacher_targets(types.SimpleNamespace(run=run, round_idx=1), rows, settings)


@pytest.mark.parametrize(
    "fault, says",
    [
        ("500", r"500 the engine died"),
        ("slow", r"APITimeoutError"),
        ("malformed", r"malformed prompt_logprobs: token \d+'s log-prob is 'NaN\?'"),
        ("short", r"malformed reply: prompt_logprobs for \d+ of \d+ prompt tokens"),
    ],
)
def test_a_failed_call_fails_the_round_in_one_line_and_is_asked_again(tiny, server, tmp_path, fault, says):  # noqa: F811
    from rankdistill.train.kd_server import TeacherFailed

    run = RunDir(tmp_path / "run")
    recipe = _server_recipe(tmp_path, tiny[0], server.url)
    rows = _rows(tiny[0])
    only = [t for t in rows[2]["input_ids"] if sum(t in r["input_ids"] for r in rows) == 1]  # its "2"
    server.logprob_fault, server.fault_token = fault, only[0]
    with pytest.raises(TeacherFailed, match=rf"^train\.per_algorithm\.kd\.teacher_server: 1 of 4 .*{says}") as e:
        _ask(run, recipe, rows)
    assert "\n" not in str(e.value)
    assert not (run.round_dir(1) / "kd_teacher.safetensors").exists()  # no targets of zeros, nothing half done
    first = _calls(run)
    answered = [c for c in first if c["reply"] is not None]
    assert len(answered) == 3 and sum(c["reply"] is None for c in first) == 1
    before = server.requests
    server.logprob_fault = None  # the server is well again: only the failed row is asked
    targets = _ask(run, recipe, rows)
    assert len(targets) == 4 and server.requests == before + 1
    paid = [c for c in _calls(run)[len(first) :] if not c["cached"]]
    assert len(paid) == 1
    _no_secret(tmp_path)


def test_the_cost_cap_stops_asking(tiny, server, tmp_path):  # noqa: F811
    from rankdistill.judging.ledger import CostLimitReached

    run = RunDir(tmp_path / "run")
    cap = {"base_url": server.url, "model": "teacher", "price_per_mtok": {"input": 1e5}, "max_cost": 1.0}
    cap |= {"concurrency": 1}
    recipe = _server_recipe(tmp_path, tiny[0], server.url, **{"train.per_algorithm.kd.teacher_server": cap})
    with pytest.raises(CostLimitReached, match=r"^train\.per_algorithm\.kd\.teacher_server\.max_cost \$1\.0000"):
        _ask(run, recipe, _rows(tiny[0]))
    assert 1 <= server.requests < 4  # each call costs ~$2 at this price: it stopped after the cap was spent


def test_refused_before_any_paid_call(tiny, server, tmp_path):  # noqa: F811
    from rankdistill.train import check_train_settings

    student = tiny[0]
    server.tokenize = lambda text: [1, 2, 3]  # another tokenizer
    with pytest.raises(RecipeError, match=r"^train\.per_algorithm\.kd\.teacher_server\.model: teacher's tokenizer"):
        check_train_settings(_server_recipe(tmp_path, student, server.url))
    server.tokenize = None  # a server without /tokenize (not vLLM): it cannot be checked
    with pytest.raises(RecipeError, match=r"^train\.per_algorithm\.kd\.teacher_server\.base_url: .*/tokenize"):
        check_train_settings(_server_recipe(tmp_path, student, server.url))
    both = {"train.per_algorithm.kd.teacher": str(tiny[1])}
    with pytest.raises(RecipeError, match=r"kd has one teacher"):
        check_train_settings(_server_recipe(tmp_path, student, server.url, **both))
    assert server.requests == 0  # nothing paid
    with pytest.raises(RecipeError, match=r"teacher_server.*must not hold credentials"):
        _server_recipe(tmp_path, student, "http://user:pw@127.0.0.1:1/v1")


def test_on_policy_asks_for_each_steps_samples(tiny, server, tmp_path):  # noqa: F811
    run = RunDir(tmp_path / "run")
    sets = {"train.per_algorithm.kd.on_policy": True, "train.per_algorithm.kd.max_new_tokens": 6}
    result = _train(_server_recipe(tmp_path, tiny[0], server.url, **{**sets, "train.max_steps": 3}), run)
    log = result["history"]
    assert result["on_policy"] and len(log) == 3 and all(0 < step["answer_tokens"] <= 6 for step in log)
    assert all(math.isfinite(step["kl"]) and step["kl"] > 0 for step in log)
    assert _lora_b(run.root / "adapter") > 0
    # one call per sample (4 prompts a step; two equal samples of a step would be one call), each of a prompt and
    # the student's sampled answer, scored at its answer tokens
    calls = _calls(run)
    assert 9 <= server.requests == len(calls) <= 12 and all(c["stage"] == "kd_teacher" for c in calls)
    assert all(len(json.loads(c["reply"])["ids"]) <= 6 for c in calls)
    assert not (run.round_dir(1) / "kd_teacher.safetensors").exists()
    _no_secret(tmp_path)
