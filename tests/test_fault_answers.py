"""Fault catalogue, part 1 (issue 27): no answer the server gave is lost. Each case runs the judge stage as a user
would against the fault-injecting server (fake_openai.py) and checks the exit code, one line, that the answered
requests are the ledger's rows, and that a rerun sends no request twice."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from fake_openai import FakeServer
from test_judge_openai import KEY, make_run

from rankdistill.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _key(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def answered_rows(run) -> int:
    """Ledger rows of answers the server gave (not cache hits, not failures)."""
    db = sqlite3.connect(run.root / "ledger.sqlite")
    try:
        return db.execute("SELECT COUNT(*) FROM calls WHERE cached = 0 AND reply IS NOT NULL").fetchone()[0]
    finally:
        db.close()


def one_line(output: str, *prefixes: str) -> str:
    lines = [line for line in output.splitlines() if line.startswith(prefixes)]
    assert len(lines) == 1 and "Traceback" not in output, output
    return lines[0]


def judge(run) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OPENAI_API_KEY": KEY}
    env.pop("OPENAI_BASE_URL", None)
    args = [sys.executable, "-m", "rankdistill", "judge", str(run.root), "--round", "1"]
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_reply_with_empty_choices_is_a_paid_abstention_recorded(tmp_path):
    prompts = [["a", f"bb [fault=empty] {n}"] for n in range(8)]
    with FakeServer() as srv:
        run, _ = make_run(tmp_path, prompts, base_url=srv.url)
        result = CliRunner().invoke(main, ["judge", str(run.root), "--round", "1"])
        assert result.exit_code == 4, result.output  # every ranking abstained: judge.max_abstain_rate
        assert "max_abstain_rate" in one_line(result.output, "judge stopped:")
        assert srv.ok == 16 and answered_rows(run) == srv.ok  # asked twice each (unparseable), all recorded
        again = CliRunner().invoke(main, ["judge", str(run.root), "--round", "1"])
        assert again.exit_code == 4 and srv.requests == 16  # the rerun pays nothing


def test_ctrl_c_lets_the_calls_in_flight_land_in_the_ledger(tmp_path):
    prompts = [["a", f"bb {n}"] for n in range(8)]
    with FakeServer(delay=2.0) as srv:
        run, _ = make_run(tmp_path, prompts, base_url=srv.url, concurrency=2, timeout=30.0)
        proc = judge(run)
        deadline = time.monotonic() + 60
        while srv.requests < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)  # both calls are in flight
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 130, err
        assert "Traceback" not in err and "interrupted" in err
        assert srv.ok == 2 and answered_rows(run) == srv.ok  # the answers in flight were waited for
        srv.delay = 0.0
        proc = judge(run)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    assert run.is_done("judge", 1)
    assert srv.requests == 8 and all(n == 1 for n in srv.seen.values())  # nothing asked twice
    assert answered_rows(run) == 8


def test_a_full_disk_stops_before_a_call_whose_answer_it_could_not_keep(tmp_path, monkeypatch):
    import shutil

    from rankdistill.judging import ledger as ledger_module

    prompts = [["a", f"bb {n}"] for n in range(8)]
    real = shutil.disk_usage
    state = {"full": False}

    def usage(path):
        total, used, free = real(path)
        return type(real(path))(total, used, 200_000 if state["full"] else free)

    monkeypatch.setattr(ledger_module.shutil, "disk_usage", usage)
    with FakeServer() as srv:
        run, _ = make_run(tmp_path, prompts, base_url=srv.url, concurrency=1)
        original = ledger_module.Ledger.record

        def record(self, *args, **kwargs):  # the disk fills up after the third answer is written
            original(self, *args, **kwargs)
            state["full"] = srv.ok >= 3

        monkeypatch.setattr(ledger_module.Ledger, "record", record)
        result = CliRunner().invoke(main, ["judge", str(run.root), "--round", "1"])
        assert result.exit_code == 2, result.output
        line = one_line(result.output, "stopped:")
        assert "ledger.sqlite" in line and "free" in line, line
        assert srv.ok == 3 and answered_rows(run) == 3  # no call was made that the disk could not keep
        state["full"] = False
        monkeypatch.setattr(ledger_module.Ledger, "record", original)
        again = CliRunner().invoke(main, ["judge", str(run.root), "--round", "1"])
        assert again.exit_code == 0, again.output
    assert srv.requests == 8 and all(n == 1 for n in srv.seen.values())


def test_a_ledger_that_cannot_be_written_stops_the_stage_with_one_line(tmp_path, monkeypatch):
    """SQLite's own 'database or disk is full' (its page limit standing in for the disk): no further call."""
    from rankdistill.judging import ledger as ledger_module

    prompts = [["a", f"bb {n}"] for n in range(8)]
    with FakeServer(reply_pad=20_000) as srv:
        run, _ = make_run(tmp_path, prompts, base_url=srv.url, concurrency=1)
        original = ledger_module.Ledger.__init__

        def small(self, *args, **kwargs):
            original(self, *args, **kwargs)
            pages = self.db.execute("PRAGMA page_count").fetchone()[0]
            self.db.execute(f"PRAGMA max_page_count = {pages + 12}")  # room for about two big answers

        monkeypatch.setattr(ledger_module.Ledger, "__init__", small)
        result = CliRunner().invoke(main, ["judge", str(run.root), "--round", "1"])
        assert result.exit_code == 2, result.output
        line = one_line(result.output, "stopped:")
        assert "ledger.sqlite" in line and "full" in line, line
        recorded = answered_rows(run)
        assert srv.requests == recorded + 1  # the one answer that could not be written, and no call after it
        assert "1 answer" in line  # ...which the line counts as paid and not recorded


@pytest.fixture
def tiny_disk(tmp_path):
    """An 8 MiB filesystem (tmpfs; needs root, else the test is skipped)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("mounting a tmpfs needs root")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_run_on_a_disk_that_fills_keeps_every_answer_it_paid_for(tiny_disk):
    prompts = [["a", f"bb {n}"] for n in range(8)]
    with FakeServer(reply_pad=1_000_000) as srv:  # 1 MB answers: the disk holds a few
        run, _ = make_run(tiny_disk, prompts, base_url=srv.url, concurrency=2)
        result = CliRunner().invoke(main, ["judge", str(run.root), "--round", "1"])
        assert result.exit_code == 2, result.output
        line = one_line(result.output, "stopped:")
        assert "ledger.sqlite" in line and "MiB free" in line, line
        assert 0 < srv.ok < 8 and answered_rows(run) == srv.ok  # what was answered is recorded
        assert "not recorded" not in line


def test_every_answer_of_a_faulty_server_is_a_row_and_a_rerun_asks_nothing(tmp_path):
    faults = ["429", "500", "slow", "badbody", "badjson", "refuse", "empty"]
    prompts = [["a", "bbb"]] + [["a", f"bbb [fault={f}]"] for f in faults]
    with FakeServer(slow_s=3.0) as srv:
        run, _ = make_run(tmp_path, prompts, base_url=srv.url, max_abstain_rate=1.0)
        result = CliRunner().invoke(main, ["judge", str(run.root), "--round", "1"])
        assert result.exit_code == 0, result.output
        # 429, 500 (twice), the timeout and the broken body were retried: those requests got no answer
        assert srv.requests == srv.ok + 5 and answered_rows(run) == srv.ok
        asked = srv.requests
        again = CliRunner().invoke(main, ["judge", str(run.root), "--round", "1", "--force"])
        assert again.exit_code == 0, again.output
        assert srv.requests == asked  # every answer, the unparseable ones too, came from the ledger


def test_a_second_ctrl_c_abandons_calls_that_hang(tmp_path):
    prompts = [["a", f"bb [fault=hang] {n}"] for n in range(4)]
    with FakeServer(slow_s=20.0) as srv:
        run, _ = make_run(tmp_path, prompts, base_url=srv.url, concurrency=2, timeout=60.0)
        proc = judge(run)
        deadline = time.monotonic() + 60
        while srv.requests < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
        time.sleep(1.0)
        assert proc.poll() is None  # the first Ctrl-C waits for the calls in flight...
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=15)  # ...the second does not
        assert proc.returncode == 130, err
        assert "Ctrl-C again" in err and "Traceback" not in err
        assert srv.ok == 0 and answered_rows(run) == 0
