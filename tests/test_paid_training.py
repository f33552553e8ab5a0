"""Paid calls outside the judge stage, on the real packaged student (CPU, tiny): GRPO and PPO rewards and compare's
win rates go through the run's ledger: capped by judge.max_cost, recorded, and never paid twice on a resume."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from fake_openai import FakeServer

pytestmark = pytest.mark.integration

TINY = {
    "data.max_prompts": 2,
    "generation.k": 2,
    "generation.max_new_tokens": 8,
    "train.max_steps": 2,
    "train.batch_size": 2,
    "train.save_steps": 1,  # a checkpoint after step 1: a stop in step 2 resumes there
    "rounds": 1,
}
PPO = {"train.minibatch_size": 2, "train.ppo_epochs": 1}
# the fake server's listwise reply '{"ranking": [1, 2]}' is 3 completion "tokens": at $1M per Mtok, $3 a call
PRICE = {"judge.price_per_mtok.input": 0, "judge.price_per_mtok.output": 1_000_000}


def rankdistill(*args: str, env_key: str = "sk-reward") -> subprocess.CompletedProcess:
    import os

    env = {**os.environ, "OPENAI_API_KEY": env_key}
    env.pop("OPENAI_BASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "rankdistill", *args], capture_output=True, text=True, timeout=1500, env=env
    )


def sets(overrides: dict) -> list[str]:
    return [x for k, v in overrides.items() for x in ("--set", f"{k}={v}")]


def ledger_json(run) -> dict:
    proc = rankdistill("ledger", str(run), "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


# on the packaged student, one algorithm each (tests/test_fault_training.py runs both on the tiny model): the cap
# with GRPO's rewards, Ctrl-C with PPO's
@pytest.mark.parametrize("algorithm", ["grpo"])
def test_online_rewards_stop_at_the_cap_and_a_resumed_round_pays_nothing_twice(tmp_path, algorithm):
    run = tmp_path / "run"
    overrides = {**TINY, **(PPO if algorithm == "ppo" else {}), **PRICE, "train.algorithm": algorithm}
    overrides["data.test"] = "null"  # no evaluation: the rewards are the calls
    with FakeServer() as srv:
        base = ["iterate", "gec-smollm2-dpo-openai", "--run-dir", str(run), "--set", f"judge.base_url={srv.url}"]
        # $7.5 allows three $3 calls: both of step 1 (then a checkpoint) and the first of step 2
        stopped = rankdistill(*base, *sets({**overrides, "judge.max_cost": 7.5}))
        assert stopped.returncode == 3, stopped.stderr[-3000:]
        errors = [line for line in stopped.stderr.splitlines() if "judge.max_cost" in line]
        assert len(errors) == 1 and errors[0].startswith("stopped:"), stopped.stderr[-3000:]
        assert "Traceback" not in stopped.stderr
        assert srv.ok == 3  # the fourth call was never sent
        assert not (run / "round-01/adapter").exists()  # training is not marked done...
        assert (run / "round-01/checkpoints/checkpoint-1/trainer_state.json").exists()  # ...and resumes here
        first = ledger_json(run)
        reward = next(r for r in first["stages"] if r["stage"] == "reward")
        assert reward["round"] == 1 and reward["calls"] == 3 and reward["cost_usd"] == pytest.approx(9.0)

        done = rankdistill(*base, *sets({**overrides, "judge.max_cost": 100}))
        assert done.returncode == 0, done.stderr[-3000:]
        assert "resuming training" in done.stderr
    assert (run / "round-01/adapter/adapter_config.json").exists()
    # step 2 sampled what it sampled before the stop: its first call came from the ledger, one more was paid
    assert srv.ok == 4 and all(n == 1 for n in srv.seen.values())
    reward = next(r for r in ledger_json(run)["stages"] if r["stage"] == "reward")
    assert reward["calls"] == 4 and reward["cache_hits"] == 1


@pytest.mark.parametrize("algorithm", ["ppo"])
def test_ctrl_c_in_a_reward_call_records_it_and_the_resumed_step_pays_nothing_twice(tmp_path, algorithm):
    import os
    import signal
    import time

    run = tmp_path / "run"
    overrides = {**TINY, **(PPO if algorithm == "ppo" else {}), "train.algorithm": algorithm, "data.test": "null"}
    env = {**os.environ, "OPENAI_API_KEY": "sk-reward"}
    env.pop("OPENAI_BASE_URL", None)
    with FakeServer(delay=1.0) as srv:
        args = [sys.executable, "-m", "rankdistill", "iterate", "gec-smollm2-dpo-openai", "--run-dir", str(run)]
        args += sets({**overrides, "judge.base_url": srv.url})
        proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 1200
        while srv.requests < 3 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)  # step 2's first reward call is in flight
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 130, err[-3000:]
        assert "Traceback" not in err
        assert srv.ok == 3 and ledger_json(run)["calls"] == 3  # the answer in flight was waited for
        done = rankdistill(*args[3:])
        assert done.returncode == 0, done.stderr[-3000:]
    assert (run / "round-01/adapter/adapter_config.json").exists()
    assert srv.requests == 4 and all(n == 1 for n in srv.seen.values())  # nothing asked twice
    assert ledger_json(run)["calls"] == 4


def test_compare_with_an_openai_judge_pays_each_call_once(tmp_path):
    run = tmp_path / "cmp"
    overrides = {**TINY, "train.save_steps": 100}
    overrides |= {"eval.max_prompts": 2, "eval.max_new_tokens": 8, "train.learning_rate": 5e-4}
    with FakeServer() as srv:
        args = ["compare", "gec-smollm2-dpo-openai", "--algorithms", "dpo,grpo", "--run-dir", str(run)]
        args += sets({**overrides, "judge.base_url": srv.url})
        proc = rankdistill(*args)
        assert proc.returncode == 0, proc.stderr[-4000:]
        asked = srv.requests
        assert all(n == 1 for n in srv.seen.values())  # no request was sent twice
        again = rankdistill(*args)
        assert again.returncode == 0, again.stderr[-4000:]
        assert srv.requests == asked  # a rerun pays nothing
    rows = json.loads((run / "compare/rows.json").read_text())
    assert {r["algorithm"] for r in rows} == {"base", "dpo", "grpo"}
    assert all(r["win_rate"] is not None for r in rows if r["algorithm"] != "base")
    ledger = ledger_json(run)
    assert ledger["calls"] == asked  # every paid call is a row of the compare run's ledger
    stages = {(r["run_dir"], r["stage"]): r for r in ledger["stages"]}
    assert stages[("", "judge")]["calls"] == 2  # round 1 judged once, for both algorithms
    assert stages[("compare/grpo", "reward")]["calls"] > 0  # grpo's rewards, in the same ledger
    for algorithm in ("dpo", "grpo"):
        win = stages[(f"compare/{algorithm}", "win_rate")]
        assert win["round"] == 1 and win["calls"] + win["cache_hits"] > 0
    # the algorithms' runs see the same ledger
    assert ledger_json(run / "compare/dpo")["calls"] == asked


def test_a_failed_algorithm_stops_compare_with_one_line(tmp_path):
    run = tmp_path / "cmp"
    overrides = {**TINY, "train.algorithm": "grpo", "train.save_steps": 100, **PRICE, "judge.max_cost": 4}
    overrides["data.test"] = "null"
    with FakeServer() as srv:
        args = ["compare", "gec-smollm2-dpo-openai", "--algorithms", "grpo", "--run-dir", str(run)]
        proc = rankdistill(*args, *sets({**overrides, "judge.base_url": srv.url}))
    assert proc.returncode == 3, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    stopped = [line for line in proc.stderr.splitlines() if line.startswith(("stopped:", "compare stopped:"))]
    assert len(stopped) == 2 and "judge.max_cost" in stopped[0] and "grpo" in stopped[1], proc.stderr[-3000:]
    assert srv.ok == 2  # $4 allows two $3 calls in all: the cap holds across compare's runs
