"""One writer per run directory: a second writer refuses at once naming the holder, a killed holder leaves
nothing to clean up, and read-only commands need no lock."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from fake_openai import FakeServer
from test_judge_openai import KEY, make_run

from rankdistill.cli import main
from rankdistill.errors import RunLocked
from rankdistill.rundir import RunDir

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "OPENAI_API_KEY": KEY, "OMP_NUM_THREADS": "1"}
HOLD = "import sys, time\nfrom rankdistill.rundir import RunDir\nwith RunDir(sys.argv[1]).lock():\n    print('held', flush=True)\n    time.sleep(60)\n"


def wait_for(cond, timeout=60.0):
    end = time.time() + timeout
    while time.time() < end:
        if cond():
            return True
        time.sleep(0.05)
    return False


def test_second_writer_refuses_naming_the_holder_and_kill_9_needs_no_cleanup(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path)], env=ENV, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(RunLocked, match=f"pid {holder.pid}"):
            with RunDir(tmp_path).lock():
                pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with RunDir(tmp_path).lock():  # the kernel released it with the process
        with RunDir(tmp_path).lock():  # re-entrant in one process
            pass


def test_two_concurrent_judges_pay_each_call_once_and_kill_9_resumes(tmp_path):
    prompts = [
        ["a", "bb"],
        ["ccc", "d"],
        ["ee", "f"],
        ["g", "hh"],
        ["i", "jj"],
        ["kk", "l"],
        ["m", "nn"],
        ["oo", "p"],
    ]
    with FakeServer(delay=1.5) as srv:  # slow enough that the first is still judging when the second tries
        run, _ = make_run(tmp_path, prompts, base_url=srv.url, concurrency=1, timeout=10)
        cmd = [sys.executable, "-m", "rankdistill", "judge", str(run.root), "--round", "1"]
        first = subprocess.Popen(cmd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            assert wait_for(lambda: srv.requests >= 1)
            second = subprocess.run(cmd, env=ENV, capture_output=True, text=True, timeout=60)
            assert second.returncode == 2
            assert f"pid {first.pid}" in second.stderr and "Traceback" not in second.stderr
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait()
        asked_before = srv.requests
        assert not run.is_done("judge", 1)
        third = subprocess.run(cmd, env=ENV, capture_output=True, text=True, timeout=120)
        assert third.returncode == 0, third.stdout + third.stderr
    assert run.is_done("judge", 1)
    # every prompt asked once, but for the one in flight when the holder was killed
    assert len(srv.seen) == len(prompts) and srv.requests <= len(prompts) + 1
    assert srv.requests - asked_before <= len(prompts) - asked_before + 1


def snapshot(root):
    return {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(root.rglob("*")) if p.is_file()}


def test_read_only_commands_write_nothing_and_work_on_a_read_only_run(tmp_path):
    with FakeServer() as srv:
        run, recipe = make_run(tmp_path, [["a", "bb"]], base_url=srv.url)
        from rankdistill.judging import judge_stage

        judge_stage(run, 1, recipe)
    before = snapshot(run.root)
    files = list(run.root.rglob("*"))
    for p in [*files, run.root]:
        p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        for args in (["summary", str(run.root)], ["ledger", str(run.root), "--json"]):
            result = CliRunner().invoke(main, args)
            assert result.exit_code == 0, (args, result.output)
        assert snapshot(run.root) == before  # not a byte written, no lock file made
        if os.geteuid() != 0:  # root writes through file modes
            result = CliRunner().invoke(main, ["judge", str(run.root), "--round", "1", "--force"])
            assert result.exit_code == 2 and "cannot write" in result.output
    finally:
        for p in [run.root, *files]:
            p.chmod(0o755 if p.is_dir() else 0o644)


def test_two_concurrent_iterate_the_second_refuses_and_each_call_is_paid_once(tmp_path):
    import yaml

    from rankdistill.records import CandidateSet, Completion, to_dict, write_jsonl

    prompts = 8
    run = RunDir(tmp_path / "run")
    items = [
        CandidateSet(
            f"p{n}",
            [{"role": "user", "content": f"Answer question {n}"}],
            [Completion(t, 1, "stop") for t in ("a", "bb")],
        )
        for n in range(prompts)
    ]
    write_jsonl(run.candidates(1), [to_dict(i) for i in items])  # generated already: no model needed
    with FakeServer(delay=1.5) as srv:
        recipe = tmp_path / "recipe.yaml"
        judge = {"kind": "openai", "model": "teacher", "base_url": srv.url, "concurrency": 1}
        recipe.write_text(yaml.safe_dump({"name": "lock", "data": {"test": None}, "judge": judge}))
        cmd = [sys.executable, "-m", "rankdistill", "iterate", str(recipe), "--run-dir", str(run.root)]
        first = subprocess.Popen(cmd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            assert wait_for(lambda: srv.requests >= 1, timeout=120)
            second = subprocess.run(cmd, env=ENV, capture_output=True, text=True, timeout=120)
            assert not run.is_done("judge", 1)  # the first still held the lock while the second tried
            assert second.returncode == 2 and f"pid {first.pid}" in second.stderr, second.stderr
            assert wait_for(lambda: run.is_done("judge", 1), timeout=120)
        finally:
            first.send_signal(signal.SIGKILL)  # it would go on to train
            first.wait()
    assert srv.requests == prompts and set(srv.seen.values()) == {1}  # every call paid once
    assert json.loads((run.root / "data_stats.json").read_text())["train"]["too_long"] == 0
