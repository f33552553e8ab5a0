"""Failures are not verdicts: a judge call that gets no answer leaves the stage unfinished, is never cached,
and the same command later asks only what failed (against the fault-injecting server in fake_openai.py)."""

import re
import socket

import pytest
from click.testing import CliRunner
from fake_openai import FakeServer
from test_judge_openai import KEY, make_run, rankings

from rankdistill.cli import main
from rankdistill.errors import JudgeFailed
from rankdistill.judging import judge_stage
from rankdistill.judging.ledger import summarize
from rankdistill.records import read_jsonl


@pytest.fixture(autouse=True)
def _key(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def asked(srv):
    """Requests the server got, by the question they judged."""
    out = {}
    for body in srv.bodies:
        n = re.search(r"Answer question (\d+)", body["messages"][-1]["content"]).group(1)
        out[f"p{n}"] = out.get(f"p{n}", 0) + 1
    return out


def partial_ids(run):
    path = run.rankings(1).with_name("rankings.partial.jsonl")
    return {r["prompt_id"] for r in read_jsonl(path)} if path.exists() else set()


@pytest.mark.parametrize("outage", ["500", "badbody", "slow"])
def test_failed_calls_leave_the_stage_unfinished_and_only_they_are_asked_again(tmp_path, outage):
    prompts = [["a", "bbb"], ["cc [fault=down]", "d"], ["ee", "f [fault=down]"], ["gg", "h"]]
    with FakeServer(slow_s=2.5) as srv:  # generous timeouts: the CI machine may be busy
        srv.outage = outage
        run, recipe = make_run(tmp_path, prompts, base_url=srv.url, timeout=1.5, max_retries=1)
        with pytest.raises(JudgeFailed) as err:
            judge_stage(run, 1, recipe)
        msg = str(err.value)
        assert "2 of 4 prompts could not be judged" in msg and srv.url in msg, msg
        assert not run.is_done("judge", 1)
        assert partial_ids(run) == {"p0", "p3"}  # what succeeded is kept
        s = summarize(run.root / "ledger.sqlite")
        assert s["errors"] == 2 and s["calls"] == 2  # failures are in the ledger, but not as answers
        first = asked(srv)
        assert first == {"p0": 1, "p1": 2, "p2": 2, "p3": 1}  # one retry each for the failing ones

        srv.outage = None  # the server is back
        judge_stage(run, 1, recipe)
        assert run.is_done("judge", 1)
        again = {k: v - first.get(k, 0) for k, v in asked(srv).items()}
        assert again == {"p0": 0, "p1": 1, "p2": 1, "p3": 0}  # only the failed prompts were asked
    got = rankings(run)
    assert not any(r["abstained"] for r in got.values())
    assert got["p1"]["order"] == [1, 0] and got["p2"]["order"] == [0, 1]  # shorter wins


def test_a_server_that_is_down_stops_early_and_the_message_hides_secrets(tmp_path):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://user:hunter2@127.0.0.1:{port}/v1?api_key=sk-secret"
    prompts = [["a", "bb"]] * 30
    run, recipe = make_run(tmp_path, prompts, base_url=url, max_retries=1, concurrency=2)
    with pytest.raises(JudgeFailed) as err:
        judge_stage(run, 1, recipe)
    msg = str(err.value)
    assert f"http://127.0.0.1:{port}/v1" in msg
    assert "hunter2" not in msg and "sk-secret" not in msg
    assert "left unasked" in msg  # 4 failures in a row: the rest was not tried
    assert not run.is_done("judge", 1) and not partial_ids(run)


def test_a_judge_that_never_parses_stops_the_stage(tmp_path):
    prompts = [["a", "bb [fault=badjson]"]] * 3
    with FakeServer() as srv:
        run, recipe = make_run(tmp_path, prompts, base_url=srv.url)
        with pytest.raises(JudgeFailed, match="max_abstain_rate"):
            judge_stage(run, 1, recipe)
        assert not run.is_done("judge", 1)
        calls = srv.requests
        recipe.judge.max_abstain_rate = 1.0  # accept them: answered from the ledger, nothing asked again
        judge_stage(run, 1, recipe)
        assert run.is_done("judge", 1) and srv.requests == calls


def test_cli_judge_failure_is_one_line_with_its_own_exit_code(tmp_path):
    with FakeServer() as srv:
        srv.outage = "500"
        run, _ = make_run(tmp_path, [["a [fault=down]", "bb"]], base_url=srv.url, max_retries=1)
        result = CliRunner().invoke(main, ["judge", str(run.root), "--round", "1"])
    assert result.exit_code == 4, result.output
    assert "Traceback" not in result.output and "could not be judged" in result.output
    assert not run.is_done("judge", 1)


def test_label_failures_stop_with_a_message_and_are_asked_again(tmp_path):
    import json

    data = tmp_path / "unlabelled.jsonl"
    texts = ["she go", "he go [fault=down]", "they goes"]
    data.write_text("".join(json.dumps({"id": f"u{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
    out, ledger = tmp_path / "labelled.jsonl", tmp_path / "ledger.sqlite"
    with FakeServer() as srv:
        srv.outage = "500"
        args = ["label", str(data), "--recipe", "gec-smollm2-dpo-openai", "--out", str(out), "--shots", "0"]
        args += [
            "--ledger",
            str(ledger),
            "--set",
            f"judge.base_url={srv.url}",
            "--set",
            "judge.max_retries=1",
        ]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 4 and "1 of 3 inputs got no answer" in result.output, result.output
        assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["u0", "u2"]
        calls = srv.requests
        srv.outage = None
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        assert srv.requests == calls + 1  # only the failed input was asked again
    assert len(out.read_text().splitlines()) == 3


def test_retries_and_slow_replies_are_shown_as_they_happen(tmp_path, monkeypatch):
    from rankdistill import progress
    from rankdistill.judging import llm

    lines = []

    class Rec:
        def start(self, *a, **k):
            class Bar:
                def advance(self, n=1):
                    pass

            return Bar()

        def stop(self, bar):
            pass

        def log(self, message):
            lines.append(message)

    monkeypatch.setattr(llm, "WAITING_NOTE_S", 0.1)
    progress.set_reporter(Rec())
    try:
        with FakeServer(delay=0.4) as srv:
            run, recipe = make_run(tmp_path, [["a [fault=500]", "bb"]], base_url=srv.url, timeout=5)
            judge_stage(run, 1, recipe)
    finally:
        progress.set_reporter(None)
    assert any("500" in line and "retry 1/3" in line for line in lines), lines
    assert any("waiting for replies" in line for line in lines), lines


def test_force_puts_the_old_rankings_back_when_the_redo_fails(tmp_path):
    with FakeServer() as srv:
        run, recipe = make_run(
            tmp_path, [["a [fault=down]", "bb"], ["ccc", "d"]], base_url=srv.url, max_retries=0
        )
        judge_stage(run, 1, recipe)
        old = run.rankings(1).read_bytes()
        (run.root / "ledger.sqlite").unlink()  # so the redo must ask the server again...
        for suffix in ("-wal", "-shm"):
            (run.root / f"ledger.sqlite{suffix}").unlink(missing_ok=True)
        srv.outage = "500"  # ...which is down
        args = ["judge", str(run.root), "--round", "1", "--force", "--new-ledger"]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 4, result.output
        assert run.rankings(1).read_bytes() == old  # what --force set aside is back
        assert not list(run.root.glob(".set-aside-*"))


@pytest.mark.parametrize("structured", ["auto", "none"])
def test_a_400_with_no_retries_reports_what_the_server_said(tmp_path, structured):
    with FakeServer() as srv:
        judge = dict(base_url=srv.url, max_retries=0, structured_output=structured)
        run, _ = make_run(tmp_path, [["a [fault=400]", "bb"]], **judge)
        result = CliRunner().invoke(main, ["judge", str(run.root), "--round", "1"])
        # auto: asked with the JSON schema, then once without it (dropping the schema is not a retry)
        assert srv.requests == (2 if structured == "auto" else 1)
        assert "response_format" not in srv.bodies[-1]
    assert result.exit_code == 4, result.output
    assert "last error: 400 this request is 9000 tokens, more than the model's 8192" in result.output
    assert "no reply" not in result.output
    assert summarize(run.root / "ledger.sqlite")["errors"] == 1  # one failed call, as a failure
