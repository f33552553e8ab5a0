"""End to end on the real packaged SmolLM2 student (CPU, minutes): `pytest -m integration`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

SMOKE = [
    "--set",
    "data.max_prompts=8",
    "--set",
    "generation.k=4",
    "--set",
    "train.max_steps=2",
    "--set",
    "eval.max_prompts=8",
    # CI time: short answers and small batches; what these tests check does not depend on either
    "--set",
    "generation.max_new_tokens=16",
    "--set",
    "eval.max_new_tokens=16",
    "--set",
    "train.batch_size=2",
    "--set",
    "train.per_algorithm.sft.batch_size=2",
]


def rankdistill(*args: str, check: bool = True, **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [sys.executable, "-m", "rankdistill", *args], capture_output=True, text=True, timeout=1200, **kw
    )
    if check and proc.returncode != 0:
        raise AssertionError(
            f"rankdistill {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr[-4000:]}"
        )
    return proc


def lora_b_norms(adapter: Path) -> dict[str, float]:
    from safetensors.torch import load_file

    weights = load_file(str(adapter / "adapter_model.safetensors"))
    return {k: float(v.float().norm()) for k, v in weights.items() if "lora_B" in k}


def mtimes(root: Path) -> dict[str, float]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


def test_round_artifacts_weights_and_resume(tmp_path):
    # the small recipe, Zephyr-style: round 1 distilled SFT (no candidates needed), round 2 DPO on the
    # student's samples plus the reference
    run = tmp_path / "run"
    out = rankdistill("iterate", "gec-smollm2-small", "--rounds", "1", "--run-dir", str(run), *SMOKE)
    assert "exact" in out.stdout  # the summary table

    # the run-directory contract
    assert (run / "recipe.yaml").exists()
    manifest = json.loads((run / "manifest.json").read_text())
    assert manifest["versions"]["trl"] and manifest["seed"] == 0
    assert manifest["student"]["model"] == "smollm2-135m-instruct"
    assert manifest["train"]["reference_policy"] in ("initial", "previous")
    assert not (run / "round-01/candidates.jsonl").exists()  # an SFT round learns from the labels alone
    # LoRA B starts at zero: a non-zero B means training changed the adapter
    norms = lora_b_norms(run / "round-01/adapter")
    assert norms and max(norms.values()) > 0
    assert json.loads((run / "round-01/adapter/train_stats.json").read_text())["algorithm"] == "sft"
    assert not (run / "round-01/checkpoints").exists()
    for r in (0, 1):
        ev = json.loads((run / f"round-{r:02d}/eval.json").read_text())
        preds = [json.loads(x) for x in (run / f"round-{r:02d}/predictions.jsonl").read_text().splitlines()]
        assert {"input", "reference", "prediction", "lang", "errors"} <= set(preds[0])
        # the metric is the predictions' own: recomputed from the file it sits beside
        exact = sum(" ".join(p["prediction"].split()) == " ".join(p["reference"].split()) for p in preds)
        assert ev["n"] == len(preds) == 8 and ev["exact_match"] == exact / 8
        if r == 1:  # against round 0 on the same 8 items, from the two predictions files
            before = [json.loads(x) for x in (run / "round-00/predictions.jsonl").read_text().splitlines()]
            right0 = sum(" ".join(p["prediction"].split()) == " ".join(p["reference"].split()) for p in before)
            diff = ev["vs_previous_round"]["exact_match"]
            assert diff["n"] == 8 and abs(diff["delta"] - (exact - right0) / 8) < 1e-9
        else:
            assert "vs_previous_round" not in ev

    # the same command again: nothing is redone
    before = mtimes(run / "round-01") | {"r0": (run / "round-00/eval.json").stat().st_mtime_ns}
    rankdistill("iterate", "gec-smollm2-small", "--rounds", "1", "--run-dir", str(run), *SMOKE)
    after = mtimes(run / "round-01") | {"r0": (run / "round-00/eval.json").stat().st_mtime_ns}
    assert before == after

    # a second round builds on the first without touching it; the recipe cannot silently change
    bad = rankdistill(
        "iterate", "gec-smollm2-small", "--rounds", "2", "--run-dir", str(run), *SMOKE, "--set", "train.per_algorithm.dpo.beta=0.5", check=False
    )
    assert bad.returncode == 2 and "train.per_algorithm.dpo.beta" in bad.stderr
    rankdistill("iterate", "gec-smollm2-small", "--rounds", "2", "--run-dir", str(run), *SMOKE)
    assert mtimes(run / "round-01") == {k: v for k, v in before.items() if k != "r0"}
    lines = [json.loads(x) for x in (run / "round-02/candidates.jsonl").read_text().splitlines()]
    assert len(lines) == 8
    for x in lines:  # 4 samples of the SFT round's student, its greedy answer, then the reference
        assert [c["source"] for c in x["candidates"]] == ["student"] * 4 + ["greedy", "reference"]
        assert all(c["finish_reason"] in ("stop", "length") and c["num_tokens"] > 0 for c in x["candidates"])
    rankings = [json.loads(x) for x in (run / "round-02/rankings.jsonl").read_text().splitlines()]
    assert len(rankings) == 8 and all(sorted(r["order"]) == [0, 1, 2, 3, 4, 5] for r in rankings)

    from datasets import load_from_disk

    pairs = load_from_disk(str(run / "round-02/prefs/pairs"))
    stats = json.loads((run / "round-02/prefs/stats.json").read_text())
    assert len(pairs) == stats["pairs"] > 0
    assert pairs[0]["chosen"][0]["role"] == "assistant" and pairs[0]["prompt"][-1]["role"] == "user"
    assert len(load_from_disk(str(run / "round-02/prefs/lists"))) == 8
    assert json.loads((run / "round-02/adapter/train_stats.json").read_text())["algorithm"] == "dpo"
    assert lora_b_norms(run / "round-02/adapter") != norms

    # one stage alone; eval of any round on another file with references
    again = rankdistill("judge", str(run), "--round", "2")
    assert "already complete" in again.stdout
    other = tmp_path / "other.csv"
    other.write_text("id,text,reference\na,She go home.,She goes home.\nb,Il est grand.,Il est grand.\n")
    ev = rankdistill("eval", str(run), "--round", "0", "--data", str(other))
    metrics = json.loads(ev.stdout)
    assert metrics["n"] == 2
    preds = (run / "round-00/eval-other.csv/predictions.jsonl").read_text().splitlines()
    assert [json.loads(x)["input"] for x in preds] == ["She go home.", "Il est grand."]


def test_killed_training_resumes(tmp_path):
    run = tmp_path / "run"
    args = [
        "iterate",
        "gec-smollm2-small",
        "--rounds",
        "1",
        "--run-dir",
        str(run),
        *SMOKE,
        "--set",
        "train.schedule=[dpo]",  # a DPO round: its candidates must survive the kill
        "--set",
        "train.max_steps=3",
        "--set",
        "train.save_steps=2",
    ]
    proc = subprocess.Popen(
        [sys.executable, "-m", "rankdistill", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    checkpoint = run / "round-01/checkpoints/checkpoint-2"
    deadline = time.time() + 900
    while not checkpoint.exists() and proc.poll() is None and time.time() < deadline:
        time.sleep(0.5)
    time.sleep(1.0)  # let the checkpoint finish writing, or not: both must resume
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert checkpoint.exists(), "training never reached its first checkpoint"
    assert not (run / "round-01/adapter").exists()
    candidates = (run / "round-01/candidates.jsonl").stat().st_mtime_ns

    out = rankdistill(*args)
    assert "resuming training" in out.stderr
    assert (run / "round-01/candidates.jsonl").stat().st_mtime_ns == candidates  # not regenerated
    assert max(lora_b_norms(run / "round-01/adapter").values()) > 0
    history = json.loads((run / "round-01/adapter/train_log.json").read_text())
    assert history[-1]["step"] == 3
    assert json.loads((run / "round-01/eval.json").read_text())["n"] == 8
