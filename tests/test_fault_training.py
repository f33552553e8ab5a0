"""Fault catalogue, part 5 (issue 27): a round that learned nothing is not filed as trained, and a resumed online
round pays for nothing twice. On the tiny random student (seconds); the same on the packaged student is in
test_paid_training.py (integration)."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner
from fake_openai import FakeServer
from test_judge_openai import KEY
from tiny_models import build_base_model

from rankdistill.cli import main
from rankdistill.rundir import RunDir


@pytest.fixture(autouse=True)
def _key(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return build_base_model(tmp_path_factory.mktemp("tiny"))


def prompts_file(tmp_path, n: int = 4, marker: str = "") -> str:
    path = tmp_path / "train.jsonl"
    path.write_text(
        "".join(json.dumps({"id": f"q{i}", "text": f"Fix {i}: she go home {marker}", "reference": "x"}) + "\n"
                for i in range(n))  # fmt: skip
    )
    return str(path)


def online(tmp_path, tiny, algorithm: str, judge: dict, marker: str = "", **extra) -> list[str]:
    """`iterate` of one round of ``algorithm`` on the tiny student: 2 steps of 2 prompts x 2 samples."""
    sets = {
        "name": "tiny",
        "student.model": str(tiny),
        "data.train": prompts_file(tmp_path, marker=marker),
        "data.test": "null",
        "generation.sources": "[student]",
        "generation.k": 2,
        "generation.max_new_tokens": 4,
        "train.schedule": "null",
        "train.algorithm": algorithm,
        "train.max_steps": 2,
        "train.batch_size": 2,
        "train.save_steps": 1,
        "rounds": 1,
        **{f"judge.{k}": v for k, v in judge.items()},
        **extra,
    }
    if algorithm == "ppo":
        sets |= {"train.per_algorithm.ppo.minibatch_size": 2, "train.per_algorithm.ppo.ppo_epochs": 1}
    args = ["iterate", "gec-smollm2-small", "--run-dir", str(tmp_path / "run")]
    for k, v in sets.items():
        args += ["--set", f"{k}={v}"]
    return args


def answered_rows(run: RunDir) -> int:
    db = sqlite3.connect(run.root / "ledger.sqlite")
    try:
        return db.execute("SELECT COUNT(*) FROM calls WHERE cached = 0 AND reply IS NOT NULL").fetchone()[0]
    finally:
        db.close()


def openai(srv, **more) -> dict:
    return {"kind": "openai", "model": "teacher", "base_url": srv.url, "backoff": 0.01, "timeout": 10, **more}


@pytest.mark.parametrize("algorithm", ["grpo", "ppo"])
def test_a_judge_that_always_abstains_stops_the_round_unfiled(tmp_path, tiny, algorithm):
    with FakeServer() as srv:
        args = online(tmp_path, tiny, algorithm, openai(srv), marker="[fault=badjson]")
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 4, result.output
        lines = [line for line in result.output.splitlines() if line.startswith("judge stopped:")]
        assert len(lines) == 1 and "max_abstain_rate" in lines[0] and "Traceback" not in result.output
        run = RunDir(tmp_path / "run")
        assert not run.is_done("train", 1)  # not filed as trained
        assert answered_rows(run) == srv.ok  # every answer paid is in the ledger
        asked = srv.requests
        again = CliRunner().invoke(main, args)
        assert again.exit_code == 4 and srv.requests == asked  # the rerun stops as it did, paying nothing


ZERO_JUDGE = """
from rankdistill.judging import ranking_from_scores


class Zero:
    name = "zero"

    def rank(self, item):
        return ranking_from_scores(item.prompt_id, [0.0] * len(item.candidates), self.name)
"""


@pytest.mark.parametrize("algorithm", ["grpo", "ppo"])
def test_rewards_that_are_all_zero_file_the_round_as_skipped(tmp_path, tiny, monkeypatch, algorithm):
    (tmp_path / "zero_judge.py").write_text(ZERO_JUDGE)
    monkeypatch.syspath_prepend(str(tmp_path))
    result = CliRunner().invoke(main, online(tmp_path, tiny, algorithm, {"kind": "zero_judge:Zero"}))
    assert result.exit_code == 0, result.output
    run = RunDir(tmp_path / "run")
    skipped = json.loads((run.adapter(1) / "skipped.json").read_text())
    assert "every one of the 8 rewards" in skipped["reason"] and "was 0" in skipped["reason"]
    assert not run.checkpoints(1).exists()
    assert "training skipped" in result.output
    exported = CliRunner().invoke(main, ["export", str(run.root), "--out", str(tmp_path / "out")])
    assert exported.exit_code == 0, exported.output
    info = json.loads((tmp_path / "out" / "rankdistill-export.json").read_text())
    assert info["algorithm"] is None and "was 0" in info["skipped"]


def test_a_loss_that_is_not_finite_stops_training_and_keeps_the_previous_adapter(tmp_path, tiny):
    from rankdistill.loop import open_run, run_stage
    from rankdistill.recipe import load_recipe
    from rankdistill.train.guards import TrainingDiverged

    sets = {"student.model": str(tiny), "data.train": prompts_file(tmp_path), "data.test": None,
            "train.schedule": None, "train.algorithm": "sft", "train.max_steps": 3, "train.batch_size": 2, "rounds": 2}  # fmt: skip
    run = open_run(tmp_path / "run", load_recipe("gec-smollm2-small", sets))
    run_stage(run, "train", 1, load_recipe("gec-smollm2-small", sets))
    before = (run.adapter(1) / "adapter_model.safetensors").read_bytes()
    with pytest.raises(TrainingDiverged, match=r"round 2: train \(sft\): .* at step \d"):
        run_stage(run, "train", 2, load_recipe("gec-smollm2-small", {**sets, "train.learning_rate": 1e38}))
    assert not run.is_done("train", 2)
    assert (run.adapter(1) / "adapter_model.safetensors").read_bytes() == before
    assert not list(run.checkpoints(2).glob("checkpoint-*")) or all(
        int(c.name.split("-")[1]) < 3 for c in run.checkpoints(2).glob("checkpoint-*")
    )


@pytest.mark.parametrize("algorithm", ["grpo", "ppo"])
def test_a_round_stopped_mid_step_resumes_without_paying_twice(tmp_path, tiny, algorithm):
    # the fake server's listwise reply is 3 completion "tokens": at $1M per Mtok, $3 a call
    price = {"price_per_mtok": json.dumps({"input": 0, "output": 1_000_000})}
    with FakeServer() as srv:
        # $7.5 allows three $3 calls: both of step 1 (a checkpoint), then the first of step 2's two
        stopped = CliRunner().invoke(main, online(tmp_path, tiny, algorithm, openai(srv, max_cost=7.5, **price)))
        assert stopped.exit_code == 3, stopped.output
        run = RunDir(tmp_path / "run")
        assert srv.ok == 3 and answered_rows(run) == 3
        done = CliRunner().invoke(main, online(tmp_path, tiny, algorithm, openai(srv, max_cost=100, **price)))
        assert done.exit_code == 0, done.output
    assert run.is_done("train", 1)
    assert srv.ok == 4 and all(n == 1 for n in srv.seen.values())  # step 2 drew the same samples again
    assert answered_rows(run) == 4


@pytest.mark.parametrize("stop", ["ctrl-c", "kill -9"])
def test_a_round_interrupted_mid_step_draws_the_same_samples_again(tmp_path, tiny, stop):
    import os
    import signal
    import subprocess
    import sys
    import time

    env = {**os.environ, "OPENAI_API_KEY": KEY}
    env.pop("OPENAI_BASE_URL", None)
    with FakeServer(delay=0.5) as srv:
        args = [sys.executable, "-m", "rankdistill", *online(tmp_path, tiny, "grpo", openai(srv))]
        proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 300
        while srv.requests < 3 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)  # step 2's first reward call is in flight
        proc.send_signal(signal.SIGINT if stop == "ctrl-c" else signal.SIGKILL)
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == (130 if stop == "ctrl-c" else -9), err[-2000:]
        run = RunDir(tmp_path / "run")
        if stop == "ctrl-c":
            assert srv.ok == 3 and answered_rows(run) == 3  # the call in flight landed in the ledger
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
    assert run.is_done("train", 1)
    assert len(srv.seen) == 4  # the resumed step drew the samples of its first attempt: 4 distinct requests
    # paid twice: nothing after a Ctrl-C; after a kill -9, at most the call in flight (its answer had no process)
    assert srv.requests - len(srv.seen) == (0 if stop == "ctrl-c" else 1) and answered_rows(run) == 4
